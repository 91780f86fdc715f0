/** Only http(s) URLs become links on the consent pages (App settings are validated too; this is belt and braces). */
export const webUrl = (value: string): string | null => (/^https?:\/\//i.test(value) ? value : null);

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/** Whether a Content-Type header names a form body (`application/x-www-form-urlencoded`, any parameters, any case). */
export const isFormContentType = (contentType: string | null | undefined): boolean =>
  (contentType ?? "").split(";")[0]!.trim().toLowerCase() === FORM_CONTENT_TYPE;

/** Whether a Content-Type header names a JSON body (`application/json` or a `+json` type, any parameters, any case). */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

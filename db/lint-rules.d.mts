export declare const writeOutcomeRules: Array<{ selector: string; message: string }>;

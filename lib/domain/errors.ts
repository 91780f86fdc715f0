export type DomainErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "limit" | "rate_limited" | "unauthorized";

export type FieldErrors = Record<string, string[]>;

/** A business rule said no. `fieldErrors` points the message at form fields when it concerns one. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
  }
}


export const notFound = (what = "Not found") => new DomainError("not_found", what);
export const fieldError = (code: DomainErrorCode, field: string, message: string) =>
  new DomainError(code, message, { [field]: [message] });

/** True for SQLite unique-constraint failures, optionally on one index or column list. */
export function isUniqueViolation(err: unknown, needle?: string): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
    ? !needle || (e.message ?? "").includes(needle)
    : false;
}

/** What a stale edit is answered with: the values saved now and their version, for the form to show. */
export interface Conflict {
  version: string;
  values: Record<string, unknown>;
}

/** An edit was based on values that have changed since the form was opened; nothing was saved. */
export class StaleEditError extends DomainError {
  constructor(
    message: string,
    readonly conflict: Conflict,
  ) {
    super("conflict", message);
    this.name = "StaleEditError";
  }
}

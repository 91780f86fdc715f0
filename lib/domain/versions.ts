import { createHash } from "node:crypto";
import { StaleEditError } from "./errors";

/**
 * The version of the values an edit form shows: a hash of exactly those fields. A form sends back
 * the version it was opened with; a save against different values is refused (no lost update).
 * Content-based on purpose: changes to other parts of the row (icon, keys, suspension) do not make
 * a form stale, changes to its fields from any form (App details and User authentication settings
 * share callback and policy URLs) do.
 */
export function contentVersion<K extends string>(row: Record<K, unknown>, fields: readonly K[]): string {
  const hash = createHash("sha256");
  for (const f of fields) hash.update(f).update("\0").update(JSON.stringify(row[f] ?? null)).update("\0");
  return hash.digest("base64url").slice(0, 22);
}

/** Picks the named fields of a row, as plain values. */
export function pickFields<K extends string>(row: Record<K, unknown>, fields: readonly K[]): Record<K, unknown> {
  return Object.fromEntries(fields.map((f) => [f, row[f]])) as Record<K, unknown>;
}

/** Throws StaleEditError (with the saved values) unless `version` is the row's current version. */
export function assertFresh<K extends string>(row: Record<K, unknown>, fields: readonly K[], version: string, message: string): void {
  const current = contentVersion(row, fields);
  if (current !== version) throw new StaleEditError(message, { version: current, values: pickFields(row, fields) });
}

/** The fields of `changes` whose values differ from the row's (JSON comparison, for lists). */
export function changedFields<K extends string>(row: Record<K, unknown>, changes: Partial<Record<K, unknown>>, fields: readonly K[]): K[] {
  return fields.filter((f) => f in changes && changes[f] !== undefined && JSON.stringify(row[f]) !== JSON.stringify(changes[f]));
}

import type { z } from "zod";
import { apiErrors, type ParamIssue } from "./problems";

export const MAX_BODY_BYTES = 64 * 1024;

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v === "number" ? "number" : typeof v);

function at(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) cur = cur && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

const pointer = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : `${s}.${String(k)}`), "$");

/** One zod issue in the words of X's JSON-schema validator ("$.text: integer found, string expected"). */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const where = pointer(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const found = at(input, issue.path);
      return found === undefined ? `${where}: is missing but it is required` : `${where}: ${typeOf(found)} found, ${issue.expected} expected`;
    }
    case "unrecognized_keys":
      return issue.keys.map((k) => `${pointer([...issue.path, k])}: is not defined in the schema and the schema does not allow additional properties`).join("; ");
    case "invalid_value":
      return `${where}: does not have a value in the enumeration [${issue.values.map(String).join(", ")}]`;
    case "too_small":
      return `${where}: there must be a minimum of ${String(issue.minimum)} items in the array`;
    case "too_big":
      return `${where}: there must be a maximum of ${String(issue.maximum)} items in the array`;
    case "invalid_format":
      return `${where}: does not match the regex pattern ${"pattern" in issue ? String(issue.pattern).replace(/^\/(.*)\/[a-z]*$/, "$1") : issue.format}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/**
 * A JSON request body parsed with the endpoint's schema; malformed JSON, a non-object body, wrong
 * types and unknown properties give X's 400 invalid-request problem (never a 500).
 */
export function parseJsonBody<S extends z.ZodType>(raw: string | null, schema: S): z.infer<S> {
  let input: unknown;
  try {
    input = JSON.parse(raw ?? "");
  } catch {
    throw apiErrors.invalidRequest([{ message: "Requested body is not valid JSON." }]);
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: ParamIssue[] = parsed.error.issues.map((i) => ({ message: issueMessage(i, input) }));
  throw apiErrors.invalidRequest(issues);
}

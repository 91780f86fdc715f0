import { apiErrors, type ParamIssue } from "./problems";

/** How one query parameter is checked. */
export type ParamRule =
  | { kind: "list"; allowed: readonly string[] }
  | { kind: "int"; min: number; max: number }
  | { kind: "string"; maxLength: number }
  | { kind: "pattern"; pattern: string }
  /** An RFC 3339 time (YYYY-MM-DDTHH:mm:ssZ), parsed to epoch ms. */
  | { kind: "time" };

export type QueryRules = Record<string, ParamRule>;
export type ParsedQuery = Record<string, string[] | number | string | undefined>;

const RFC3339 = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?(Z|[+-][0-9]{2}:[0-9]{2})$/;

const notOneOf = (name: string, value: string, allowed: readonly string[]): ParamIssue => ({
  parameters: { [name]: [value] },
  message: `The \`${name}\` query parameter value [${value}] is not one of [${allowed.join(",")}]`,
});

function checkParam(name: string, raw: string, rule: ParamRule, issues: ParamIssue[]): ParsedQuery[string] {
  if (raw === "") {
    issues.push({ parameters: { [name]: [raw] }, message: `The \`${name}\` query parameter can not be empty` });
    return undefined;
  }
  if (rule.kind === "list") {
    const values = raw.split(",");
    const bad = values.filter((v) => !rule.allowed.includes(v));
    for (const v of bad) issues.push(notOneOf(name, v, rule.allowed));
    return bad.length ? undefined : [...new Set(values)];
  }
  if (rule.kind === "int") {
    const n = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= rule.min && n <= rule.max)) {
      issues.push({ parameters: { [name]: [raw] }, message: `The \`${name}\` query parameter value [${raw}] is not between ${rule.min} and ${rule.max}` });
      return undefined;
    }
    return n;
  }
  if (rule.kind === "pattern") {
    if (new RegExp(rule.pattern).test(raw)) return raw;
    issues.push({ parameters: { [name]: [raw] }, message: `The \`${name}\` query parameter value [${raw}] does not match ${rule.pattern}` });
    return undefined;
  }
  if (rule.kind === "time") {
    const ms = RFC3339.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isFinite(ms)) return ms;
    issues.push({ parameters: { [name]: [raw] }, message: `Invalid '${name}':'${raw}'. '${name}' must be a valid RFC 3339 timestamp (YYYY-MM-DDTHH:mm:ssZ).` });
    return undefined;
  }
  if (raw.length > rule.maxLength) {
    issues.push({ parameters: { [name]: [raw.slice(0, 64)] }, message: `The \`${name}\` query parameter value is too long` });
    return undefined;
  }
  return raw;
}

/**
 * Checks a query string against an endpoint's parameters, as X does: unknown or repeated
 * parameters, empty values, values outside the allowed list or range each give one issue;
 * any issue throws X's 400 invalid-request problem with all of them.
 */
export function parseQuery(search: URLSearchParams, rules: QueryRules): ParsedQuery {
  const issues: ParamIssue[] = [];
  const out: ParsedQuery = {};
  const seen = new Set<string>();
  for (const [name, raw] of search) {
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) {
      issues.push({ parameters: { [name]: [raw] }, message: `The query parameter [${name}] is not one of [${Object.keys(rules).join(",")}]` });
      continue;
    }
    if (seen.has(name)) {
      issues.push({ parameters: { [name]: search.getAll(name) }, message: `Duplicate parameters are not allowed:  the \`${name}\` query parameter` });
      continue;
    }
    seen.add(name);
    out[name] = checkParam(name, raw, rule, issues);
  }
  if (issues.length) throw apiErrors.invalidRequest(issues);
  return out;
}

/** A path parameter checked against its pattern (X reports them like query parameters). */
export function checkPathParam(name: string, value: string, pattern: string): string {
  if (!new RegExp(pattern).test(value)) {
    throw apiErrors.invalidRequest([
      { parameters: { [name]: [value] }, message: `The \`${name}\` query parameter value [${value}] does not match ${pattern}` },
    ]);
  }
  return value;
}


import { searchNeedle } from "./search-text";

/**
 * The part of X's search query language this platform runs (recent search): keywords, "quoted
 * phrases", #hashtags, @mentions and $cashtags as keywords, `from:`, `to:`, `is:reply`,
 * `is:retweet`, `is:quote`, negation with `-`, `OR`, parentheses; terms side by side are AND.
 * Anything else is refused as X refuses an invalid query (an error naming the position).
 */
export type SearchNode =
  | { kind: "and" | "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode }
  | { kind: "text"; needle: string }
  | { kind: "from" | "to"; user: string }
  | { kind: "is"; what: "reply" | "retweet" | "quote" };

export type ParsedSearch = { ok: true; query: SearchNode } | { ok: false; errors: string[] };

export const MAX_QUERY_LENGTH = 512;

type Token =
  | { t: "(" | ")" | "or" | "neg"; at: number }
  | { t: "phrase"; value: string; at: number }
  | { t: "word"; value: string; at: number };

class QueryError extends Error {}
const fail = (message: string, at: number): never => {
  throw new QueryError(`${message} (at position ${at + 1})`);
};

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")") out.push({ t: c, at: i++ });
    else if (c === '"') {
      const end = q.indexOf('"', i + 1);
      if (end === -1) fail(`no viable alternative at character '"'`, i);
      out.push({ t: "phrase", value: q.slice(i + 1, end), at: i });
      i = end + 1;
    } else if ("'[]{}".includes(c)) fail(`no viable alternative at character '${c}'`, i);
    else if (c === "-" && i + 1 < q.length && !/\s/.test(q[i + 1]!)) out.push({ t: "neg", at: i++ });
    else {
      const m = /^[^\s()"]+/.exec(q.slice(i))!;
      const value = m[0];
      if (value === "OR") out.push({ t: "or", at: i });
      else if (value === "AND") fail('Ambiguous use of and as a keyword. Use a space to logically join two clauses, or "and" to find occurrences of and in text', i);
      else out.push({ t: "word", value, at: i });
      i += value.length;
    }
  }
  return out;
}

const OPERATOR = /^([A-Za-z_]+):(.*)$/s;
const INVALID_OPERATOR =
  "Reference to invalid operator '%s'. Operator is not available in current product or product packaging. Please refer to complete available operator list at https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query.";

function term(tok: Token & { t: "word" | "phrase" }): SearchNode {
  if (tok.t === "phrase") {
    const needle = searchNeedle(tok.value);
    return needle ? { kind: "text", needle } : fail(`no viable alternative at input '""'`, tok.at);
  }
  const op = OPERATOR.exec(tok.value);
  if (!op) {
    const needle = searchNeedle(tok.value);
    return needle ? { kind: "text", needle } : fail(`no viable alternative at input '${tok.value}'`, tok.at);
  }
  const [name, value] = [op[1]!.toLowerCase(), op[2]!];
  if ((name === "from" || name === "to") && /^@?[A-Za-z0-9_]{1,15}$/.test(value)) return { kind: name, user: value.replace(/^@/, "") };
  if (name === "is" && (value === "reply" || value === "retweet" || value === "quote")) return { kind: "is", what: value };
  return fail(INVALID_OPERATOR.replace("%s", name === "is" || name === "has" ? tok.value : name), tok.at);
}

/** Whether a node can stand alone: X requires at least one keyword, phrase, from: or to: outside a negation. */
function standalone(node: SearchNode): boolean {
  if (node.kind === "text" || node.kind === "from" || node.kind === "to") return true;
  if (node.kind === "and") return node.items.some(standalone);
  if (node.kind === "or") return node.items.every(standalone);
  return false;
}

export function parseSearchQuery(q: string): ParsedSearch {
  try {
    if (q.length > MAX_QUERY_LENGTH) fail(`Query length must be at most ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
    const tokens = tokenize(q);
    let pos = 0;
    const peek = () => tokens[pos];
    const parseOr = (): SearchNode => {
      const items = [parseAnd()];
      while (peek()?.t === "or") {
        pos++;
        items.push(parseAnd());
      }
      return items.length === 1 ? items[0]! : { kind: "or", items };
    };
    const parseAnd = (): SearchNode => {
      const items: SearchNode[] = [];
      for (let tok = peek(); tok && tok.t !== ")" && tok.t !== "or"; tok = peek()) items.push(parseUnary());
      if (!items.length) fail(`no viable alternative at input '${peek()?.t === "or" ? "OR" : peek() ? ")" : "<EOF>"}'`, peek()?.at ?? q.length);
      return items.length === 1 ? items[0]! : { kind: "and", items };
    };
    const parseUnary = (): SearchNode => {
      const tok = peek()!;
      pos++;
      if (tok.t === "neg") {
        if (!peek() || peek()!.t === ")" || peek()!.t === "or") fail("no viable alternative at input '-'", tok.at);
        return { kind: "not", item: parseUnary() };
      }
      if (tok.t === "(") {
        const inner = parseOr();
        if (peek()?.t !== ")") fail("missing ')' at '<EOF>'", q.length);
        pos++;
        return inner;
      }
      return term(tok as Token & { t: "word" | "phrase" });
    };
    const query = parseOr();
    if (pos < tokens.length) fail(`missing EOF at '${tokens[pos]!.t === ")" ? ")" : "OR"}'`, tokens[pos]!.at);
    if (!standalone(query)) fail("is/has/lang cannot be used as a standalone operator; a query needs a keyword, a phrase, from: or to: outside a negation", 0);
    return { ok: true, query };
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, errors: [err.message] };
    throw err;
  }
}

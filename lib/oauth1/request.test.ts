import { describe, expect, it } from "vitest";
import { accessLevelFor, levelCovers, lowerLevel } from "./access-level";
import { parseAuthorizationHeader } from "./authorization-header";
import { baseStringUri } from "./base-string";
import { parseForm, percentEncode } from "./encoding";
import { OAuth1Error, type OAuth1ErrorCode } from "./errors";
import { checkProtocolParams, parseSignedRequest, requestBaseUri, type OAuth1RequestFacts } from "./request";

const NOW = 1_700_000_000_000;
const TS = String(NOW / 1000);
const OK = { oauth_consumer_key: "ck", oauth_nonce: "n1", oauth_signature: "sig", oauth_signature_method: "HMAC-SHA1", oauth_timestamp: TS };

function header(params: Record<string, string>): string {
  return `OAuth ${Object.entries(params).map(([k, v]) => `${k}="${percentEncode(v)}"`).join(", ")}`;
}

function facts(opts: { headers?: Record<string, string>; url?: string; body?: string; trustProxy?: boolean; method?: string }): OAuth1RequestFacts {
  const h = Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: opts.method ?? "POST",
    url: opts.url ?? "http://127.0.0.1:3000/oauth/request_token",
    headers: { get: (n) => h[n.toLowerCase()] ?? null },
    body: opts.body,
    trustProxy: opts.trustProxy,
  };
}

function codeOf(fn: () => unknown): OAuth1ErrorCode | string {
  try {
    fn();
  } catch (err) {
    if (err instanceof OAuth1Error) return err.failure.kind === "code" ? err.failure.code : err.failure.reason;
    throw err;
  }
  return "no error";
}

describe("parseSignedRequest refuses bad authentication data with 215", () => {
  it.each(Object.keys(OK))("missing %s", (name) => {
    const params: Record<string, string> = { ...OK };
    delete params[name];
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: header(params) } })))).toBe(215);
  });

  it("an empty required parameter", () => {
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: header({ ...OK, oauth_nonce: "" }) } })))).toBe(215);
  });

  it("no Authorization header and no oauth parameters at all", () => {
    expect(codeOf(() => parseSignedRequest(facts({})))).toBe(215);
  });

  it("an oauth parameter duplicated between header and query", () => {
    const url = "http://127.0.0.1:3000/oauth/request_token?oauth_nonce=other";
    expect(codeOf(() => parseSignedRequest(facts({ url, headers: { authorization: header(OK) } })))).toBe(215);
  });

  it("an oauth parameter in the header and the form body with different values", () => {
    const f = facts({ headers: { authorization: header(OK), "content-type": "application/x-www-form-urlencoded" }, body: "oauth_consumer_key=x" });
    expect(codeOf(() => parseSignedRequest(f))).toBe(215);
  });

  it("an oauth parameter repeated inside the header", () => {
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: `${header(OK)}, oauth_nonce="again"` } })))).toBe(215);
  });

  it.each([
    ['OAuth oauth_consumer_key=ck'],
    ['OAuth oauth_consumer_key="ck" oauth_nonce="n"'],
    ['OAuth oauth_consumer_key="ck",'],
    ['OAuth oauth_consumer_key="c"k"'],
    ['OAuth oauth_consumer_key="%E0%A4%A"'],
    ['OAuth ,'],
    ['OAuthoauth_consumer_key="ck"'],
  ])("a malformed header: %s", (h) => {
    expect(codeOf(() => parseAuthorizationHeader(h))).toBe(215);
  });

  it("a non-numeric timestamp", () => {
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: header({ ...OK, oauth_timestamp: "12a" }) } })))).toBe(215);
  });

  it("a non-ASCII or overlong nonce", () => {
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: header({ ...OK, oauth_nonce: "nönce" }) } })))).toBe(215);
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: header({ ...OK, oauth_nonce: "n".repeat(256) }) } })))).toBe(215);
  });

  it("a malformed percent escape in the query", () => {
    const url = "http://127.0.0.1:3000/oauth/request_token?a=%ZZ";
    expect(codeOf(() => parseSignedRequest(facts({ url, headers: { authorization: header(OK) } })))).toBe(215);
  });
});

describe("parameters from every source", () => {
  it("reads oauth parameters from the query string and form body as well (RFC 5849 §3.5.2–3)", () => {
    const body = new URLSearchParams({ ...OK, x_auth_access_type: "read" }).toString();
    const req = parseSignedRequest(facts({ headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body }));
    expect(req.consumerKey).toBe("ck");
    expect(req.extra).toEqual([["x_auth_access_type", "read"]]);
  });

  it("ignores bodies that are not form-encoded", () => {
    const body = new URLSearchParams(OK).toString();
    expect(codeOf(() => parseSignedRequest(facts({ headers: { "content-type": "application/json" }, body })))).toBe(215);
  });

  it("treats an empty oauth_token as no token but still signs it", () => {
    const req = parseSignedRequest(facts({ headers: { authorization: header({ ...OK, oauth_token: "" }) } }));
    expect(req.token).toBeNull();
    expect(req.baseString).toMatch(/%26oauth_token%3D$/);
  });

  it("keeps a non-oauth Authorization scheme out of the parameters", () => {
    expect(codeOf(() => parseSignedRequest(facts({ headers: { authorization: "Bearer AAAA" } })))).toBe(215);
  });
});

describe("checkProtocolParams", () => {
  const parsed = (extra: Record<string, string>) => parseSignedRequest(facts({ headers: { authorization: header({ ...OK, ...extra }) } }));

  it("accepts HMAC-SHA1, version 1.0 and a timestamp within ±300 s", () => {
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_version: "1.0" }), NOW))).toBe("no error");
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_version: "1.0A" }), NOW))).toBe("no error");
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_timestamp: String(NOW / 1000 - 300) }), NOW))).toBe("no error");
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_timestamp: String(NOW / 1000 + 300) }), NOW))).toBe("no error");
  });

  it("refuses other signature methods and versions with 32", () => {
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_signature_method: "PLAINTEXT" }), NOW))).toBe(32);
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_signature_method: "HMAC-SHA256" }), NOW))).toBe(32);
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_version: "2.0" }), NOW))).toBe(32);
  });

  it("refuses a stale or future timestamp with 135", () => {
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_timestamp: String(NOW / 1000 - 301) }), NOW))).toBe(135);
    expect(codeOf(() => checkProtocolParams(parsed({ oauth_timestamp: String(NOW / 1000 + 301) }), NOW))).toBe(135);
  });
});

describe("base string URI", () => {
  it("lower-cases scheme and host and drops default ports only", () => {
    expect(baseStringUri("HTTP", "EXAMPLE.COM:80", "/r%20v/X")).toBe("http://example.com/r%20v/X");
    expect(baseStringUri("https", "www.example.net:8080", "/?q=1")).toBe("https://www.example.net:8080/");
    expect(baseStringUri("https", "example.net:443", "/a")).toBe("https://example.net/a");
    expect(baseStringUri("http", "[::1]:3000", "/a")).toBe("http://[::1]:3000/a");
    expect(baseStringUri("ftp", "example.net", "/a")).toBeNull();
  });

  it("uses X-Forwarded-Proto/-Host only behind a trusted proxy", () => {
    const headers = { "x-forwarded-proto": "https", "x-forwarded-host": "api.example.com" };
    const url = "http://127.0.0.1:3000/oauth/request_token?x=1";
    expect(requestBaseUri(facts({ url, headers }))).toBe("http://127.0.0.1:3000/oauth/request_token");
    expect(requestBaseUri(facts({ url, headers, trustProxy: true }))).toBe("https://api.example.com/oauth/request_token");
  });
});

describe("form parsing", () => {
  it("decodes + as space, keeps duplicates and empty values", () => {
    expect(parseForm("a=1+2&a=3&b&c=")).toEqual([["a", "1 2"], ["a", "3"], ["b", ""], ["c", ""]]);
  });
});

describe("access levels", () => {
  it.each([
    ["read", undefined, "read"],
    ["read-write", "read", "read"],
    ["read-write", "write", "read-write"],
    ["read", "write", "read"],
    ["read-write-directmessages", "write", "read-write"],
    ["read-write-directmessages", "read", "read"],
    ["read-write-directmessages", "bogus", "read-write-directmessages"],
  ] as const)("App %s + x_auth_access_type=%s → %s", (app, type, expected) => {
    expect(accessLevelFor(app, type)).toBe(expected);
  });

  it("compares levels", () => {
    expect(lowerLevel("read-write", "read")).toBe("read");
    expect(levelCovers("read-write", "read")).toBe(true);
    expect(levelCovers("read", "read-write")).toBe(false);
  });
});

describe("parseSignedRequest accepts an oauth_* parameter repeated with the same value", () => {
  // twitter-api-v2 1.29 login(): oauth_token in the Authorization header and in the form body.
  const withToken = { ...OK, oauth_token: "rt1" };
  const f = facts({ headers: { authorization: header(withToken), "content-type": "application/x-www-form-urlencoded" }, body: "oauth_token=rt1&oauth_verifier=v" });

  it("keeps one value and offers both base strings: the RFC's (repeat kept) and the merged one", () => {
    const req = parseSignedRequest(f);
    expect(req.token).toBe("rt1");
    expect(req.oauth.oauth_verifier).toBe("v");
    expect(req.baseString).toContain(encodeURIComponent("oauth_token=rt1&oauth_token=rt1"));
    expect(req.mergedBaseString).toContain(encodeURIComponent("oauth_token=rt1&oauth_verifier=v"));
    expect(req.mergedBaseString).not.toContain(encodeURIComponent("oauth_token=rt1&oauth_token=rt1"));
  });

  it("offers no merged base string when nothing is repeated", () => {
    expect(parseSignedRequest(facts({ headers: { authorization: header(withToken) } })).mergedBaseString).toBeNull();
  });
});


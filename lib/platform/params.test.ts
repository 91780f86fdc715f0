import { describe, expect, it } from "vitest";
import { MAX_PARAMS_BYTES, readParams, type ParamSource } from "./params";

const FORM = "application/x-www-form-urlencoded";
const ALL: ParamSource[] = ["form", "json", "query"];

function request(body: string | null, contentType: string | null = FORM, url = "http://h/2/oauth2/token") {
  return { contentType, hasBody: body !== null, url, text: async (max: number) => (body !== null && Buffer.byteLength(body) > max ? null : body) };
}

describe("readParams: form bodies (RFC 6749)", () => {
  it("reads single values, with a charset or not", async () => {
    expect(await readParams(request("a=1&c=%20x+y"), ALL)).toEqual({ ok: true, params: { a: "1", c: " x y" } });
    expect(await readParams(request("a=1", `${FORM};charset=UTF-8`), ALL)).toEqual({ ok: true, params: { a: "1" } });
  });

  it("refuses a repeated parameter, naming it", async () => {
    expect(await readParams(request("a=1&b=2&a=3"), ALL)).toEqual({ ok: false, reason: "repeated", param: "a" });
  });

  it("refuses oversized bodies and undeclared types", async () => {
    expect(await readParams(request(`a=${"x".repeat(MAX_PARAMS_BYTES)}`), ALL)).toEqual({ ok: false, reason: "too_large" });
    expect(await readParams(request("a=1", "text/plain"), ALL)).toEqual({ ok: false, reason: "content_type" });
    expect(await readParams(request("a=1", null), ALL)).toEqual({ ok: false, reason: "content_type" });
  });
});

describe("readParams: JSON bodies", () => {
  // twitter-api-v2 1.29 loginWithOAuth2 / refreshOAuth2Token / revokeOAuth2Token: a JSON object,
  // `application/json;charset=UTF-8`, client_id and client_secret beside the grant's parameters.
  it("reads twitter-api-v2's token request", async () => {
    const body = JSON.stringify({ code: "c", code_verifier: "v", redirect_uri: "https://app.example.com/cb", grant_type: "authorization_code", client_id: "id" });
    expect(await readParams(request(body, "application/json;charset=UTF-8"), ALL)).toEqual({
      ok: true,
      params: { code: "c", code_verifier: "v", redirect_uri: "https://app.example.com/cb", grant_type: "authorization_code", client_id: "id" },
    });
  });

  it("writes out numbers and booleans, drops null members", async () => {
    expect(await readParams(request('{"a":1,"b":true,"c":null}', "application/json"), ALL)).toEqual({ ok: true, params: { a: "1", b: "true" } });
  });

  it("refuses what is not a flat JSON object", async () => {
    for (const body of ["{", "[]", '"x"', "1", '{"a":{"b":1}}', '{"a":[1]}']) {
      expect(await readParams(request(body, "application/json"), ALL)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("is refused as a content type where the endpoint does not declare it", async () => {
    expect(await readParams(request('{"grant_type":"client_credentials"}', "application/json"), ["form", "query"])).toEqual({ ok: false, reason: "content_type" });
  });
});

describe("readParams: the query string", () => {
  // X's twitter-api-sdk 1.2 OAuth2User.requestAccessToken / refreshAccessToken / revokeAccessToken:
  // every parameter in the query string, a form Content-Type and no body (node-fetch sends
  // `Content-Length: 0`).
  it("reads twitter-api-sdk's token request with its empty body", async () => {
    const url = "http://h/2/oauth2/token?code=c&grant_type=authorization_code&code_verifier=v&client_id=id&redirect_uri=https%3A%2F%2Fa.example.com%2Fcb";
    expect(await readParams({ ...request(null, "application/x-www-form-urlencoded", url) }, ALL)).toEqual({
      ok: true,
      params: { code: "c", grant_type: "authorization_code", code_verifier: "v", client_id: "id", redirect_uri: "https://a.example.com/cb" },
    });
    expect(await readParams(request("", "application/x-www-form-urlencoded", url), ALL)).toMatchObject({ ok: true, params: { code: "c" } });
  });

  it("an empty body counts as none whatever its type", async () => {
    expect(await readParams(request("", "text/plain", "http://h/t?a=1"), ALL)).toEqual({ ok: true, params: { a: "1" } });
  });

  it("is read only where declared", async () => {
    expect(await readParams(request(null, null, "http://h/t?a=1"), ["form", "json"])).toEqual({ ok: true, params: {} });
  });

  it("a parameter in the query and the body is repeated", async () => {
    expect(await readParams(request("a=1", FORM, "http://h/t?a=1"), ALL)).toEqual({ ok: false, reason: "repeated", param: "a" });
  });
});

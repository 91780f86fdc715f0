import { describe, expect, it } from "vitest";
import { OAUTH1_ERRORS, oauth1ErrorResponse } from "./errors";

describe("oauth1ErrorResponse", () => {
  it.each([
    [32, 401, "Could not authenticate you."],
    [89, 401, "Invalid or expired token."],
    [135, 401, "Timestamp out of bounds."],
    [215, 400, "Bad Authentication data."],
    [416, 401, "Invalid / suspended App."],
  ] as const)("code %i → HTTP %i JSON", (code, status, message) => {
    const res = oauth1ErrorResponse({ kind: "code", code });
    expect(res.status).toBe(status);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ errors: [{ code, message }] });
  });

  it("415 is X's XML body unless the client asks for JSON", () => {
    const xml = oauth1ErrorResponse({ kind: "code", code: 415 }, "*/*");
    expect(xml.status).toBe(403);
    expect(xml.contentType).toMatch(/^application\/xml/);
    expect(xml.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><errors><error code="415">Callback URL not approved for this client application. ' +
        "Approved callback URLs can be adjusted in your application settings.</error></errors>",
    );
    const json = oauth1ErrorResponse({ kind: "code", code: 415 }, "application/json, text/plain, */*");
    expect(JSON.parse(json.body)).toEqual({ errors: [{ code: 415, message: OAUTH1_ERRORS[415].message }] });
  });

  it("access_token refusals are plain text 401s", () => {
    expect(oauth1ErrorResponse({ kind: "text", reason: "request_token_used" })).toEqual({
      status: 401,
      contentType: "text/plain; charset=utf-8",
      body: "This feature is temporarily unavailable",
    });
    expect(oauth1ErrorResponse({ kind: "text", reason: "invalid_verifier" }).body).toBe(
      "Error processing your OAuth request: Invalid oauth_verifier parameter",
    );
  });
});

import { describe, expect, it } from "vitest";
import { createDmConversationSchema, createTweetSchema } from "@/lib/validation/api";
import { accessLevelFromScopes, missingScopes, oauth1Allows } from "./access-level";
import { parseJsonBody } from "./body";
import { ENDPOINTS } from "./endpoints";
import { ApiError, apiErrors, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery } from "./query";

const thrown = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
};

describe("access level and scope rules", () => {
  it("derives x-access-level from OAuth 2.0 scopes", () => {
    expect(accessLevelFromScopes(["tweet.read", "users.read"])).toBe("read");
    expect(accessLevelFromScopes(["tweet.read", "like.write"])).toBe("read-write");
    expect(accessLevelFromScopes(["dm.read", "tweet.read"])).toBe("read-write-directmessages");
    expect(accessLevelFromScopes([])).toBe("read");
  });

  it("OAuth 1.0a levels cover the ones below them", () => {
    expect(oauth1Allows("read-write-directmessages", "read-write")).toBe(true);
    expect(oauth1Allows("read-write", "read-write-directmessages")).toBe(false);
    expect(oauth1Allows("read", "read")).toBe(true);
  });

  it("/2/users/me needs tweet.read and users.read; DMs need dm.* with them", () => {
    expect(missingScopes(["users.read"], ENDPOINTS.usersMe.scopes)).toEqual(["tweet.read"]);
    expect(missingScopes(["dm.read", "tweet.read", "users.read"], ENDPOINTS.dmSendToParticipant.scopes)).toEqual(["dm.write"]);
    expect(missingScopes(["dm.read", "tweet.read", "users.read"], ENDPOINTS.dmEvents.scopes)).toEqual([]);
    expect(ENDPOINTS.usersMe.auth).not.toContain("app-only");
    expect(ENDPOINTS.userById.auth).toContain("app-only");
  });
});

describe("problem builders", () => {
  it("unsupported-authentication names the type used and the supported ones, with X's double space", () => {
    expect(apiErrors.unsupportedAuthentication("OAuth 2.0 Application-Only", ["OAuth 1.0a User Context", "OAuth 2.0 User Context"]).body).toEqual({
      title: "Unsupported Authentication",
      detail:
        "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
      type: "https://api.twitter.com/2/problems/unsupported-authentication",
      status: 403,
    });
  });

  it("client-not-enrolled carries the numeric App ID and no status (as X's body)", () => {
    const err = apiErrors.clientNotEnrolled("27347717");
    expect(err.status).toBe(403);
    expect(err.body).toMatchObject({ client_id: "27347717", reason: "client-not-enrolled", title: "Client Forbidden" });
    expect(err.body).not.toHaveProperty("status");
  });

  it("resource-not-found partial errors", () => {
    expect(resourceNotFound("user", "username", "ghost")).toMatchObject({ detail: "Could not find user with username: [ghost].", parameter: "username", value: "ghost" });
  });
});

describe("query parsing", () => {
  const rules = { "user.fields": { kind: "list", allowed: ["a", "b"] }, max_results: { kind: "int", min: 1, max: 100 } } as const;

  it("accepts known parameters and values, deduplicating lists", () => {
    expect(parseQuery(new URLSearchParams("user.fields=a,b,a&max_results=5"), rules)).toEqual({ "user.fields": ["a", "b"], max_results: 5 });
  });

  it("reports every bad value, unknown and repeated parameter in one 400", () => {
    const err = thrown(() => parseQuery(new URLSearchParams("user.fields=a,x,y&zzz=1&max_results=0&max_results=2"), rules));
    expect(err.status).toBe(400);
    expect((err.body.errors as { message: string }[]).map((e) => e.message)).toEqual([
      "The `user.fields` query parameter value [x] is not one of [a,b]",
      "The `user.fields` query parameter value [y] is not one of [a,b]",
      "The query parameter [zzz] is not one of [user.fields,max_results]",
      "The `max_results` query parameter value [0] is not between 1 and 100",
      "Duplicate parameters are not allowed:  the `max_results` query parameter",
    ]);
  });

  it("id patterns and RFC 3339 times", () => {
    const timeRules = { since_id: { kind: "pattern", pattern: "^[0-9]{1,19}$" }, start_time: { kind: "time" } } as const;
    expect(parseQuery(new URLSearchParams("since_id=12&start_time=2026-01-02T03:04:05Z"), timeRules)).toEqual({ since_id: "12", start_time: Date.UTC(2026, 0, 2, 3, 4, 5) });
    const err = thrown(() => parseQuery(new URLSearchParams("since_id=x1&start_time=2026-01-02"), timeRules));
    expect((err.body.errors as { message: string }[]).map((e) => e.message)).toEqual([
      "The `since_id` query parameter value [x1] does not match ^[0-9]{1,19}$",
      "Invalid 'start_time':'2026-01-02'. 'start_time' must be a valid RFC 3339 timestamp (YYYY-MM-DDTHH:mm:ssZ).",
    ]);
  });

  it("path parameters are checked against their pattern", () => {
    expect(checkPathParam("id", "123", "^[0-9]{1,19}$")).toBe("123");
    expect(thrown(() => checkPathParam("id", "12345678901234567890", "^[0-9]{1,19}$")).status).toBe(400);
  });
});

describe("JSON bodies", () => {
  it("names wrong types, missing and unknown properties as X's validator does", () => {
    const messages = (raw: string) => (thrown(() => parseJsonBody(raw, createDmConversationSchema)).body.errors as { message: string }[]).map((e) => e.message);
    expect(messages('{"conversation_type":"Group","participant_ids":["1","x"],"message":{"text":1},"extra":true}')).toEqual([
      "$.participant_ids[1]: does not match the regex pattern ^[0-9]{1,19}$",
      "$.message.text: integer found, string expected",
      "$.extra: is not defined in the schema and the schema does not allow additional properties",
    ]);
    expect(parseJsonBody('{"text":"hi"}', createTweetSchema)).toEqual({ text: "hi" });
    expect(thrown(() => parseJsonBody("", createTweetSchema)).body.errors).toEqual([{ message: "Requested body is not valid JSON." }]);
    expect(thrown(() => parseJsonBody("null", createTweetSchema)).body.errors).toEqual([{ message: "$: null found, object expected" }]);
  });
});

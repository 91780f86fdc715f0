import { describe, expect, it } from "vitest";
import { isForeignOrigin, MAX_ACTION_NESTING, nestedDeeperThan, refuseHostilePost } from "./action-guard";

const post = (headers: Record<string, string>, body: BodyInit) => {
  const r = new Request("http://portal.test/settings/account", { method: "POST", headers: { host: "portal.test", ...headers }, body });
  return { method: r.method, headers: r.headers, text: () => r.text(), formData: () => r.formData() };
};

describe("refuseHostilePost", () => {
  it("refuses a foreign or null Origin with 403; same origin and no Origin pass", async () => {
    expect(await refuseHostilePost(post({ origin: "https://evil.example", "next-action": "7f00" }, "[]"))).toMatchObject({ status: 403 });
    expect(await refuseHostilePost(post({ origin: "null", "next-action": "7f00" }, "[]"))).toMatchObject({ status: 403 });
    expect(await refuseHostilePost(post({ origin: "http://portal.test.evil.example" }, "a=b"))).toMatchObject({ status: 403 });
    expect(await refuseHostilePost(post({ origin: "http://portal.test", "next-action": "7f00" }, '["$undefined",{"a":1}]'))).toBeNull();
    expect(await refuseHostilePost(post({ "next-action": "7f00" }, "[]"))).toBeNull();
    expect(isForeignOrigin(new Headers({ origin: "not a url", host: "portal.test" }))).toBe(true);
  });

  it("refuses action arguments nested deeper than any form sends (100k levels overflowed the decoder)", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(await refuseHostilePost(post({ origin: "http://portal.test", "next-action": "7f00" }, deep))).toMatchObject({ status: 400 });
    const form = new FormData();
    form.set("1_appId", "123");
    form.set("0", deep);
    expect(await refuseHostilePost(post({ origin: "http://portal.test", "next-action": "7f00" }, form))).toMatchObject({ status: 400 });
  });

  it("refuses a multipart body that cannot be parsed with 400 (Next answered 500)", async () => {
    const res = await refuseHostilePost(post({ origin: "http://portal.test", "content-type": "multipart/form-data; boundary=xyz" }, "garbage"));
    expect(res).toMatchObject({ status: 400 });
  });

  it("lets real forms through: callback URL rows, a no-JS form, text that merely contains brackets", async () => {
    const rows = JSON.stringify([{ appId: "1", callbackUrls: [{ url: "https://a.example/cb" }] }]);
    expect(await refuseHostilePost(post({ origin: "http://portal.test", "next-action": "7f00" }, rows))).toBeNull();
    const form = new FormData();
    form.set("$ACTION_ID_7f00", "");
    form.set("description", "a string with [[[[ brackets ]]]] and \"quotes\"");
    expect(await refuseHostilePost(post({ origin: "http://portal.test" }, form))).toBeNull();
    expect(await refuseHostilePost(post({ origin: "http://portal.test" }, "a=b"))).toBeNull();
  });
});

describe("nestedDeeperThan", () => {
  it("counts arrays and objects, never brackets inside strings", () => {
    expect(nestedDeeperThan("[[[]]]", 3)).toBe(false);
    expect(nestedDeeperThan("[[[[]]]]", 3)).toBe(true);
    expect(nestedDeeperThan('["[[[[[[", "\\"[[[["]', 1)).toBe(false);
    expect(nestedDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(nestedDeeperThan("[".repeat(MAX_ACTION_NESTING + 1), MAX_ACTION_NESTING)).toBe(true);
  });
});

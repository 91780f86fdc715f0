import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isConsentPath, newNonce, servedOverTls } from "./csp";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("Content-Security-Policy", () => {
  it("portal pages: nonce + strict-dynamic scripts, no plugins, no framing, forms only to this origin", () => {
    const d = directives(contentSecurityPolicy("abc123==", { consentPage: false, dev: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d["img-src"]).toEqual(["'self'", "data:", "blob:"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("consent pages: never framed, and no form-action (the decision redirects to the App's callback)", () => {
    const d = directives(contentSecurityPolicy("n", { consentPage: true, dev: false }));
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["form-action"]).toBeUndefined();
    expect(isConsentPath("/oauth/authorize")).toBe(true);
    expect(isConsentPath("/i/oauth2/authorize")).toBe(true);
    expect(isConsentPath("/oauthx")).toBe(false);
    expect(isConsentPath("/dashboard")).toBe(false);
  });

  it("dev mode only adds what Next's dev server needs", () => {
    const d = directives(contentSecurityPolicy("n", { consentPage: false, dev: true }));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("nonces are fresh, 128-bit, base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("HSTS only over TLS through a trusted proxy", () => {
    const h = (proto: string) => new Headers({ "x-forwarded-proto": proto });
    expect(servedOverTls(h("https"), true)).toBe(true);
    expect(servedOverTls(h("https, http"), true)).toBe(true);
    expect(servedOverTls(h("https"), false)).toBe(false);
    expect(servedOverTls(h("http"), true)).toBe(false);
    expect(servedOverTls(new Headers(), true)).toBe(false);
  });
});

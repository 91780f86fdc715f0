export type ConsentResultData = { kind: "pin"; pin: string; appName: string } | { kind: "denied"; appName: string };

/** What the consent action answers when it does not redirect (same shape as lib/server/action's ActionState). */
export type ConsentActionState =
  | { ok: true; message?: string; data?: ConsentResultData }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

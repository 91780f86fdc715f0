import { describe, expect, it } from "vitest";
import { isFormContentType } from "./forms";

describe("isFormContentType", () => {
  it("accepts the form type with any parameters and case, nothing else", () => {
    for (const yes of ["application/x-www-form-urlencoded", "Application/X-WWW-Form-URLEncoded; charset=UTF-8", " application/x-www-form-urlencoded ;q=1"]) expect(isFormContentType(yes)).toBe(true);
    for (const no of [null, undefined, "", "application/json", "multipart/form-data", "application/x-www-form-urlencoded-x", "text/plain; application/x-www-form-urlencoded"]) expect(isFormContentType(no)).toBe(false);
  });
});

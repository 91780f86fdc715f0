import { oauth2Errors } from "@/lib/oauth2/errors";
import type { ParamsRead } from "./params";

/** The parameters of an OAuth 2.0 request, or the RFC 6749 refusal a bad body (type, size, JSON, repeat) deserves. */
export function oauth2Params(read: ParamsRead): Record<string, string> {
  if (read.ok) return read.params;
  switch (read.reason) {
    case "too_large":
      throw oauth2Errors.tooLarge();
    case "content_type":
      throw oauth2Errors.contentType();
    case "malformed":
      throw oauth2Errors.malformedJson();
    case "repeated":
      throw oauth2Errors.duplicateParam(read.param);
  }
}

"use server";
import {
  endGracePeriodEarly,
  generateOwnerAccessToken,
  regenerateApiKey,
  regenerateBearerToken,
  regenerateClientSecret,
  revokeBearer,
  revokeOwnerAccessToken,
} from "@/lib/domain/keys";
import { validatedAction } from "@/lib/server/action";
import { endGracePeriodSchema, keyActionSchema, regenerateWithGraceSchema } from "@/lib/validation/keys";

// New secrets travel only in ActionState.data: never in a page, a URL or a log.

export const regenerateApiKeyAction = validatedAction(regenerateWithGraceSchema, ({ db, current, input }) => ({
  ok: true,
  data: regenerateApiKey(db, current.actor, input),
}));

export const regenerateBearerTokenAction = validatedAction(keyActionSchema, ({ db, current, input }) => ({
  ok: true,
  data: regenerateBearerToken(db, current.actor, input),
}));

export const revokeBearerTokenAction = validatedAction(keyActionSchema, ({ db, current, input }) => {
  revokeBearer(db, current.actor, input);
  return { ok: true, message: "Bearer token revoked. Requests using it now fail." };
});

export const generateAccessTokenAction = validatedAction(keyActionSchema, ({ db, current, input }) => ({
  ok: true,
  data: generateOwnerAccessToken(db, current.actor, input),
}));

export const revokeAccessTokenAction = validatedAction(keyActionSchema, ({ db, current, input }) => {
  revokeOwnerAccessToken(db, current.actor, input);
  return { ok: true, message: "Access Token and Secret revoked." };
});

export const regenerateClientSecretAction = validatedAction(regenerateWithGraceSchema, ({ db, current, input }) => ({
  ok: true,
  data: regenerateClientSecret(db, current.actor, input),
}));

export const endGracePeriodAction = validatedAction(endGracePeriodSchema, ({ db, current, input }) => {
  endGracePeriodEarly(db, current.actor, input);
  return { ok: true, message: "The previous credential stopped working." };
});

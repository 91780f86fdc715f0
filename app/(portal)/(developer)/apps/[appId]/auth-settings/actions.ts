"use server";
import { saveAuthSettings } from "@/lib/domain/auth-settings";
import { validatedAction } from "@/lib/server/action";
import { saveAuthSettingsSchema } from "@/lib/validation/auth-settings";

export const updateAuthSettingsAction = validatedAction(saveAuthSettingsSchema, ({ db, current, input }) => {
  const result = saveAuthSettings(db, current.actor, input);
  const notes = [
    result.tokensDiscarded && "Every user token issued to this App was discarded; users must authorize again.",
    result.clientSecretDeleted && "The Client Secret was deleted: public clients have none.",
  ].filter(Boolean);
  return {
    ok: true,
    message: ["Settings saved.", ...notes].join(" "),
    // The Client Secret of a switch to a confidential type: shown once, from this response only.
    data: { clientId: result.clientId, clientSecret: result.clientSecret, version: result.version },
  };
});

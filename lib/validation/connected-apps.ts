import { z } from "zod";
import { idSchema } from "./app";

/** Connected apps → Revoke access. */
export const revokeConnectedAppSchema = z.object({ appId: idSchema });
export type RevokeConnectedAppInput = z.infer<typeof revokeConnectedAppSchema>;

/** A team's Connected apps → Revoke access (the team's own account; its admins). */
export const revokeTeamConnectedAppSchema = z.object({ accountId: idSchema, appId: idSchema });
export type RevokeTeamConnectedAppInput = z.infer<typeof revokeTeamConnectedAppSchema>;

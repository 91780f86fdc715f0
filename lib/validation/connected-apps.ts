import { z } from "zod";
import { idSchema } from "./app";

/** Connected apps → Revoke access. */
export const revokeConnectedAppSchema = z.object({ appId: idSchema });
export type RevokeConnectedAppInput = z.infer<typeof revokeConnectedAppSchema>;

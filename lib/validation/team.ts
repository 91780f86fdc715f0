import { z } from "zod";
import { USERNAME_PATTERN } from "./account";
import { idSchema } from "./app";
import { ROLES } from "./enums";

const username = z
  .string()
  .trim()
  .transform((v) => v.replace(/^@/, ""))
  .pipe(z.string().regex(USERNAME_PATTERN, "Enter an @username (letters, numbers and _)"));

export const createTeamSchema = z.object({
  name: z.string().trim().min(1, "Enter a team name").max(50, "Team names can have at most 50 characters"),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const inviteMemberSchema = z.object({
  accountId: idSchema,
  username,
  role: z.enum(ROLES, { error: "Choose a role" }),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeRoleSchema = z.object({ accountId: idSchema, userId: idSchema, role: z.enum(ROLES) });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const memberSchema = z.object({ accountId: idSchema, userId: idSchema });
export type MemberInput = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({ invitationId: z.coerce.number().int().positive() });

/** One of a team's pending invitations, as its admins resend or cancel it. */
export const teamInvitationSchema = invitationSchema.extend({ accountId: idSchema });
export type TeamInvitationInput = z.infer<typeof teamInvitationSchema>;

/** The header switcher (and "switch to that account" links): `next` is where to go after, a same-origin path. */
export const switchAccountSchema = z.object({ accountId: idSchema, next: z.string().max(2000).optional() });

export const automationSchema = z.object({
  managerUsername: username,
  managerPassword: z.string().min(1, "Enter the managing account's password").max(128),
});
export type AutomationInput = z.infer<typeof automationSchema>;

export const removeAutomationSchema = automationSchema.pick({ managerPassword: true });
export type RemoveAutomationInput = z.infer<typeof removeAutomationSchema>;

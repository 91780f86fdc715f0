"use server";
import { revalidatePath } from "next/cache";
import { revokeTeamConnectedApp } from "@/lib/domain/team-connected-apps";
import { cancelInvitation, resendInvitation } from "@/lib/domain/team-invitations";
import { answerInvitation, changeRole, createTeam, inviteMember, removeMember } from "@/lib/domain/teams";
import { validatedAction } from "@/lib/server/action";
import { revokeTeamConnectedAppSchema } from "@/lib/validation/connected-apps";
import { changeRoleSchema, createTeamSchema, invitationSchema, inviteMemberSchema, memberSchema, teamInvitationSchema } from "@/lib/validation/team";

export const createTeamAction = validatedAction(createTeamSchema, ({ db, current, input }) => {
  const team = createTeam(db, current.actor, input);
  revalidatePath("/teams");
  return { ok: true, message: `Team ${team.name} created. Switch to it in the header to create its Projects and Apps.` };
});

export const inviteMemberAction = validatedAction(inviteMemberSchema, ({ db, current, input }) => {
  const { username } = inviteMember(db, current.actor, input);
  revalidatePath(`/teams/${input.accountId}`);
  return { ok: true, message: `Invitation sent to @${username}` };
});

export const acceptInvitationAction = validatedAction(invitationSchema, ({ db, current, input }) => {
  answerInvitation(db, current.actor, input.invitationId, true);
  revalidatePath("/", "layout");
  return { ok: true, message: "You joined the team" };
});

export const declineInvitationAction = validatedAction(invitationSchema, ({ db, current, input }) => {
  answerInvitation(db, current.actor, input.invitationId, false);
  revalidatePath("/", "layout");
  return { ok: true, message: "Invitation declined" };
});

export const changeRoleAction = validatedAction(changeRoleSchema, ({ db, current, input }) => {
  changeRole(db, current.actor, input);
  revalidatePath(`/teams/${input.accountId}`);
  return { ok: true, message: "Role changed" };
});

export const removeMemberAction = validatedAction(memberSchema, ({ db, current, input }) => {
  removeMember(db, current.actor, input);
  revalidatePath(`/teams/${input.accountId}`);
  revalidatePath("/teams");
  return { ok: true, message: input.userId === current.actor.userId ? "You left the team" : "Member removed" };
});

export const revokeTeamConnectedAppAction = validatedAction(revokeTeamConnectedAppSchema, ({ db, current, input }) => {
  const { appName } = revokeTeamConnectedApp(db, current.actor, input);
  revalidatePath(`/teams/${input.accountId}`);
  return { ok: true, message: `Access revoked. ${appName} can no longer use the team's account.` };
});

export const resendInvitationAction = validatedAction(teamInvitationSchema, ({ db, current, input }) => {
  const { username } = resendInvitation(db, current.actor, input);
  return { ok: true, message: `Invitation sent to @${username} again` };
});

export const cancelInvitationAction = validatedAction(teamInvitationSchema, ({ db, current, input }) => {
  const { username } = cancelInvitation(db, current.actor, input);
  revalidatePath(`/teams/${input.accountId}`);
  return { ok: true, message: `The invitation to @${username} was cancelled` };
});

import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, type SeededDeveloper } from "@/db/test-seed";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { answerInvitation, createTeam, inviteMember } from "./teams";
import { cancelInvitation, countMyInvitations, listMyInvitations, listTeamInvitations, RESEND_AFTER_MS, resendInvitation } from "./team-invitations";

let db: Db;
let admin: SeededDeveloper;
let dev: SeededDeveloper;
let guest: SeededDeveloper;
let teamId: string;

beforeEach(async () => {
  db = createTestDb();
  admin = await seedDeveloper(db, "boss");
  dev = await seedDeveloper(db, "coder");
  guest = await seedDeveloper(db, "guest");
  teamId = createTeam(db, admin.actor, { name: "Acme" }).id;
  inviteMember(db, admin.actor, { accountId: teamId, username: "coder", role: "developer" });
  answerInvitation(db, dev.actor, listMyInvitations(db, dev.actor)[0]!.id, true);
  inviteMember(db, admin.actor, { accountId: teamId, username: "guest", role: "admin" });
});

const invitationId = () => listMyInvitations(db, guest.actor)[0]!.id;

describe("pending team invitations", () => {
  it("the invitee sees each with the team, the role and who invited them, and how many", () => {
    expect(listMyInvitations(db, guest.actor)).toMatchObject([{ teamName: "Acme", role: "admin", invitedBy: "boss" }]);
    expect(countMyInvitations(db, guest.actor)).toBe(1);
    expect(countMyInvitations(db, dev.actor)).toBe(0);
  });

  it("admins list them; a developer of the team is refused, a stranger is told the team does not exist", () => {
    expect(listTeamInvitations(db, admin.actor, teamId)).toMatchObject([{ username: "guest", role: "admin", invitedBy: "boss" }]);
    expect(() => listTeamInvitations(db, dev.actor, teamId)).toThrow("You must be an admin");
    expect(() => listTeamInvitations(db, guest.actor, teamId)).toThrow("not found");
  });

  it("resend queues the e-mail again, at most once a minute", () => {
    const sent = () => db.select().from(outbox).where(eq(outbox.toEmail, "guest@example.com")).all().length;
    const now = Date.now();
    expect(sent()).toBe(1);
    expect(() => resendInvitation(db, admin.actor, { accountId: teamId, invitationId: invitationId() }, now)).toThrow("less than a minute ago");
    expect(resendInvitation(db, admin.actor, { accountId: teamId, invitationId: invitationId() }, now + RESEND_AFTER_MS + 1)).toEqual({ username: "guest" });
    expect(sent()).toBe(2);
    expect(() => resendInvitation(db, dev.actor, { accountId: teamId, invitationId: invitationId() }, now + 10 * RESEND_AFTER_MS)).toThrow("You must be an admin");
  });

  it("cancel withdraws it: the invitee no longer sees it and cannot accept it", () => {
    const id = invitationId();
    expect(() => cancelInvitation(db, dev.actor, { accountId: teamId, invitationId: id })).toThrow("You must be an admin");
    expect(cancelInvitation(db, admin.actor, { accountId: teamId, invitationId: id })).toEqual({ username: "guest" });
    expect(listMyInvitations(db, guest.actor)).toEqual([]);
    expect(() => answerInvitation(db, guest.actor, id, true)).toThrow("Invitation not found");
  });

  it("another team's admin cannot touch them, even with the invitation's id", () => {
    const other = createTeam(db, guest.actor, { name: "Other" });
    expect(() => cancelInvitation(db, guest.actor, { accountId: other.id, invitationId: invitationId() })).toThrow("Invitation not found");
  });
});

describe("team names", () => {
  it("one person cannot be in two teams of the same name (any case); someone else can use it", () => {
    expect(() => createTeam(db, admin.actor, { name: "ACME" })).toThrow("You are already in a team called ACME");
    expect(() => createTeam(db, dev.actor, { name: "acme" })).toThrow("already in a team");
    expect(createTeam(db, guest.actor, { name: "Acme" }).name).toBe("Acme");
  });
});

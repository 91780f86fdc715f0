import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ensureTeamIdentity, teamsWithoutIdentity } from "./team-identity";

/**
 * Run at start (lib/runtime/prepare.ts), idempotent. Every team gets its own account; owner
 * Access Tokens of team Apps that act for anyone but the team's account are deleted — issued
 * before team Apps had an account of their own, they let a team admin act as the App's creator
 * (read their DMs, Tweet as them), even after that member left; every remaining portal token is
 * listed in the Connected apps of the account it acts for. Answers what it changed.
 */
export function repairOwnerTokens(db: Db): { teams: number; revoked: number; listed: number } {
  return db.transaction((tx) => {
    const teams = teamsWithoutIdentity(tx);
    for (const id of teams) ensureTeamIdentity(tx, id);
    const revoked = tx.run(sql`
      delete from oauth1_tokens
      where source = 'portal'
        and exists (
          select 1 from apps a join developer_accounts d on d.id = a.account_id
          where a.id = oauth1_tokens.app_id and d.kind = 'team' and d.identity_user_id is not oauth1_tokens.user_id
        )`).changes;
    const now = Date.now();
    const listed = tx.run(sql`
      insert into authorizations (app_id, user_id, oauth1_access_level, created_at, updated_at)
      select t.app_id, t.user_id, t.access_level, t.created_at, ${now}
      from oauth1_tokens t
      where t.source = 'portal'
        and not exists (select 1 from authorizations z where z.app_id = t.app_id and z.user_id = t.user_id and z.oauth1_access_level is not null)
      on conflict (app_id, user_id) do update set oauth1_access_level = excluded.oauth1_access_level, updated_at = excluded.updated_at`).changes;
    return { teams: teams.length, revoked, listed };
  });
}

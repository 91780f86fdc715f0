import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/domain/actor";
import { listDeveloperAccounts, type DeveloperAccount } from "@/lib/domain/developer-accounts";
import { resolveSession } from "@/lib/domain/sessions";
import { getUserById, type PublicUser } from "@/lib/domain/users";
import { authOptions } from "./auth-options";

export interface CurrentUser {
  actor: Actor;
  sessionId: string;
  user: PublicUser;
}

/** The signed-in user of this request (validated against the sessions table), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  if (!session?.sid) return null;
  const db = getDb();
  const resolved = resolveSession(db, session.sid);
  const user = resolved && getUserById(db, resolved.userId);
  if (!resolved || !user) return null;
  // The request's client address travels with the actor, for the domain's per-address limits.
  const actor = { ...resolved, address: (await headers()).get("x-devportal-client-ip") ?? "unknown" };
  return { actor, sessionId: session.sid, user };
});

/** The path of this request, set by proxy.ts, for "sign in and come back". */
export async function currentPath(): Promise<string> {
  return (await headers()).get("x-devportal-path") ?? "/dashboard";
}

export async function requireUser(): Promise<CurrentUser> {
  const current = await getCurrentUser();
  if (!current) redirect(`/signin?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return current;
}

export interface DeveloperContext extends CurrentUser {
  accounts: DeveloperAccount[];
  account: DeveloperAccount;
}

export const ACCOUNT_COOKIE = "dp-account";

/** The developer account chosen in the header switcher, when the user still belongs to it; else the first. */
export async function activeAccount(accounts: DeveloperAccount[]): Promise<DeveloperAccount | undefined> {
  const chosen = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  return accounts.find((a) => a.id === chosen) ?? accounts[0];
}

/** A signed-in user with developer access; others are sent to sign in or to "Sign up for developer access". */
export const requireDeveloper = cache(async (): Promise<DeveloperContext> => {
  const current = await requireUser();
  const accounts = listDeveloperAccounts(getDb(), current.actor);
  const account = await activeAccount(accounts);
  if (!account) redirect(`/developer/signup?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return { ...current, accounts, account };
});

/** The operator, or a 404 for everyone else (the console does not reveal that it exists). */
export async function requireOperatorPage(): Promise<CurrentUser> {
  const current = await requireUser();
  if (!current.actor.isOperator) notFound();
  return current;
}

import { and, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { dmConversations, dmEvents, dmParticipants, users } from "@/db/schema";
import { DomainError } from "./errors";
import { snowflake } from "./ids";

export type DmEvent = typeof dmEvents.$inferSelect;
export interface DmSent {
  conversationId: string;
  eventId: string;
}

/** X's one-to-one conversation id: the two user ids, lower first, joined by "-". */
export function oneToOneId(a: string, b: string): string {
  const [lo, hi] = BigInt(a) <= BigInt(b) ? [a, b] : [b, a];
  return `${lo}-${hi}`;
}

function missingUsers(tx: DbOrTx, ids: string[]): string[] {
  const found = new Set(tx.select({ id: users.id }).from(users).where(inArray(users.id, ids)).all().map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

function addEvent(tx: DbOrTx, conversationId: string, senderId: string, text: string, now: number): DmSent {
  const id = snowflake(now);
  tx.insert(dmEvents).values({ id, conversationId, senderId, text, createdAt: now }).run();
  return { conversationId, eventId: id };
}

/** Sends a message to another user, in their one-to-one conversation (created on first use). Throws not_found for an unknown user. */
export function sendToParticipant(db: DbOrTx, input: { senderId: string; participantId: string; text: string }, now = Date.now()): DmSent {
  return db.transaction((tx) => {
    if (missingUsers(tx, [input.participantId]).length) throw new DomainError("not_found", "User not found");
    const id = oneToOneId(input.senderId, input.participantId);
    tx.insert(dmConversations).values({ id, kind: "one_to_one", createdAt: now }).onConflictDoNothing().run();
    tx.insert(dmParticipants)
      .values([...new Set([input.senderId, input.participantId])].map((userId) => ({ conversationId: id, userId })))
      .onConflictDoNothing()
      .run();
    return addEvent(tx, id, input.senderId, input.text, now);
  });
}

/** Starts a group conversation of the sender and the participants with a first message. Throws not_found naming unknown ids. */
export function createGroupConversation(db: DbOrTx, input: { senderId: string; participantIds: string[]; text: string }, now = Date.now()): DmSent {
  return db.transaction((tx) => {
    const members = [...new Set([input.senderId, ...input.participantIds])];
    const missing = missingUsers(tx, members);
    if (missing.length) throw new DomainError("not_found", missing.join(","));
    const id = snowflake(now);
    tx.insert(dmConversations).values({ id, kind: "group", createdAt: now }).run();
    tx.insert(dmParticipants).values(members.map((userId) => ({ conversationId: id, userId }))).run();
    return addEvent(tx, id, input.senderId, input.text, now);
  });
}

export function isParticipant(db: DbOrTx, conversationId: string, userId: string): boolean {
  return !!db
    .select({ u: dmParticipants.userId })
    .from(dmParticipants)
    .where(and(eq(dmParticipants.conversationId, conversationId), eq(dmParticipants.userId, userId)))
    .get();
}

/** Sends a message into a conversation the sender is part of; null when it is unknown or not theirs. */
export function sendToConversation(db: DbOrTx, input: { senderId: string; conversationId: string; text: string }, now = Date.now()): DmSent | null {
  return db.transaction((tx) => (isParticipant(tx, input.conversationId, input.senderId) ? addEvent(tx, input.conversationId, input.senderId, input.text, now) : null));
}

/** Where a page of events ends: the last event's time and id. */
export interface DmCursor {
  createdAt: number;
  id: string;
}

export const encodeDmCursor = (c: DmCursor) => Buffer.from(`${c.createdAt}:${c.id}`).toString("base64url");

export function decodeDmCursor(token: string): DmCursor | null {
  const m = /^([0-9]{1,15}):([0-9]{1,19})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return m ? { createdAt: Number(m[1]), id: m[2]! } : null;
}

/**
 * A page of DM events the user can see, newest first: of one conversation, or of all theirs.
 * Conversations the user is not in yield nothing.
 */
export function listDmEvents(db: DbOrTx, input: { userId: string; conversationId?: string; limit: number; after?: DmCursor | null }) {
  const mine = db.select({ id: dmParticipants.conversationId }).from(dmParticipants).where(eq(dmParticipants.userId, input.userId));
  const where: SQL[] = [inArray(dmEvents.conversationId, mine)];
  if (input.conversationId) where.push(eq(dmEvents.conversationId, input.conversationId));
  if (input.after) {
    const { createdAt, id } = input.after;
    where.push(or(lt(dmEvents.createdAt, createdAt), and(eq(dmEvents.createdAt, createdAt), sql`${dmEvents.id} < ${id}`))!);
  }
  const rows = db
    .select()
    .from(dmEvents)
    .where(and(...where))
    .orderBy(desc(dmEvents.createdAt), desc(dmEvents.id))
    .limit(input.limit + 1)
    .all();
  const events = rows.slice(0, input.limit);
  const last = events.at(-1);
  return { events, next: rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

import {
  createGroupConversation,
  decodeDmCursor,
  encodeDmCursor,
  isParticipant,
  listDmEvents,
  oneToOneId,
  sendToConversation,
  sendToParticipant,
  type DmSent,
} from "@/lib/domain/dms";
import { DomainError } from "@/lib/domain/errors";
import {
  createDmConversationSchema,
  DM_CONVERSATION_ID_PATTERN,
  DM_EVENT_FIELDS,
  DM_EVENT_TYPES,
  DM_PAGE_SIZE,
  dmMessageSchema,
  ID_PATTERN,
  MAX_DM_LENGTH,
  textLength,
} from "@/lib/validation/api";
import { parseJsonBody } from "./body";
import { userOf, type ApiContext, type ApiResult } from "./context";
import { apiErrors } from "./problems";
import { checkPathParam, parseQuery, type QueryRules } from "./query";
import { buildDmEventObject } from "./tweet-object";

export const DM_EVENTS_QUERY: QueryRules = {
  "dm_event.fields": { kind: "list", allowed: DM_EVENT_FIELDS },
  event_types: { kind: "list", allowed: DM_EVENT_TYPES },
  expansions: { kind: "list", allowed: ["attachments.media_keys", "participant_ids", "referenced_tweets.id", "sender_id"] },
  max_results: { kind: "int", min: DM_PAGE_SIZE.min, max: DM_PAGE_SIZE.max },
  pagination_token: { kind: "string", maxLength: 128 },
};

function checkText(text: string, path: string): string {
  if (text.trim() === "") throw apiErrors.invalidRequest([{ message: `${path}: must not be empty` }]);
  if (textLength(text) > MAX_DM_LENGTH) throw apiErrors.invalidRequest([{ message: `${path}: must be at most ${MAX_DM_LENGTH} characters long` }]);
  return text;
}

const sent = (s: DmSent): ApiResult => ({ status: 201, body: { data: { dm_conversation_id: s.conversationId, dm_event_id: s.eventId } } });

const unknownUsers = (ids: string) =>
  apiErrors.invalidRequest(ids.split(",").map((id) => ({ parameters: { participant_ids: [id] }, message: `Could not find user with id: [${id}].` })));

/** POST /2/dm_conversations/with/:participant_id/messages. */
export function sendDmToParticipant(ctx: ApiContext, participantId: string, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  checkPathParam("participant_id", participantId, ID_PATTERN);
  const { text } = parseJsonBody(rawBody, dmMessageSchema);
  try {
    return sent(sendToParticipant(ctx.db, { senderId: userOf(ctx.caller), participantId, text: checkText(text, "$.text") }, ctx.now));
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") throw apiErrors.notFound("user", "participant_id", participantId);
    throw err;
  }
}

/** POST /2/dm_conversations (a Group with a first message). */
export function createDmConversation(ctx: ApiContext, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  const input = parseJsonBody(rawBody, createDmConversationSchema);
  const text = checkText(input.message.text, "$.message.text");
  try {
    return sent(createGroupConversation(ctx.db, { senderId: userOf(ctx.caller), participantIds: input.participant_ids, text }, ctx.now));
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") throw unknownUsers(err.message);
    throw err;
  }
}

/** POST /2/dm_conversations/:dm_conversation_id/messages — only into a conversation the user is in. */
export function sendDmToConversation(ctx: ApiContext, conversationId: string, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  checkPathParam("dm_conversation_id", conversationId, DM_CONVERSATION_ID_PATTERN);
  const { text } = parseJsonBody(rawBody, dmMessageSchema);
  const result = sendToConversation(ctx.db, { senderId: userOf(ctx.caller), conversationId, text: checkText(text, "$.text") }, ctx.now);
  if (!result) throw apiErrors.notAuthorizedForResource("dm_conversation", conversationId);
  return sent(result);
}

/** The three list endpoints: newest first, `max_results` (1–100, default 100), `pagination_token`. */
function listEvents(ctx: ApiContext, conversationId?: string): ApiResult {
  const query = parseQuery(ctx.query, DM_EVENTS_QUERY);
  const token = query.pagination_token as string | undefined;
  const after = token === undefined ? null : decodeDmCursor(token);
  if (token !== undefined && !after) {
    throw apiErrors.invalidRequest([{ parameters: { pagination_token: [token] }, message: `The \`pagination_token\` query parameter value [${token}] is not valid` }]);
  }
  const types = query.event_types as string[] | undefined;
  const limit = (query.max_results as number | undefined) ?? DM_PAGE_SIZE.default;
  const page =
    types && !types.includes("MessageCreate")
      ? { events: [], next: null }
      : listDmEvents(ctx.db, { userId: userOf(ctx.caller), conversationId, limit, after });
  const meta: Record<string, unknown> = { result_count: page.events.length };
  if (page.next) meta.next_token = encodeDmCursor(page.next);
  return { body: page.events.length ? { data: page.events.map(buildDmEventObject), meta } : { meta } };
}

/** GET /2/dm_events: every conversation of the user. */
export const listAllDmEvents = (ctx: ApiContext) => listEvents(ctx);

/** GET /2/dm_conversations/with/:participant_id/dm_events: the one-to-one conversation with a user. */
export function listDmEventsWith(ctx: ApiContext, participantId: string): ApiResult {
  checkPathParam("participant_id", participantId, ID_PATTERN);
  return listEvents(ctx, oneToOneId(userOf(ctx.caller), participantId));
}

/** GET /2/dm_conversations/:id/dm_events — a conversation the user is not in is refused. */
export function listDmEventsOfConversation(ctx: ApiContext, conversationId: string): ApiResult {
  checkPathParam("id", conversationId, DM_CONVERSATION_ID_PATTERN);
  if (!isParticipant(ctx.db, conversationId, userOf(ctx.caller))) throw apiErrors.notAuthorizedForResource("dm_conversation", conversationId);
  return listEvents(ctx, conversationId);
}

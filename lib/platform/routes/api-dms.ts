import { Hono } from "hono";
import {
  createDmConversation,
  listAllDmEvents,
  listDmEventsOfConversation,
  listDmEventsWith,
  sendDmToConversation,
  sendDmToParticipant,
} from "@/lib/api/dms";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { apiEndpoint } from "./api-endpoint";

/** The six Direct Message endpoints (OAuth 1.0a "Read, write and Direct Messages", or dm.* scopes). */
export const apiDmRoutes = new Hono();

apiDmRoutes.post(
  "/2/dm_conversations/with/:participant_id/messages",
  apiEndpoint(ENDPOINTS.dmSendToParticipant, (ctx, c, body) => sendDmToParticipant(ctx, c.req.param("participant_id")!, body)),
);
apiDmRoutes.post("/2/dm_conversations", apiEndpoint(ENDPOINTS.dmCreateConversation, (ctx, _c, body) => createDmConversation(ctx, body)));
apiDmRoutes.post(
  "/2/dm_conversations/:dm_conversation_id/messages",
  apiEndpoint(ENDPOINTS.dmSendToConversation, (ctx, c, body) => sendDmToConversation(ctx, c.req.param("dm_conversation_id")!, body)),
);
apiDmRoutes.get(
  "/2/dm_conversations/with/:participant_id/dm_events",
  apiEndpoint(ENDPOINTS.dmEventsWith, (ctx, c) => listDmEventsWith(ctx, c.req.param("participant_id")!)),
);
apiDmRoutes.get(
  "/2/dm_conversations/:id/dm_events",
  apiEndpoint(ENDPOINTS.dmEventsOfConversation, (ctx, c) => listDmEventsOfConversation(ctx, c.req.param("id")!)),
);
apiDmRoutes.get("/2/dm_events", apiEndpoint(ENDPOINTS.dmEvents, (ctx) => listAllDmEvents(ctx)));

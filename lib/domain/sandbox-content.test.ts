import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/test-db";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import { approveAuthorization } from "./oauth2/authorize";
import { authorizeParams, REDIRECT } from "./oauth2/test-helpers";
import { listConnectedApps, revokeConnectedApp } from "./connected-apps";
import { createGroupConversation, decodeDmCursor, encodeDmCursor, listDmEvents, oneToOneId, sendToConversation, sendToParticipant } from "./dms";
import { createTweet, deleteTweet, listTweetsByAuthor } from "./tweets";

let db: Db;
let seeded: SeededApp;
let a: string;
let b: string;

beforeAll(async () => {
  db = createTestDb();
  seeded = await seedApp(db, "content", { settings: { oauth2Enabled: true, appType: "native", callbackUrls: [REDIRECT], websiteUrl: "https://content.example.com" } });
  a = (await seedDeveloper(db, "contenta")).user.id;
  b = (await seedDeveloper(db, "contentb")).user.id;
});

describe("Tweets", () => {
  it("record the App as source, page newest first, and are deleted only by their author", () => {
    const made = [1, 2, 3].map((i) => createTweet(db, { authorId: a, app: seeded.app, text: `t${i}` }, 1_700_000_000_000 + i));
    expect(made[0]).toMatchObject({ sourceName: seeded.app.name, sourceUrl: "https://content.example.com", sourceAppId: seeded.app.id });
    const page1 = listTweetsByAuthor(db, a, 1, 2);
    expect([page1.items.map((t) => t.text), page1.pageCount]).toEqual([["t3", "t2"], 2]);
    expect(listTweetsByAuthor(db, a, 99, 2).items.map((t) => t.text)).toEqual(["t1"]);
    expect(deleteTweet(db, { userId: b, id: made[0]!.id })).toBe("not_author");
    expect(deleteTweet(db, { userId: a, id: made[0]!.id })).toBe("deleted");
    expect(deleteTweet(db, { userId: a, id: made[0]!.id })).toBe("not_found");
  });
});

describe("Direct Messages", () => {
  it("one-to-one ids are the two user ids in numeric order", () => {
    expect(oneToOneId("20", "3")).toBe("3-20");
    expect(oneToOneId("3", "20")).toBe("3-20");
  });

  it("only participants see or write into a conversation; pages follow the cursor", () => {
    const first = sendToParticipant(db, { senderId: a, participantId: b, text: "hi" }, 1_700_000_001_000);
    sendToParticipant(db, { senderId: b, participantId: a, text: "hello" }, 1_700_000_002_000);
    expect(first.conversationId).toBe(oneToOneId(a, b));
    const group = createGroupConversation(db, { senderId: a, participantIds: [b], text: "group" }, 1_700_000_003_000);
    expect(sendToConversation(db, { senderId: seeded.user.id, conversationId: group.conversationId, text: "x" })).toBeNull();
    expect(listDmEvents(db, { userId: seeded.user.id, limit: 10 }).events).toEqual([]);
    const page = listDmEvents(db, { userId: b, limit: 2 });
    expect(page.events.map((e) => e.text)).toEqual(["group", "hello"]);
    const rest = listDmEvents(db, { userId: b, limit: 2, after: decodeDmCursor(encodeDmCursor(page.next!)) });
    expect([rest.events.map((e) => e.text), rest.next]).toEqual([["hi"], null]);
    expect(() => sendToParticipant(db, { senderId: a, participantId: "999", text: "?" })).toThrow("User not found");
    expect(decodeDmCursor("garbage")).toBeNull();
  });
});

describe("Connected apps", () => {
  it("lists the user's own authorizations; revoking another user's or a missing one is not_found", () => {
    const user = { userId: a, isOperator: false };
    approveAuthorization(db, a, authorizeParams(seeded.app.clientId, { scope: "tweet.read users.read" }));
    expect(listConnectedApps(db, user)).toEqual([
      expect.objectContaining({ app: expect.objectContaining({ id: seeded.app.id, name: seeded.app.name }), oauth1AccessLevel: null, oauth2Scopes: ["tweet.read", "users.read"] }),
    ]);
    expect(listConnectedApps(db, { userId: b, isOperator: false })).toEqual([]);
    expect(() => revokeConnectedApp(db, { userId: b, isOperator: true }, { appId: seeded.app.id })).toThrow("not connected");
    revokeConnectedApp(db, user, { appId: seeded.app.id });
    expect(listConnectedApps(db, user)).toEqual([]);
    expect(() => revokeConnectedApp(db, user, { appId: seeded.app.id })).toThrow("not connected");
  });
});

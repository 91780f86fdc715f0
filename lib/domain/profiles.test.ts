import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper } from "@/db/test-seed";
import { users } from "@/db/schema";
import { acceptFollowRequest, followUser, unfollowUser } from "./follows";
import { canSeeTweetsOf, canSeeTweetsOfId } from "./profiles";

describe("who may see an account's Tweets", () => {
  it("everyone a public account's; a protected one's only the account itself and its accepted followers", async () => {
    const db = createTestDb();
    const [author, follower, requester, stranger] = await Promise.all(["author", "follower", "requester", "stranger"].map(async (n) => (await seedDeveloper(db, n)).user));
    const protect = (on: boolean) => db.update(users).set({ protected: on }).where(eq(users.id, author!.id)).run();
    expect(canSeeTweetsOf(db, { id: author!.id, protected: false }, null)).toBe(true);
    expect(canSeeTweetsOfId(db, author!.id, stranger!.id)).toBe(true);

    expect(followUser(db, { followerId: follower!.id, targetId: author!.id })).toEqual({ following: true, pendingFollow: false });
    protect(true);
    expect(canSeeTweetsOf(db, { id: author!.id, protected: true }, null)).toBe(false);
    expect(canSeeTweetsOfId(db, author!.id, stranger!.id)).toBe(false);
    expect(canSeeTweetsOfId(db, author!.id, author!.id)).toBe(true);
    expect(canSeeTweetsOfId(db, author!.id, follower!.id)).toBe(true);

    // Following a protected account is a request until the account accepts it.
    expect(followUser(db, { followerId: requester!.id, targetId: author!.id })).toEqual({ following: false, pendingFollow: true });
    expect(canSeeTweetsOfId(db, author!.id, requester!.id)).toBe(false);
    expect(acceptFollowRequest(db, { userId: author!.id, followerId: requester!.id })).toBe(true);
    expect(canSeeTweetsOfId(db, author!.id, requester!.id)).toBe(true);
    expect(followUser(db, { followerId: requester!.id, targetId: author!.id })).toEqual({ following: true, pendingFollow: false });

    unfollowUser(db, { followerId: follower!.id, targetId: author!.id });
    expect(canSeeTweetsOfId(db, author!.id, follower!.id)).toBe(false);
  });
});

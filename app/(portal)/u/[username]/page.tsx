import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileHeader } from "@/components/profile/profile-header";
import { ProfileStats } from "@/components/profile/profile-stats";
import { TweetList } from "@/components/profile/tweet-list";
import { getDb } from "@/db/client";
import { profileCounts } from "@/lib/domain/metrics";
import { canSeeTweetsOf, findProfileByUsername, findProfilesByIds } from "@/lib/domain/profiles";
import { listTweetsByAuthor } from "@/lib/domain/tweets";
import { requireUser } from "@/lib/server/session";
import { USERNAME_PATTERN } from "@/lib/validation/account";

type Props = { params: Promise<{ username: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `@${(await params).username}` };
}

/** A user's profile: header, counts (posts, replies, quotes, likes, follows), then their Tweets newest first with the App each came from. */
export default async function ProfilePage({ params, searchParams }: Props) {
  const { actor } = await requireUser();
  const { username } = await params;
  const user = USERNAME_PATTERN.test(username) ? findProfileByUsername(getDb(), username) : null;
  if (!user) notFound();
  const rawPage = (await searchParams).page;
  const page = typeof rawPage === "string" && /^[0-9]{1,6}$/.test(rawPage) ? Number(rawPage) : 1;
  const db = getDb();
  const tweets = canSeeTweetsOf(db, user, actor.userId) ? listTweetsByAuthor(db, user.id, page) : null;
  const repliedTo = findProfilesByIds(db, tweets?.items.flatMap((t) => (t.inReplyToUserId ? [t.inReplyToUserId] : [])) ?? []);
  return (
    <>
      <ProfileHeader user={user} />
      <ProfileStats counts={profileCounts(db, user.id)} />
      {tweets ? (
        <TweetList
          tweets={tweets.items}
          page={tweets.page}
          pageCount={tweets.pageCount}
          basePath={`/u/${user.username}`}
          authorName={user.name}
          usernames={Object.fromEntries(repliedTo.map((u) => [u.id, u.username]))}
        />
      ) : (
        <p className="rounded-2xl border border-border bg-surface px-6 py-10 text-center text-sm text-muted">These posts are protected. Only @{user.username} and its approved followers can see them.</p>
      )}
    </>
  );
}

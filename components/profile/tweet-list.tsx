import Link from "next/link";
import { formatUtc } from "@/components/credentials/format";
import type { Tweet } from "@/lib/domain/tweets";

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** Where a Tweet came from: "via <App name>", linking to the App's website when it has one. */
function Source({ tweet }: { tweet: Tweet }) {
  if (!tweet.sourceName) return null;
  return (
    <span>
      {" · via "}
      {isWebUrl(tweet.sourceUrl) ? (
        <a href={tweet.sourceUrl} rel="nofollow noopener noreferrer" className="text-link hover:underline">
          {tweet.sourceName}
        </a>
      ) : (
        tweet.sourceName
      )}
    </span>
  );
}

/** What a Tweet is besides a post: a reply (to whom), a quote, a repost. */
function Kind({ tweet, usernames }: { tweet: Tweet; usernames: Record<string, string> }) {
  const replyTo = tweet.inReplyToUserId ? usernames[tweet.inReplyToUserId] : undefined;
  if (tweet.retweetedTweetId) return <p className="mb-1 text-xs font-semibold text-muted">Reposted</p>;
  return (
    <>
      {tweet.inReplyToTweetId && (
        <p className="mb-1 text-xs text-muted">
          Replying to {replyTo ? <Link className="text-link hover:underline" href={`/u/${replyTo}`}>@{replyTo}</Link> : "a post"}
        </p>
      )}
      {tweet.quotedTweetId && <p className="mb-1 text-xs text-muted">Quote post</p>}
    </>
  );
}

/** A page of Tweets, newest first, with Newer / Older links; `usernames` names the accounts replied to. */
export function TweetList({
  tweets,
  page,
  pageCount,
  basePath,
  authorName,
  usernames = {},
}: {
  tweets: Tweet[];
  page: number;
  pageCount: number;
  basePath: string;
  authorName: string;
  usernames?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="tweets-heading">
      <h2 id="tweets-heading" className="mb-3 text-lg font-bold">
        Posts
      </h2>
      {tweets.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-border bg-surface px-6 py-10 text-center text-sm text-muted">{authorName} has not posted yet.</p>
      ) : (
        <ol className="divide-y divide-border rounded-2xl border border-border bg-surface">
          {tweets.map((t) => (
            <li key={t.id} className="px-5 py-4">
              <article aria-label={`Post ${t.id}`}>
                <Kind tweet={t} usernames={usernames} />
                <p className="text-[15px] whitespace-pre-wrap break-words">{t.text}</p>
                <p className="mt-2 text-xs text-muted">
                  <time dateTime={new Date(t.createdAt).toISOString()}>{formatUtc(t.createdAt)}</time>
                  <Source tweet={t} />
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 && (
        <nav aria-label="Posts pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? <Link className="text-link hover:underline" href={`${basePath}?page=${page - 1}`}>Newer</Link> : <span />}
          <span className="text-muted">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <Link className="text-link hover:underline" href={`${basePath}?page=${page + 1}`}>Older</Link> : <span />}
        </nav>
      )}
    </section>
  );
}

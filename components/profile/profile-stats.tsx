import type { ProfileCounts } from "@/lib/domain/metrics";

const ITEMS: { key: keyof ProfileCounts; label: string }[] = [
  { key: "posts", label: "Posts" },
  { key: "replies", label: "Replies" },
  { key: "quotes", label: "Quotes" },
  { key: "likes", label: "Likes" },
  { key: "following", label: "Following" },
  { key: "followers", label: "Followers" },
];

/** A profile's counts: what the account posted, replied, quoted and liked, and its follows. */
export function ProfileStats({ counts }: { counts: ProfileCounts }) {
  return (
    <dl aria-label="Profile counts" className="mb-6 grid grid-cols-3 gap-3 rounded-2xl border border-border bg-surface p-4 text-center sm:grid-cols-6">
      {ITEMS.map(({ key, label }) => (
        <div key={key}>
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="text-lg font-bold tabular-nums">{counts[key].toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}

import type { Tier } from "@/db/schema";

export interface TierLimits {
  label: string;
  projects: number;
  appsPerProject: number;
  appsTotal: number;
}

/** Access-tier limits (DESIGN.md, "Access tiers"): the one table every check reads. */
export const TIER_LIMITS: Record<Tier, TierLimits> = {
  essential: { label: "Essential", projects: 1, appsPerProject: 1, appsTotal: 10 },
  elevated: { label: "Elevated", projects: 1, appsPerProject: 3, appsTotal: 10 },
  academic: { label: "Academic Research", projects: 2, appsPerProject: 3, appsTotal: 10 },
  enterprise: { label: "Enterprise", projects: 5, appsPerProject: 10, appsTotal: 50 },
};

export const TIER_ORDER: Tier[] = ["essential", "elevated", "academic", "enterprise"];

export const nextTierFor = (tier: Tier, fits: (limits: TierLimits) => boolean): Tier | null =>
  TIER_ORDER.slice(TIER_ORDER.indexOf(tier) + 1).find((t) => fits(TIER_LIMITS[t])) ?? null;

/** The message for a reached limit, naming the limit and the tier that lifts it. */
export function limitMessage(tier: Tier, what: string, fits: (limits: TierLimits) => boolean): string {
  const next = nextTierFor(tier, fits);
  const lift = next ? ` Upgrade to ${TIER_LIMITS[next].label} access to get more.` : "";
  return `${what} on ${TIER_LIMITS[tier].label} access.${lift}`;
}

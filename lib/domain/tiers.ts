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

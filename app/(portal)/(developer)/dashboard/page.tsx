import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TIER_LIMITS } from "@/lib/domain/tiers";
import { requireDeveloper } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { account, user } = await requireDeveloper();
  const tier = TIER_LIMITS[account.tier];
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            Welcome, {user.name}. Your developer account has <strong className="text-fg">{tier.label}</strong> access.
          </>
        }
      />
      <EmptyState title="No Projects yet">
        A Project holds your Apps and gives them access to the v2 endpoints. With {tier.label} access you can have{" "}
        {tier.projects} Project{tier.projects === 1 ? "" : "s"} with {tier.appsPerProject} App
        {tier.appsPerProject === 1 ? "" : "s"} each.
      </EmptyState>
    </>
  );
}

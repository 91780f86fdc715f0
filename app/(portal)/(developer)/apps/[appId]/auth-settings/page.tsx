import type { Metadata } from "next";
import { AuthSettingsForm } from "@/components/auth-settings/auth-settings-form";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { getApp } from "@/lib/domain/apps";
import { authSettingsVersion, getAuthSettings } from "@/lib/domain/auth-settings";
import { DomainError } from "@/lib/domain/errors";
import { loadOrNotFound } from "@/lib/server/pages";
import { requireDeveloper } from "@/lib/server/session";
import { updateAuthSettingsAction } from "./actions";

export const metadata: Metadata = { title: "User authentication settings" };

export default async function AuthSettingsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor } = await requireDeveloper();
  const saved = loadOrNotFound(() => {
    try {
      return getAuthSettings(getDb(), actor, { appId });
    } catch (err) {
      if (err instanceof DomainError && err.code === "forbidden") return null;
      throw err;
    }
  });
  if (!saved) {
    return <EmptyState title="User authentication settings">Only the App&apos;s owner or a team admin can change these settings.</EmptyState>;
  }
  const version = authSettingsVersion(getApp(getDb(), actor, appId).app);
  return <AuthSettingsForm saved={saved} version={version} action={updateAuthSettingsAction} />;
}

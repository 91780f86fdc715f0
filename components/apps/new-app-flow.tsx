"use client";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { SecretsPanel } from "@/components/credentials/secrets-panel";
import { SECRETS_MESSAGE, useLeaveGuard } from "@/components/forms/use-unsaved-guard";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { CreatedAppData } from "@/lib/domain/apps";
import { CreateAppForm, type CreateAppAction } from "./create-app-form";

interface Props {
  title: string;
  description: string;
  /** Why no App can be created here, when that is so. */
  blocked?: ReactNode;
  action: CreateAppAction;
  accountId: string;
  projectId?: string;
}

/**
 * New App, then its keys: once created the page is about the App ("<name> is ready"), and leaving
 * before the keys were downloaded or copied asks first — they are not shown again.
 */
export function NewAppFlow({ title, description, blocked, action, accountId, projectId }: Props) {
  const [created, setCreated] = useState<CreatedAppData | null>(null);
  const [saved, setSaved] = useState(false);
  useLeaveGuard(Boolean(created) && !saved, SECRETS_MESSAGE);

  if (created) {
    return (
      <>
        <PageHeader title={`${created.name} is ready`} description="Save its keys now: for your security they are shown only this once." />
        <Card className="space-y-5">
          <h2 className="text-xl font-bold wrap-anywhere">Here are your keys for {created.name}</h2>
          <SecretsPanel
            fileName={`${created.name.replace(/[^A-Za-z0-9_-]+/g, "-")}.env`}
            onSaved={() => setSaved(true)}
            items={[
              { label: "API Key", envName: "API_KEY", value: created.apiKey },
              { label: "API Key Secret", envName: "API_KEY_SECRET", value: created.apiKeySecret },
              { label: "Bearer Token", envName: "BEARER_TOKEN", value: created.bearerToken },
            ]}
          />
          <Link href={`/apps/${created.appId}`} className={buttonClass("primary")}>
            Go to App settings
          </Link>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>{blocked || <CreateAppForm action={action} accountId={accountId} projectId={projectId} onCreated={setCreated} />}</Card>
    </>
  );
}

"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<{ appId: string }>;

export function DetachAppButton({ action, appId, appName }: { action: Action; appId: string; appName: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        className="min-h-8 text-xs"
        aria-label={`Move ${appName} to Standalone Apps`}
        onClick={async () => {
          const res = await action(null, { appId });
          setError(res.ok ? null : res.message);
        }}
      >
        Move to Standalone
      </Button>
      {error && <span role="alert" className="text-xs text-danger">{error}</span>}
    </span>
  );
}

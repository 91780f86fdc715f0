"use client";
import { useState } from "react";
import { useAction, type ClientAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AttachAppInput } from "@/lib/validation/project";

type Action = ClientAction<AttachAppInput>;

interface Props {
  action: Action;
  /** On a Project page the user picks the App; on an App page, the Project. */
  pick: "app" | "project";
  fixedId: string;
  options: Array<{ id: string; name: string }>;
}

/** Connects a Standalone App to a Project. */
export function AttachAppForm({ action, pick, fixedId, options }: Props) {
  const [chosen, setChosen] = useState(options[0]?.id ?? "");
  const { state, pending, run } = useAction(action);
  if (options.length === 0) return <p className="text-sm text-muted">{pick === "app" ? "You have no Standalone Apps to connect." : "No Project has room."}</p>;
  const input: AttachAppInput = pick === "app" ? { appId: chosen, projectId: fixedId } : { appId: fixedId, projectId: chosen };
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(input);
      }}
    >
      {state && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <label htmlFor={`attach-${pick}`} className="block text-sm font-semibold">
        {pick === "app" ? "Standalone App" : "Project"}
      </label>
      <div className="flex flex-wrap gap-2">
        <select id={`attach-${pick}`} value={chosen} onChange={(e) => setChosen(e.target.value)} className="min-w-0 flex-1 rounded-lg border border-border bg-surface px-3 py-2">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.id})
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pick === "app" ? "Connect App" : "Connect to Project"}
        </Button>
      </div>
    </form>
  );
}

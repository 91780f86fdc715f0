"use client";
import { useState } from "react";
import { useAction, type ClientAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type Action = ClientAction<{ projectId: string }>;

/** Delete with a confirmation that lists the Apps that will move to Standalone. */
export function DeleteProjectButton({ action, projectId, projectName, apps }: { action: Action; projectId: string; projectName: string; apps: string[] }) {
  const [open, setOpen] = useState(false);
  const { state, pending, run } = useAction(action);
  const error = state && !state.ok ? state.message : null;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete Project
      </Button>
      <Dialog open={open} title={`Delete ${projectName}?`} onClose={() => setOpen(false)}>
        {error && <Alert tone="error" className="mb-3">{error}</Alert>}
        {apps.length ? (
          <>
            <p className="text-sm">These Apps will move to Standalone Apps. Their keys keep working for v1.1 and OAuth, but not for v2 until you connect them to a Project:</p>
            <ul className="my-3 list-disc pl-6 text-sm font-semibold">
              {apps.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm">This Project has no Apps.</p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => void run({ projectId })}
          >
            Delete Project
          </Button>
        </div>
      </Dialog>
    </>
  );
}

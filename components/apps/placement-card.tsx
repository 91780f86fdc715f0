import { AttachAppForm } from "@/components/projects/attach-app-form";
import { DetachAppButton } from "@/components/projects/detach-app-button";
import { Card } from "@/components/ui/card";
import type { AttachAppInput } from "@/lib/validation/project";
import type { ClientAction } from "@/components/forms/use-action";

interface Props {
  app: { id: string; name: string; projectId: string | null };
  projectName: string | null;
  openProjects: Array<{ id: string; name: string }>;
  attach: ClientAction<AttachAppInput>;
  detach: ClientAction<{ appId: string }>;
}

/** Where the App lives: its Project (v2 access) or Standalone; move it either way. */
export function PlacementCard({ app, projectName, openProjects, attach, detach }: Props) {
  return (
    <Card aria-labelledby="placement-heading">
      <h2 id="placement-heading" className="text-lg font-bold">Project</h2>
      {app.projectId ? (
        <div className="mt-2 flex flex-wrap items-center justify-between gap-3 text-sm">
          <p className="min-w-0 wrap-anywhere">
            In <strong>{projectName}</strong>: this App can call the v2 endpoints.
          </p>
          <DetachAppButton action={detach} appId={app.id} appName={app.name} />
        </div>
      ) : (
        <div className="mt-2 space-y-3 text-sm">
          <p>This is a Standalone App: v1.1 and OAuth work, v2 calls fail until you connect it to a Project.</p>
          <AttachAppForm action={attach} pick="project" fixedId={app.id} options={openProjects} />
        </div>
      )}
    </Card>
  );
}

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One titled part of the User authentication settings form. */
export function SettingsSection({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {description && <div className="mt-1 max-w-prose text-sm text-muted">{description}</div>}
      <div className="mt-5 space-y-5">{children}</div>
    </Card>
  );
}

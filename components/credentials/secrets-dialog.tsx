"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretsPanel, type SecretItem } from "./secrets-panel";

/** Shows freshly created secrets once; closing it leaves only hints on the page. */
export function SecretsDialog({ title, items, fileName, onClose }: { title: string; items: SecretItem[] | null; fileName: string; onClose: () => void }) {
  return (
    <Dialog open={Boolean(items)} title={title} onClose={onClose}>
      {items && <SecretsPanel items={items} fileName={fileName} />}
      <div className="mt-6 flex justify-end">
        <Button onClick={onClose}>I saved them</Button>
      </div>
    </Dialog>
  );
}

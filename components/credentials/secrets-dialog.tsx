"use client";
import { useState } from "react";
import { SECRETS_MESSAGE } from "@/components/forms/use-unsaved-guard";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretsPanel, type SecretItem } from "./secrets-panel";

/**
 * Shows freshly created secrets once; closing it leaves only hints on the page. Escape asks first
 * ("You won't see these keys again") unless they were downloaded or copied; "I saved them" closes.
 */
export function SecretsDialog({ title, items, fileName, onClose }: { title: string; items: SecretItem[] | null; fileName: string; onClose: () => void }) {
  const [saved, setSaved] = useState<SecretItem[] | null>(null);
  return (
    <Dialog open={Boolean(items)} title={title} onClose={onClose} confirmClose={() => saved === items || window.confirm(SECRETS_MESSAGE)}>
      {items && <SecretsPanel items={items} fileName={fileName} onSaved={() => setSaved(items)} />}
      <div className="mt-6 flex justify-end">
        <Button onClick={onClose}>I saved them</Button>
      </div>
    </Dialog>
  );
}

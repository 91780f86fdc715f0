"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export interface SecretItem {
  label: string;
  /** Variable name in the downloaded .env file, e.g. API_KEY. */
  envName: string;
  value: string;
}

export function CopyButton({ value, label, onCopied }: { value: string; label: string; onCopied?: () => void }) {
  const [copied, setCopied] = useState<boolean | "failed">(false);
  return (
    <Button
      variant="secondary"
      className="min-h-8 shrink-0 px-3 text-xs"
      aria-label={`Copy ${label}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          onCopied?.();
        } catch {
          setCopied("failed"); // no clipboard access (permission denied or insecure origin): select and copy by hand
        }
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied === "failed" ? "Copy failed" : copied ? "Copied" : "Copy"}</span>
    </Button>
  );
}

export const toEnvFile = (items: SecretItem[]) => items.map((i) => `${i.envName}=${i.value}`).join("\n") + "\n";

/**
 * Newly created secrets, shown once: copy buttons, a .env download, and the warning that they won't
 * be shown again. `onSaved` fires once the .env was downloaded or every value was copied.
 */
export function SecretsPanel({ items, fileName, onSaved }: { items: SecretItem[]; fileName: string; onSaved?: () => void }) {
  const [copied, setCopied] = useState<Set<string>>(new Set());
  const copiedOne = (envName: string) => {
    const next = new Set(copied).add(envName);
    setCopied(next);
    if (items.every((i) => next.has(i.envName))) onSaved?.();
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([toEnvFile(items)], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
    onSaved?.();
  };
  return (
    <div className="space-y-4">
      <Alert tone="warning">
        <strong>Save these now.</strong> For your security they will not be shown again — store them in a password manager. If you
        lose them, regenerate them (the old ones stop working).
      </Alert>
      <dl className="space-y-3">
        {items.map((item) => (
          <div key={item.envName} className="rounded-xl border border-border bg-surface-2 p-3">
            <dt className="text-xs font-semibold tracking-wide text-muted uppercase">{item.label}</dt>
            <dd className="mt-1 flex items-start gap-2">
              <code data-testid={`secret-${item.envName}`} className="min-w-0 flex-1 font-mono text-sm break-all">
                {item.value}
              </code>
              <CopyButton value={item.value} label={item.label} onCopied={() => copiedOne(item.envName)} />
            </dd>
          </div>
        ))}
      </dl>
      <Button variant="secondary" onClick={download}>
        Download .env
      </Button>
    </div>
  );
}

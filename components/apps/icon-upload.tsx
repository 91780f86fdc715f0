"use client";
import { useRef } from "react";
import { useAction, type ClientAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AppIcon } from "./app-icon";

type Action = ClientAction<FormData>;
const MAX = 1024 * 1024;

/** App icon upload: PNG, JPEG, WebP or GIF up to 1 MB; the server checks the content and makes a square PNG. */
export function IconUpload({ action, app }: { action: Action; app: { id: string; name: string; iconVersion: number } }) {
  const input = useRef<HTMLInputElement>(null);
  const { state, setState, pending, run } = useAction(action);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX) {
      setState({ ok: false, message: "Icons can be at most 1 MB" });
      return;
    }
    const data = new FormData();
    data.set("appId", app.id);
    data.set("icon", file);
    await run(data);
    if (input.current) input.current.value = "";
  };

  const error = state && !state.ok ? (state.fieldErrors?.icon?.[0] ?? state.message) : null;
  return (
    <div className="flex flex-wrap items-center gap-4">
      <AppIcon app={app} size="size-16" />
      <div className="space-y-2">
        <label htmlFor="icon-file" className="block text-sm font-semibold">
          App icon
        </label>
        <input
          ref={input}
          id="icon-file"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby="icon-hint"
          className="block text-sm file:mr-3 file:rounded-full file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-semibold"
          onChange={(e) => void upload(e.target.files?.[0])}
          disabled={pending}
        />
        <p id="icon-hint" className="text-xs text-muted">
          PNG, JPEG, WebP or GIF, up to 1 MB. It is cropped to a square.
        </p>
        {pending && <p className="text-sm text-muted">Uploading…</p>}
        {error && <Alert tone="error">{error}</Alert>}
        {state?.ok && <Alert tone="success">{state.message}</Alert>}
      </div>
      <Button variant="ghost" className="sr-only" onClick={() => input.current?.click()}>
        Choose icon
      </Button>
    </div>
  );
}

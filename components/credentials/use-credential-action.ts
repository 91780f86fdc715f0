"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionState } from "@/lib/server/action";
import type { SecretItem } from "./secrets-panel";

export interface ShownSecrets {
  title: string;
  items: SecretItem[];
  fileName: string;
}

/**
 * Runs a key action: pending and error state, the shown-once secrets from ActionState.data
 * (kept only in this component's memory), and a refresh so the page shows the new hints.
 */
export function useCredentialAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownSecrets | null>(null);

  async function run<T>(call: () => Promise<ActionState<T>>, reveal?: (data: T) => ShownSecrets): Promise<boolean> {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.message);
        return false;
      }
      if (reveal && result.data) setShown(reveal(result.data));
      else if (result.message) setNotice(result.message);
      router.refresh();
      return true;
    } catch {
      setError("Something went wrong. Try again.");
      return false;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, notice, shown, clearError: () => setError(null), closeSecrets: () => setShown(null) };
}

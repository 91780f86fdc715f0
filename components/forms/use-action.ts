"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/server/action";

export type ClientAction<I> = (prev: ActionState | null, input: I) => Promise<ActionState>;

/** Runs a server action from a client control: a pending flag while it runs and its last answer. */
export function useAction<I>(action: ClientAction<I>) {
  const [state, setState] = useState<ActionState | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (input: I): Promise<ActionState> => {
    setPending(true);
    try {
      const result = await action(null, input);
      setState(result);
      return result;
    } finally {
      setPending(false);
    }
  };
  return { state, setState, pending, run };
}

"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Toast } from "@/components/ui/toast";

const Notify = createContext<(message: string) => void>(() => {});

/** Holds the "Access revoked" message above the list, so it outlives the row it came from. */
export function RevokeFeedback({ children }: { children: ReactNode }) {
  const [done, setDone] = useState<{ message: string; stamp: number } | null>(null);
  return (
    <Notify.Provider value={(message) => setDone({ message, stamp: Date.now() })}>
      {children}
      <Toast message={done?.message ?? null} stamp={done?.stamp ?? 0} />
    </Notify.Provider>
  );
}

export const useRevokeFeedback = () => useContext(Notify);

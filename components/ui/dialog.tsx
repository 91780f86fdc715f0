"use client";
import { useEffect, useRef, type ReactNode } from "react";

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Asked before Escape closes the dialog; false keeps it open (e.g. secrets shown once). */
  confirmClose?: () => boolean;
  children: ReactNode;
}

/** A modal on the native <dialog> (focus is trapped, Escape closes, focus returns to the opener). */
export function Dialog({ open, title, onClose, confirmClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onKeyDown={(e) => {
        // Cancelling the Escape keydown stops the dialog's close request.
        if (e.key === "Escape" && confirmClose && !confirmClose()) e.preventDefault();
      }}
      aria-labelledby="dialog-title"
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50"
    >
      {open && (
        <div className="p-5 sm:p-6">
          <h2 id="dialog-title" className="mb-4 text-xl font-bold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

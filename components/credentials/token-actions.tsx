import { Button } from "@/components/ui/button";

/** Regenerate and Revoke when the token exists (both confirmed first), Generate when it does not. */
export function TokenActions({ exists, pending, onGenerate, onConfirm }: { exists: boolean; pending: boolean; onGenerate: () => void; onConfirm: (what: "regenerate" | "revoke") => void }) {
  if (!exists) {
    return (
      <Button variant="secondary" disabled={pending} onClick={onGenerate}>
        Generate
      </Button>
    );
  }
  return (
    <>
      <Button variant="secondary" onClick={() => onConfirm("regenerate")}>
        Regenerate
      </Button>
      <Button variant="ghost" className="text-danger" onClick={() => onConfirm("revoke")}>
        Revoke
      </Button>
    </>
  );
}

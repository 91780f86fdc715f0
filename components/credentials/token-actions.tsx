import { Button } from "@/components/ui/button";

/**
 * Regenerate and Revoke when the token exists (both confirmed first), Generate when it does not;
 * each named with its credential ("Regenerate Bearer Token"), as several sit on one page.
 */
export function TokenActions({ what, exists, pending, onGenerate, onConfirm }: { what: string; exists: boolean; pending: boolean; onGenerate: () => void; onConfirm: (what: "regenerate" | "revoke") => void }) {
  if (!exists) {
    return (
      <Button variant="secondary" disabled={pending} onClick={onGenerate} aria-label={`Generate ${what}`}>
        Generate
      </Button>
    );
  }
  return (
    <>
      <Button variant="secondary" onClick={() => onConfirm("regenerate")} aria-label={`Regenerate ${what}`}>
        Regenerate
      </Button>
      <Button variant="ghost" className="text-danger" onClick={() => onConfirm("revoke")} aria-label={`Revoke ${what}`}>
        Revoke
      </Button>
    </>
  );
}

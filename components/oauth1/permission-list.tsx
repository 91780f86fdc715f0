import type { Permission } from "@/lib/validation/enums";
import { LEVEL_LABEL, willBeAbleTo, willNotBeAbleTo } from "./permission-copy";

function Item({ ok, children }: { ok: boolean; children: string }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className={ok ? "text-success" : "text-danger"}>
        {ok ? "✓" : "✕"}
      </span>
      <span>{children}</span>
    </li>
  );
}

/** What the App will and will not be able to do with this authorization. */
export function PermissionList({ level, requestEmail, platformName }: { level: Permission; requestEmail: boolean; platformName: string }) {
  return (
    <div className="space-y-4 text-sm">
      <p className="text-muted">
        Access requested: <strong className="text-fg">{LEVEL_LABEL[level]}</strong>
      </p>
      <section aria-labelledby="can-heading">
        <h2 id="can-heading" className="mb-2 font-bold">
          This App will be able to:
        </h2>
        <ul className="space-y-1.5">
          {willBeAbleTo(level, requestEmail).map((text) => (
            <Item key={text} ok>
              {text}
            </Item>
          ))}
        </ul>
      </section>
      <section aria-labelledby="cannot-heading">
        <h2 id="cannot-heading" className="mb-2 font-bold">
          It will not be able to:
        </h2>
        <ul className="space-y-1.5">
          {willNotBeAbleTo(level, platformName).map((text) => (
            <Item key={text} ok={false}>
              {text}
            </Item>
          ))}
        </ul>
      </section>
    </div>
  );
}

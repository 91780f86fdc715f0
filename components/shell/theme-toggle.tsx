"use client";
import { useState } from "react";
import { THEME_COOKIE, type Theme } from "@/lib/config/theme";
import { Icon } from "./icons";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const ICON = { system: "monitor", light: "sun", dark: "moon" } as const;

/** Cycles system → light → dark; remembered in a cookie so the server renders the right theme. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const change = () => {
    const next = NEXT[theme];
    setTheme(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    if (next === "system") document.documentElement.removeAttribute("data-theme");
    else document.documentElement.setAttribute("data-theme", next);
  };
  return (
    <button
      type="button"
      onClick={change}
      className="inline-flex size-10 shrink-0 items-center justify-center rounded-full hover:bg-surface-2"
      aria-label={`${LABEL[theme]} (change theme)`}
      title={LABEL[theme]}
    >
      <Icon name={ICON[theme]} />
    </button>
  );
}

import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-fg text-bg hover:opacity-90",
  accent: "bg-accent text-accent-fg hover:bg-accent-strong",
  secondary: "border border-border bg-surface text-fg hover:bg-surface-2",
  danger: "bg-danger text-bg hover:opacity-90",
  ghost: "text-fg hover:bg-surface-2",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export const buttonClass = (variant: ButtonVariant = "primary", extra?: string) =>
  cn(
    "inline-flex min-h-10 items-center justify-center gap-2 rounded-full px-4 text-sm font-semibold transition",
    "disabled:cursor-not-allowed disabled:opacity-50",
    VARIANTS[variant],
    extra,
  );

export function Button({
  variant = "primary",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

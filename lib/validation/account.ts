import { z } from "zod";

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,15}$/;
export const USE_CASE_MIN = 100;
export const USE_CASE_MAX = 2000;

const username = z
  .string()
  .trim()
  .min(1, "Enter a username")
  .max(15, "Usernames can have at most 15 characters")
  .regex(USERNAME_PATTERN, "Use only letters, numbers and underscores (_)");
const password = z
  .string()
  .min(8, "Your password needs at least 8 characters")
  .max(128, "Your password can have at most 128 characters");

const email = z.string().trim().max(254, "That e-mail address is too long").email("Enter a valid e-mail address");

export const signUpSchema = z.object({
  username,
  name: z.string().trim().min(1, "Enter your name").max(50, "Names can have at most 50 characters"),
  email,
  password,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "Enter your username or e-mail").max(254),
  password: z.string().min(1, "Enter your password").max(128),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(128),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Account settings → Change e-mail: the new address, confirmed with the account's password. */
export const changeEmailSchema = z.object({
  email,
  currentPassword: z.string().min(1, "Enter your current password").max(128),
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const developerSignUpSchema = z.object({
  useCase: z
    .string()
    .trim()
    .min(USE_CASE_MIN, `Describe your use case in at least ${USE_CASE_MIN} characters`)
    .max(USE_CASE_MAX, `Keep your use case under ${USE_CASE_MAX} characters`),
  acceptAgreement: z.literal(true, { error: "You must accept the Developer Agreement" }),
});
export type DeveloperSignUpInput = z.infer<typeof developerSignUpSchema>;

/** The one answer to a failed sign-in: it never says which part was wrong. */
export const WRONG_CREDENTIALS = "Wrong username, e-mail or password.";

const CALLBACK_BASE = "http://callback.invalid";

/**
 * A post-sign-in destination: same-origin paths only (no open redirect). Backslashes and control
 * characters are refused outright: browsers drop tabs and newlines from URLs and read `\` as `/`,
 * so `/\t/evil.com` would otherwise become `//evil.com`.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    return new URL(value, CALLBACK_BASE).origin === CALLBACK_BASE ? value : fallback;
  } catch {
    return fallback;
  }
}

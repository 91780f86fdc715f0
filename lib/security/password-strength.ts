import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { env } from "@/lib/config/env";

/**
 * zxcvbn's score a new password needs (0–4). 3 = "safely unguessable": an attacker who holds the
 * database and cracks offline needs more than 10^8 guesses. It refuses what NIST SP 800-63B
 * (5.1.1.2) lists: passwords from breach corpora and common-password lists, dictionary words and
 * names, repeated or sequential characters (aaaaaaaa, 12345678, qwertyuiop) and words of this
 * context (the username, name, e-mail, the portal's name). Length is checked by the schema.
 */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries are large and only sign-up and password changes need them. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

/** Words a password must not lean on: the account's own details and the portal's name. */
function contextWords(context: string[]): string[] {
  const words = new Set<string>(["devportal", "developer", "portal", env.platformName.toLowerCase()]);
  for (const value of context) {
    for (const part of value.toLowerCase().split(/[@\s._-]+/)) if (part.length >= 3) words.add(part);
    if (value) words.add(value.toLowerCase());
  }
  return [...words];
}

/** Why a password is too easy to guess (a sentence for the field error), or null when it is strong enough. */
export function passwordWeakness(password: string, context: string[] = []): string | null {
  const result = zxcvbn().check(password, contextWords(context));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? "It would be guessed quickly.";
  const tip = result.feedback.suggestions[0] ?? "Add more words that are less common.";
  return `This password is too easy to guess. ${why} ${tip}`;
}

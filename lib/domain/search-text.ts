/**
 * How recent search sees a Tweet's text: lower-case words (letters, digits, `_`, and a leading
 * `#`, `@` or `$`) between single spaces, padded with one space each side, so a keyword is a
 * match for ` word ` and a quoted phrase for ` word word `. Stored with each Tweet (search_text).
 */
export function searchTextOf(text: string): string {
  const words = text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
  return words.length ? ` ${words.join(" ")} ` : " ";
}

/** A keyword or phrase in the same form (null when it has no word at all). */
export function searchNeedle(phrase: string): string | null {
  const normalized = searchTextOf(phrase);
  return normalized === " " ? null : normalized;
}

const WORD = /[#@$]?[\p{L}\p{N}_]+/gu;

/** The @usernames a text mentions (X's rule: not preceded by a word character), lower-cased, once each. */
export function mentionedUsernames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/g)) names.add(m[1]!.toLowerCase());
  return [...names];
}

/** Every character with a meaning in a regular expression (with or without the `u` flag). */
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** `text` as a regular expression that matches it literally. Imports nothing: the sentinel bundle uses it. */
export function escapeRegExp(text: string): string {
  return text.replace(SPECIAL, '\\$&');
}

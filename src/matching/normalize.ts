/**
 * Character normalisation shared by the compiler (trigger phrases) and the scanner (page text), so both sides
 * agree by construction. Works one UTF-16 code unit at a time with lazily filled tables: the page scanner never
 * allocates per character.
 *
 * Classes:
 * - WORD: letters, digits and combining marks — folded to lower case without accents, compatibility forms
 *   unfolded (NFKD: fullwidth "ＢＲＩＣＳ" = "brics", "ﬁ" = "fi");
 * - SEP: whitespace of every kind, hyphens and dashes, quotes and apostrophes, slashes — a run of them is one
 *   space, so `no-limits` = `no limits` = `‘no limits’` and `China's` = `china s`;
 * - IGNORE: soft hyphens and zero-width characters — skipped as if absent;
 * - PUNCT: everything else — matched literally (a phrase never runs across a comma or a full stop).
 */

export const WORD = 1;
export const SEP = 2;
export const IGNORE = 3;
const PUNCT = 4;

/** The code that stands for a run of separators in normalised text. */
export const SPACE = 32;

const SEPARATORS =
  // whitespace (all kinds, incl. no-break and ideographic spaces)
  '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000' +
  // hyphens, dashes, minus
  '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d' +
  // quotes, apostrophes, primes, guillemets
  '\'"`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u02bc\u00ab\u00bb\u2039\u203a\uff02\uff07' +
  // slashes
  '/\u2044\uff0f';
const IGNORED = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

/** Class per code unit, 0 = not computed yet (read directly by the scanner's hot loop; use charClass elsewhere). */
export const CLASSES = new Uint8Array(65536);
const classes = CLASSES;
/** Fold per code unit, 0 = not computed yet (read directly by the scanner's hot loop; use foldChar elsewhere). */
export const FOLDS = new Uint16Array(65536);
const folds = FOLDS;
const MULTI = 0xffff;
const multiFolds = new Map<number, string>();
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

for (const c of SEPARATORS) classes[c.charCodeAt(0)] = SEP;
for (const c of IGNORED) classes[c.charCodeAt(0)] = IGNORE;

function computeClass(code: number): number {
  // Lone surrogates: parts of astral letters/emoji; treat as word characters so words stay whole.
  const cls = code >= 0xd800 && code <= 0xdfff ? WORD : WORD_CHAR.test(String.fromCharCode(code)) ? WORD : PUNCT;
  classes[code] = cls;
  return cls;
}

/** The class of one UTF-16 code unit. */
export function charClass(code: number): number {
  return classes[code] || computeClass(code);
}

function computeFold(code: number): number {
  let folded = code;
  if (code >= 65 && code <= 90) folded = code + 32;
  else if (code >= 128 && !(code >= 0xd800 && code <= 0xdfff)) {
    const text = String.fromCharCode(code).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (text.length === 1) folded = text.charCodeAt(0);
    else if (text.length > 1) {
      multiFolds.set(code, text);
      folded = MULTI;
    }
  }
  folds[code] = folded;
  return folded;
}

/** The folded code of a WORD/PUNCT character, or FOLD_MULTI when it folds to several (see `foldedText`). */
export function foldChar(code: number): number {
  return folds[code] || computeFold(code);
}
export const FOLD_MULTI = MULTI;

/** For a code whose fold is FOLD_MULTI: the folded characters. */
export function foldedText(code: number): string {
  return multiFolds.get(code) ?? String.fromCharCode(code);
}

/** Whether the character at `index` (skipping ignorable ones) starts or continues a word. */
export function isWordAt(text: string, index: number, end: number): boolean {
  for (let i = index; i < end; i++) {
    const cls = charClass(text.charCodeAt(i));
    if (cls !== IGNORE) return cls === WORD;
  }
  return false;
}

/**
 * Whether a code unit separates words when a page's words are counted (the density bound, clutter.ts): the common
 * spaces only, so "China–Russia" or "—" is one word, as the eval counts them. Not the scanner's SEP class, which
 * also splits at hyphens, quotes and slashes.
 */
export function isWordSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** Words in a text: runs of characters other than isWordSpace. The scanner counts a block's as it walks (trie.ts). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let k = 0; k < text.length; k++) {
    const space = isWordSpace(text.charCodeAt(k));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const scratch: number[] = [];

/**
 * Normalised form of a phrase, as the automaton stores it. Only phrases are normalised into a new string: the scanner
 * folds page text character by character as it walks it, so the offsets it reports are the original text's.
 */
export function normalizePhrase(text: string): string {
  scratch.length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === IGNORE) continue;
    if (cls === SEP) {
      pendingSpace = scratch.length > 0;
      continue;
    }
    if (pendingSpace) scratch.push(SPACE);
    pendingSpace = false;
    const folded = foldChar(code);
    if (folded !== FOLD_MULTI) scratch.push(folded);
    else for (const c of foldedText(code)) scratch.push(c.charCodeAt(0));
  }
  // Phrases are short; long texts (sentences) go in chunks to stay under the argument limit.
  let out = '';
  for (let k = 0; k < scratch.length; k += 4096) out += String.fromCharCode(...scratch.slice(k, k + 4096));
  return out;
}

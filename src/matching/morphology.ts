/**
 * Spelling and inflection variants of a normalised phrase (lower case, words separated by single spaces).
 * Applied when the trie is built, so the page is scanned once, literally, with no stemming per page word.
 * Over-generation is harmless: a form that is not an English word never occurs on a page, and matches stay
 * word-boundary exact.
 */

/** Word-level British ⇄ American spelling pairs: [pattern, replacement], applied both ways. */
const SPELLING_PAIRS: readonly (readonly [string, string])[] = [
  ['isation', 'ization'],
  ['isations', 'izations'],
  ['ise', 'ize'],
  ['ised', 'ized'],
  ['ises', 'izes'],
  ['ising', 'izing'],
  ['iser', 'izer'],
  ['isers', 'izers'],
  ['yse', 'yze'],
  ['ysed', 'yzed'],
  ['ysing', 'yzing'],
  ['our', 'or'],
  ['ours', 'ors'],
  ['oured', 'ored'],
  ['ouring', 'oring'],
  ['tre', 'ter'],
  ['tres', 'ters'],
  ['ence', 'ense'],
  ['lled', 'led'],
  ['lling', 'ling'],
  ['ller', 'ler'],
  ['programme', 'program'],
  ['programmes', 'programs'],
];

/** Whole-word pairs that no suffix rule covers. */
const WORD_PAIRS: readonly (readonly [string, string])[] = [
  ['rouble', 'ruble'],
  ['roubles', 'rubles'],
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['manoeuvred', 'maneuvered'],
  ['manoeuvring', 'maneuvering'],
  ['grey', 'gray'],
  ['sceptical', 'skeptical'],
  ['sceptic', 'skeptic'],
  ['kyiv', 'kiev'],
  ['aluminium', 'aluminum'],
  ['paediatric', 'pediatric'],
  ['cheque', 'check'],
  ['enrol', 'enroll'],
  ['fulfil', 'fulfill'],
];

const wordPairs = new Map<string, string>();
for (const [a, b] of WORD_PAIRS) {
  wordPairs.set(a, b);
  wordPairs.set(b, a);
}

// Suffix → its other spellings; a word is looked up by its last 2..10 characters.
const suffixSwaps = new Map<string, string[]>();
for (const [uk, us] of SPELLING_PAIRS) {
  suffixSwaps.set(uk, [...(suffixSwaps.get(uk) ?? []), us]);
  suffixSwaps.set(us, [...(suffixSwaps.get(us) ?? []), uk]);
}

/** Other spellings of one word (the word itself included). */
export function spellings(word: string): string[] {
  const out = [word];
  const pair = wordPairs.get(word);
  if (pair) out.push(pair);
  if (word.length >= 5) {
    for (let cut = 2; cut <= 10 && cut < word.length - 1; cut++) {
      const swaps = suffixSwaps.get(word.slice(-cut));
      if (!swaps) continue;
      for (const swap of swaps) out.push(word.slice(0, -cut) + swap);
    }
  }
  return out;
}

const VOWEL = /[aeiou]/;

/** Singular and plural of a noun-like final word. */
export function numberForms(word: string): string[] {
  const out = new Set([word]);
  if (word.length < 3 || /\d/.test(word)) return [...out];
  if (word.endsWith('ies') && word.length > 4) out.add(`${word.slice(0, -3)}y`);
  else if (/(x|z|ch|sh|ss)es$/.test(word))
    out.add(word.slice(0, -2)); // taxes, matches, passes
  else if (word.endsWith('ses'))
    out.add(word.slice(0, -1)).add(word.slice(0, -2)); // exercises, buses
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) out.add(word.slice(0, -1));
  else if (/(s|x|z|ch|sh)$/.test(word)) out.add(`${word}es`);
  else if (word.endsWith('y') && !VOWEL.test(word.charAt(word.length - 2))) out.add(`${word.slice(0, -1)}ies`);
  else out.add(`${word}s`);
  return [...out];
}

/** Verb forms of a word written with -ing or -ed: supplying → supply, supplies, supplied, supplying. */
export function verbForms(word: string): string[] {
  const out = new Set([word]);
  const stems: string[] = [];
  if (word.endsWith('ing') && word.length >= 6) {
    const stem = word.slice(0, -3);
    stems.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) stems.push(stem.slice(0, -1)); // shipping → ship
  } else if (word.endsWith('ied') && word.length >= 6) {
    stems.push(`${word.slice(0, -3)}y`);
  } else if (word.endsWith('ed') && word.length >= 5) {
    const stem = word.slice(0, -2);
    stems.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) stems.push(stem.slice(0, -1));
  } else {
    return [...out];
  }
  for (const stem of stems) {
    if (stem.length < 3) continue;
    out.add(stem);
    if (stem.endsWith('y') && !VOWEL.test(stem.charAt(stem.length - 2))) {
      const base = stem.slice(0, -1);
      out.add(`${base}ies`).add(`${base}ied`).add(`${stem}ing`);
    } else if (stem.endsWith('e')) {
      const base = stem.slice(0, -1);
      out.add(`${stem}s`).add(`${stem}d`).add(`${base}ing`);
    } else {
      out
        .add(/(s|x|z|ch|sh)$/.test(stem) ? `${stem}es` : `${stem}s`)
        .add(`${stem}ed`)
        .add(`${stem}ing`);
    }
  }
  return [...out];
}

/**
 * British ⇄ American spelling variants of a lower-case word (defence/defense, -ise/-ize, rouble/ruble), used when the
 * pack is compiled (inflect.ts), beside compromise's inflections: no English NLP library carries these pairs.
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

/**
 * The trigger pattern syntax of the pack (see src/pack/schema.ts):
 *   `(a|b)` — alternatives, may be nested and hold several words: `(no|without) limits`;
 *   `(a|)`  — optional words: `(the|) deal of the century`.
 * Everything else is literal text (normalised when the automaton is built, so case, quotes and dashes do not
 * matter). Patterns are never expanded into every form: automaton-builder.ts builds them as a graph whose size
 * is the sum of the alternatives, not their product.
 */
import { numberForms, spellings, verbForms } from './morphology';
import { charClass, PUNCT, SEP } from './normalize';

/**
 * A parsed pattern. A text node is `glued` at a side where pattern syntax touches a letter: `marriage(s|)` —
 * there the word continues in the group, so it is not a whole word (and gets no inflection).
 */
export type PatternNode =
  { kind: 'text'; text: string; gluedBefore: boolean; gluedAfter: boolean } | { kind: 'alt'; options: PatternNode[][] };

export class PatternError extends Error {}

/** Parses a pattern into a sequence of text and alternative nodes; throws PatternError naming the pattern. */
export function parsePattern(pattern: string): PatternNode[] {
  let pos = 0;
  function sequence(): PatternNode[] {
    const nodes: PatternNode[] = [];
    while (pos < pattern.length) {
      const c = pattern[pos];
      if (c === '|' || c === ')') break;
      if (c === '(') {
        pos++;
        const options = [sequence()];
        while (pattern[pos] === '|') {
          pos++;
          options.push(sequence());
        }
        if (pattern[pos] !== ')') throw new PatternError(`unclosed "(" in pattern "${pattern}"`);
        pos++;
        nodes.push({ kind: 'alt', options });
      } else {
        let end = pos;
        while (end < pattern.length && !'()|'.includes(pattern[end] as string)) end++;
        nodes.push({
          kind: 'text',
          text: pattern.slice(pos, end),
          gluedBefore: pattern[pos - 1] === ')',
          gluedAfter: pattern[end] === '(',
        });
        pos = end;
      }
    }
    return nodes;
  }
  const nodes = sequence();
  if (pos < pattern.length) throw new PatternError(`unexpected "${pattern[pos]}" in pattern "${pattern}"`);
  if (pattern.trim() === '') throw new PatternError('empty pattern');
  return nodes;
}

/** Every form a pattern stands for (for tests and small patterns only: the count is the product of the groups). */
export function expandPattern(pattern: string, limit = 10_000): string[] {
  const expand = (nodes: PatternNode[]): string[] => {
    let forms = [''];
    for (const node of nodes) {
      const parts = node.kind === 'text' ? [node.text] : node.options.flatMap(expand);
      forms = forms.flatMap((form) => parts.map((part) => form + part));
      if (forms.length > limit) throw new PatternError(`pattern "${pattern}" has more than ${limit} forms`);
    }
    return forms;
  };
  return [...new Set(expand(parsePattern(pattern)).map((f) => f.replace(/\s+/g, ' ').trim()))].filter(Boolean);
}

const WORD = /[\p{L}\p{N}]+/gu; // whole words of a pattern (letters and digits of any script)
/** Characters that end a word in a pattern: separators and pattern syntax ("marriage(s|)" is one word). */
function endsWord(c: string | undefined, before: boolean): boolean {
  if (c === undefined) return true;
  if (c === '(') return before;
  if (c === ')') return !before;
  if (c === '|') return true;
  const cls = charClass(c.charCodeAt(0));
  return cls === SEP || (!before && cls === PUNCT);
}

/**
 * Adds light inflection and British/American spelling to every whole word of a pattern, as alternatives:
 * `restricted exports` → `(restricted|restrict|restricts|restricting) (exports|export)`. A word is whole when
 * pattern syntax or a separator stands on both sides (`marriage(s|)` is left alone).
 */
export function inflectPattern(pattern: string, exact = false): string {
  if (exact) return pattern;
  return pattern.replace(WORD, (word, offset: number) => {
    if (!endsWord(pattern[offset - 1], true) || !endsWord(pattern[offset + word.length], false)) return word;
    const forms = wordForms(word.toLowerCase());
    return forms.length === 1 ? word : `(${forms.join('|')})`;
  });
}

const formsCache = new Map<string, string[]>();

/**
 * A lower-case word with its spellings and -ing/-ed verb forms, and, if it ends a pattern (`last`), its singular
 * or plural; the word itself first. Cached: words repeat a lot.
 */
export function wordForms(lower: string, last = true): string[] {
  const key = last ? lower : `${lower} `;
  const cached = formsCache.get(key);
  if (cached !== undefined) return cached;
  const forms = new Set<string>([lower]);
  for (const verb of verbForms(lower)) {
    for (const numbered of last && lower.length >= 4 ? numberForms(verb) : [verb]) {
      for (const spelled of spellings(numbered)) forms.add(spelled);
    }
  }
  const result = [...forms];
  formsCache.set(key, result);
  return result;
}

/** A pattern and, if it hyphenates words, the same with the hyphens dropped ("de-dollarisation" = "dedollarisation"). */
export function patternVariants(pattern: string): string[] {
  parsePattern(pattern); // throws PatternError naming the pattern
  const joined = pattern.replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, '');
  return joined === pattern ? [pattern] : [pattern, joined];
}

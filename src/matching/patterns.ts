/**
 * The trigger pattern syntax of the pack (see src/pack/schema.ts):
 *   `(a|b)` — alternatives, may be nested and hold several words: `(no|without) limits`;
 *   `(a|)`  — optional words: `(the|) deal of the century`.
 * Everything else is literal text (normalised when the automaton is built, so case, quotes and dashes do not
 * matter). Patterns are never expanded into every form: automaton-builder.ts builds them as a graph whose size
 * is the sum of the alternatives, not their product.
 */

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

/** A pattern and, if it hyphenates words, the same with the hyphens dropped ("de-dollarisation" = "dedollarisation"). */
export function patternVariants(pattern: string): string[] {
  parsePattern(pattern); // throws PatternError naming the pattern
  const joined = pattern.replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, '');
  return joined === pattern ? [pattern] : [pattern, joined];
}

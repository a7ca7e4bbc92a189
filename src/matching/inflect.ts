/**
 * Build-time inflection of concept lexicons with compromise (a well-kept English NLP library): a verb's
 * conjugations (supply → supplies, supplied, supplying) and a noun's singular and plural (ally ↔ allies). Only
 * the pack compiler imports this module: the extension bundles the expanded patterns, never the library.
 * In a phrase the verb is its first word ("hand over" → "handed over"), the noun its last ("machine tool" →
 * "machine tools").
 */
import nlp from 'compromise';

const cache = new Map<string, string[]>();

function memo(key: string, make: () => string[]): string[] {
  let forms = cache.get(key);
  if (!forms) {
    forms = [
      ...new Set(
        make()
          .map((form) => form.toLowerCase())
          .filter((form) => form !== ''),
      ),
    ];
    cache.set(key, forms);
  }
  return forms;
}

/** The forms of one verb (the base form first). */
export function verbForms(verb: string): string[] {
  return memo(`v ${verb}`, () => {
    const doc = nlp(verb);
    doc.tag('Verb'); // a lexicon entry is a verb whatever the word could be elsewhere ("supply", "drill")
    const conjugated = doc.verbs().conjugate()[0] as Record<string, string> | undefined;
    if (!conjugated) return [verb];
    return [verb, conjugated.Infinitive, conjugated.PresentTense, conjugated.PastTense, conjugated.Gerund].filter(
      (form): form is string => typeof form === 'string' && !form.includes(' '),
    );
  });
}

/** The forms of one noun (as written first, then its plural or singular). */
export function nounForms(noun: string): string[] {
  return memo(`n ${noun}`, () => {
    const as = (tag: string) => {
      const doc = nlp(noun);
      doc.tag(tag);
      return doc.nouns();
    };
    const singular = noun.endsWith('s') ? as('Plural').toSingular().text() : noun;
    if (singular !== '' && singular.toLowerCase() !== noun.toLowerCase()) return [noun, singular];
    return [noun, as('Singular').toPlural().text()];
  });
}

/** A lexicon entry as one pattern (patterns.ts syntax): its inflected word as a group of alternatives. */
export function inflectedPattern(entry: string, kind: 'verb' | 'noun'): string {
  const words = entry.trim().split(/\s+/);
  const at = kind === 'verb' ? 0 : words.length - 1;
  const word = words[at] as string;
  if (!/^[\p{L}-]+$/u.test(word)) return entry;
  const forms = kind === 'verb' ? verbForms(word.toLowerCase()) : nounForms(word.toLowerCase());
  words[at] = forms.length > 1 ? `(${forms.join('|')})` : word;
  return words.join(' ');
}

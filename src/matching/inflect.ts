/**
 * Build-time inflection of concept lexicons with compromise (a well-kept English NLP library): a verb's
 * conjugations (supply → supplies, supplied, supplying) and a noun's singular and plural (ally ↔ allies). Only
 * the pack compiler imports this module: the extension bundles the expanded patterns, never the library.
 * In a phrase the verb is its first word ("hand over" → "handed over"), the noun its last ("machine tool" →
 * "machine tools").
 */
import nlp from 'compromise';
import { spellings } from './morphology';
import { charClass, SEP, WORD } from './normalize';
import { parsePattern, type PatternNode } from './patterns';

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
    const { Infinitive, PresentTense, PastTense, Gerund, Participle } = conjugated;
    const gerund = doubledGerund(verb, PastTense, Gerund) ?? Gerund;
    return [verb, Infinitive, PresentTense, PastTense, Participle, gerund].filter(
      (form): form is string => typeof form === 'string' && !form.includes(' '),
    );
  });
}

/**
 * The gerund with the final consonant doubled where compromise doubles it in the past tense but not in the gerund
 * ("snap": snapped, yet "snaping"): the library's own past tense says how the stem is spelled before a suffix.
 */
function doubledGerund(verb: string, past?: string, gerund?: string): string | undefined {
  const last = verb.at(-1);
  if (!last || past !== `${verb}${last}ed` || gerund !== `${verb}ing`) return undefined;
  return `${verb}${last}ing`;
}

/**
 * The forms of one noun (as written first, then its plural or singular). `countable`: the pack lists it as a
 * noun that has a plural, so compromise's uncountable list ("currency", which it keeps for the mass sense) does
 * not hold it back: "national currency" also gives "national currencies".
 */
export function nounForms(noun: string, countable = false): string[] {
  return memo(`n${countable ? 1 : 0} ${noun}`, () => {
    const as = (tag: string) => {
      const doc = nlp(noun);
      doc.tag(tag);
      return doc.nouns();
    };
    const singular = noun.endsWith('s') ? as('Plural').toSingular().text() : noun;
    if (singular !== '' && singular.toLowerCase() !== noun.toLowerCase()) return [noun, singular];
    const plural = as('Singular').toPlural().text();
    if (!countable || plural.toLowerCase() !== noun.toLowerCase()) return [noun, plural];
    return [noun, pluralIgnoringUncountable(noun)];
  });
}

/** compromise's own plural rules for a word its uncountable list would leave as it is. */
function pluralIgnoringUncountable(noun: string): string {
  const model = nlp.model() as { two: Record<string, unknown> };
  const toPlural = (nlp.methods() as NounTransforms).two.transform.noun.toPlural;
  return toPlural(noun, { ...model, two: { ...model.two, uncountable: {} } });
}

type NounTransforms = {
  two: { transform: { noun: { toPlural: (word: string, model: object) => string } } };
};

/** A lexicon entry as one pattern (patterns.ts syntax): its inflected word as a group of alternatives. */
export function inflectedPattern(entry: string, kind: 'verb' | 'noun'): string {
  const words = entry.trim().split(/\s+/);
  const at = kind === 'verb' ? 0 : words.length - 1;
  const word = words[at] as string;
  if (!/^[\p{L}-]+$/u.test(word)) return entry;
  const forms = kind === 'verb' ? verbForms(word.toLowerCase()) : nounForms(word.toLowerCase(), true);
  words[at] = forms.length > 1 ? `(${forms.join('|')})` : word;
  return words.join(' ');
}

/**
 * A word written as a verb form (-ing, -ed) with the verb's other forms: "restricted" → restrict, restricts,
 * restricting. Other words stay as they are (a trigger's "limits" is not read as a verb).
 */
function conjugations(lower: string): string[] {
  if (!/^[a-z]{5,}$/.test(lower) || !/(ing|ed)$/.test(lower)) return [lower];
  return memo(`c ${lower}`, () => {
    const doc = nlp(lower);
    doc.tag('Verb');
    const infinitive = doc.verbs().toInfinitive().text().toLowerCase();
    if (infinitive === '' || infinitive.includes(' ')) return [lower];
    return [lower, ...verbForms(infinitive)];
  });
}

/**
 * Every form of one lower-case word of a trigger pattern, the word itself first: its conjugations when it is
 * written as a verb form, its singular or plural when it ends the pattern (`last`; words under four letters
 * excepted), and each of those in British and American spelling.
 */
export function wordForms(lower: string, last = true): string[] {
  return memo(`w${last ? 1 : 0} ${lower}`, () => {
    const forms: string[] = [];
    for (const verb of conjugations(lower)) {
      for (const numbered of last && verb.length >= 4 && /^[a-z]+$/.test(verb) ? nounForms(verb) : [verb]) {
        forms.push(...spellings(numbered.toLowerCase()));
      }
    }
    return [lower, ...forms];
  });
}

/**
 * A trigger or blocker pattern with every whole word replaced by the group of its forms (wordForms; singular and
 * plural only for the pattern's last word): `restricted exports` → `(restricted|restrict|…) (exports|export)`.
 * A word touching pattern syntax on a glued side (`marriage(s|)`) stays as written. The automaton then takes
 * patterns literally: the extension carries the forms, never this library.
 */
export function inflectPattern(pattern: string): string {
  return written(parsePattern(pattern), true);
}

function written(nodes: readonly PatternNode[], final: boolean): string {
  return nodes
    .map((node, index) => {
      const last = final && index === nodes.length - 1;
      if (node.kind === 'alt') return `(${node.options.map((option) => written(option, last)).join('|')})`;
      return inflectedText(node, last);
    })
    .join('');
}

function inflectedText(node: { text: string; gluedBefore: boolean; gluedAfter: boolean }, final: boolean): string {
  const text = node.text;
  let out = '';
  let literalFrom = 0;
  let i = 0;
  while (i < text.length) {
    if (charClass(text.charCodeAt(i)) !== WORD) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && charClass(text.charCodeAt(end)) === WORD) end++;
    const before = i === 0 ? !node.gluedBefore : charClass(text.charCodeAt(i - 1)) === SEP;
    const after = end === text.length ? !node.gluedAfter : charClass(text.charCodeAt(end)) !== WORD;
    const lastWord = final && text.slice(end).trim() === '';
    const forms = before && after ? wordForms(text.slice(i, end).toLowerCase(), lastWord) : [];
    const distinct = [...new Set(forms)];
    if (distinct.length > 1) {
      out += `${text.slice(literalFrom, i)}(${distinct.join('|')})`;
      literalFrom = end;
    }
    i = end;
  }
  return out + text.slice(literalFrom);
}

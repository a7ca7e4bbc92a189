/**
 * Build-time part of the concept layer: the pack's concept lexicons inflected (inflect.ts, with compromise) into
 * patterns, and each finding's combinations resolved to concept numbers. Errors name the field path.
 */
import type { CompiledCombination, CompiledConcepts } from './concepts';
import { BUILT_IN_CONCEPTS } from './concepts';
import { inflectedPattern } from './inflect';
import { spellings } from './morphology';
import { expandPattern, patternVariants, PatternError } from './patterns';

export type { CompiledConcepts };

/** The concept kinds the engine reads: actors other than China and Russia, and speech (CompiledConcepts). */
const THIRD_PARTY = 'third-party';
const SPEECH = 'speech';

/** A concept lexicon as the pack declares it (src/pack/schema.ts ConceptSchema). */
interface ConceptSource {
  id: string;
  /** `third-party` and `speech` mean something to the engine (see CompiledConcepts); other kinds are for the author. */
  kind?: string | undefined;
  label?: string | undefined;
  verbs?: readonly string[] | undefined;
  nouns?: readonly string[] | undefined;
  words?: readonly string[] | undefined;
}

/** A finding's combination of concepts as the pack declares it (src/pack/schema.ts CombinationSchema). */
interface CombinationSource {
  all: readonly string[];
  order?: readonly string[] | undefined;
  none?: readonly string[] | undefined;
  about: CompiledCombination['about'];
}

/**
 * What the concept layer is compiled from: the concept parts of a validated pack. Declared here, not imported
 * from src/pack, so that src/matching depends on nothing in src/pack (the pack builds on the matcher).
 */
export interface ConceptsSource {
  concepts: readonly ConceptSource[];
  findings: readonly { id: string; combinations: readonly CombinationSource[] }[];
}

/**
 * The surface forms a lexicon pattern stands for, lower case: the automaton accepts one entry per text, so a form
 * two concepts share ("avoided": negation and getting around) must be one entry standing for both, whichever way
 * each concept spelled it. Every form gets its spellings only (defence/defense): a `verbs` or `nouns` entry was
 * inflected already (inflectedPattern) and a `words` entry is taken as written — inflecting again gave forms no page
 * holds ("tradeds", "ideologicals") and turned "values" into "value".
 */
function surfaceForms(pattern: string): string[] {
  const formsOf = (word: string) => [...new Set(spellings(word))];
  return expandPattern(pattern).flatMap((form) => {
    const words = form.toLowerCase().split(' ');
    if (words.length === 1) return /^\p{L}+$/u.test(words[0] as string) ? formsOf(words[0] as string) : words;
    // A phrase stays one pattern, each word the group of its forms (the automaton adds none: see spotterMatcher).
    return [
      words
        .map((word) => {
          const forms = /^\p{L}+$/u.test(word) ? formsOf(word) : [word];
          return forms.length > 1 ? `(${forms.join('|')})` : word;
        })
        .join(' '),
    ];
  });
}

export function compileConcepts(pack: ConceptsSource): CompiledConcepts {
  const ids: string[] = [...BUILT_IN_CONCEPTS];
  const labels: string[] = [...BUILT_IN_CONCEPTS];
  // One automaton entry per set of concepts a term stands for ("export" may be both `supply` and `export`).
  const conceptsOfPattern = new Map<string, Set<number>>();
  const thirdParty: number[] = [];
  const speech: number[] = [];
  pack.concepts.forEach((concept, c) => {
    if (ids.includes(concept.id)) throw new PatternError(`concepts[${c}].id: "${concept.id}" is defined twice`);
    const number = ids.length;
    if (concept.kind === THIRD_PARTY) thirdParty.push(number);
    if (concept.kind === SPEECH) speech.push(number);
    ids.push(concept.id);
    labels.push(concept.label ?? concept.id.replace(/-/g, ' '));
    const entries: [string, string][] = [
      ...(concept.verbs ?? []).map((w) => [inflectedPattern(w, 'verb'), 'verbs'] as [string, string]),
      ...(concept.nouns ?? []).map((w) => [inflectedPattern(w, 'noun'), 'nouns'] as [string, string]),
      ...(concept.words ?? []).map((w) => [w, 'words'] as [string, string]),
    ];
    for (const [pattern, field] of entries) {
      let variants: string[];
      try {
        variants = patternVariants(pattern);
      } catch (error) {
        throw new PatternError(`concepts[${c}].${field}: ${(error as Error).message}`);
      }
      for (const form of variants.flatMap(surfaceForms)) {
        let set = conceptsOfPattern.get(form);
        if (!set) conceptsOfPattern.set(form, (set = new Set()));
        set.add(number);
      }
    }
  });
  const bySet = new Map<string, { patterns: string[]; concepts: number[] }>();
  for (const [pattern, set] of conceptsOfPattern) {
    const concepts = [...set].sort((a, b) => a - b);
    const key = concepts.join(',');
    let entry = bySet.get(key);
    if (!entry) bySet.set(key, (entry = { patterns: [], concepts }));
    entry.patterns.push(pattern);
  }
  const number = (id: string, path: string): number => {
    const n = ids.indexOf(id.trim());
    if (n < 0) throw new PatternError(`${path}: no concept with id "${id.trim()}"`);
    return n;
  };
  const combinations: CompiledConcepts['combinations'] = [];
  pack.findings.forEach((finding, f) => {
    finding.combinations.forEach((combination, k) => {
      const path = `findings[${f}].combinations[${k}]`;
      const all = combination.all.map((slot, s) => slot.split('|').map((id) => number(id, `${path}.all[${s}]`)));
      combinations.push({
        finding: finding.id,
        name: combination.all
          .map((slot) =>
            slot
              .split('|')
              .map((id) => labels[number(id, path)])
              .join('/'),
          )
          .join(' + '),
        all,
        order: (combination.order ?? []).map((id, s) => number(id, `${path}.order[${s}]`)),
        none: (combination.none ?? []).map((id, s) => number(id, `${path}.none[${s}]`)),
        about: combination.about,
      });
    });
  });
  return { ids, labels, terms: [...bySet.values()], combinations, thirdParty, speech };
}

/**
 * Build-time part of the matcher: trigger patterns checked, given their inflections and spelling variants
 * (inflect.ts, with compromise) and gathered into JSON (src/pack/generated/compiled.json). src/matching/trie.ts
 * takes the patterns literally, so nothing that runs in a page inflects a word.
 */
import { compileConcepts, type CompiledConcepts, type ConceptsSource } from './compile-concepts';
import { normalizePhrase } from './normalize';
import { inflectPattern } from './inflect';
import { patternVariants, PatternError } from './patterns';
import { BLOCKERS } from './blockers';
import { CHINA_TERMS, NOT_REFERENCES, PAIR_REFERENCES, RUSSIA_TERMS } from './topic-terms';

export type TriggerContext = 'any' | 'topic' | 'near';

export interface CompiledTrigger {
  /** The canonical phrase (reported as `Mention.trigger`). */
  phrase: string;
  /** The finding that owns the trigger; always first in a mention's findings. */
  finding: string;
  /** Further findings the phrase speaks to, after the owner. */
  also: string[];
  context: TriggerContext;
  /**
   * The phrase and its variants in pattern syntax (patterns.ts), each word already the group of its forms; a
   * hyphenated word also stands joined.
   */
  patterns: string[];
}

export interface CompiledMatcher {
  version: 2;
  triggers: CompiledTrigger[];
  /** Patterns that block a trigger where they match (other senses of the words, see blockers.ts). */
  blockers: string[];
  /** Normalised references that make a page about China–Russia relations (see gate.ts), and non-references. */
  topic: { china: string[]; russia: string[]; not: string[]; pair: string[] };
  /** Concept lexicons and the findings' combinations of them (see concepts.ts); absent = phrase triggers only. */
  concepts?: CompiledConcepts;
}

/**
 * What the matcher is compiled from: the parts of a validated pack (src/pack/schema.ts) that say where its findings
 * are mentioned. A `Pack` is one; declared here so that src/matching imports nothing from src/pack.
 */
export interface MatcherSource extends ConceptsSource {
  findings: readonly (ConceptsSource['findings'][number] & { triggers: readonly TriggerSource[] })[];
}

interface TriggerSource {
  phrase: string;
  variants?: readonly string[] | undefined;
  context: TriggerContext;
  also: readonly string[];
}

export function compileMatcher(pack: MatcherSource): CompiledMatcher {
  const triggers: CompiledTrigger[] = [];
  pack.findings.forEach((finding, f) => {
    finding.triggers.forEach((trigger, t) => {
      const patterns = new Set<string>();
      [trigger.phrase, ...(trigger.variants ?? [])].forEach((pattern, v) => {
        try {
          for (const variant of patternVariants(pattern)) patterns.add(inflectPattern(variant));
        } catch (error) {
          const field = v === 0 ? 'phrase' : `variants[${v - 1}]`;
          throw new PatternError(`findings[${f}].triggers[${t}].${field}: ${(error as Error).message}`);
        }
      });
      triggers.push({
        phrase: trigger.phrase,
        finding: finding.id,
        also: trigger.also.filter((id) => id !== finding.id),
        context: trigger.context,
        patterns: [...patterns],
      });
    });
  });
  const terms = (list: readonly string[]) => [...new Set(list.map(normalizePhrase))];
  return {
    version: 2,
    triggers,
    blockers: BLOCKERS.flatMap(patternVariants).map(inflectPattern),
    topic: {
      china: terms(CHINA_TERMS),
      russia: terms(RUSSIA_TERMS),
      not: terms(NOT_REFERENCES),
      pair: terms(PAIR_REFERENCES),
    },
    concepts: compileConcepts(pack),
  };
}

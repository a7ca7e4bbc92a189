import * as v from 'valibot';

/**
 * The schema of assets/pack/assessment.yaml. Errors name the field path (see `validatePack`).
 */

const nonEmpty = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.trim(), v.minLength(1, `${what} must not be empty`));

const FINDING_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Where a trigger counts (src/matching/gate.ts): `any` page; `topic`, only on a page about China–Russia relations;
 * `near`, on such a page and only where the mention's paragraph (or the one before) is about the two countries.
 */
const TRIGGER_CONTEXTS = ['any', 'topic', 'near'] as const;

const QuoteSchema = v.strictObject({
  text: nonEmpty('quote text'),
  /** Who says it, when not the assessment itself (e.g. a spokesperson quoted in the source). */
  attribution: v.optional(nonEmpty('attribution')),
});

const TriggerSchema = v.strictObject({
  /** The canonical phrase, reported as `trigger` by scan. */
  phrase: nonEmpty('trigger phrase'),
  /** Other surface forms; `(a|b)` alternatives, `(a|)` optional word. */
  variants: v.optional(v.array(nonEmpty('variant'))),
  context: v.optional(v.picklist(TRIGGER_CONTEXTS, `context must be one of: ${TRIGGER_CONTEXTS.join(', ')}`), 'topic'),
  /** Other findings this phrase also speaks to (ids; must exist). The owning finding always comes first. */
  also: v.optional(v.array(nonEmpty('finding id')), []),
});

/** A finding fires where all of `all` occur in one sentence about China and Russia (src/matching/concepts.ts). */
const CombinationSchema = v.strictObject({
  /** Concept ids that must all occur in the sentence; `a|b` takes either. */
  all: v.pipe(v.array(nonEmpty('concept id')), v.minLength(1, 'a combination needs at least one concept')),
  /** Concepts that must occur in this order (roles: `russia`, `request` — Russia asks, not China). */
  order: v.optional(v.array(nonEmpty('concept id'))),
  /** Concepts that must not occur in the sentence. */
  none: v.optional(v.array(nonEmpty('concept id'))),
  /**
   * Whom the sentence must be about: `pair` (default) — China and Russia, one of them possibly named in the
   * sentence before or as "the two countries", or the sentence names one and its paragraph both; `china` or `russia` — that side named in the sentence itself (ties
   * of one of them with a third party, on a page about the two).
   */
  about: v.optional(v.picklist(['pair', 'china', 'russia'], 'about must be one of: pair, china, russia'), 'pair'),
});

/** A concept: a named lexicon; verbs and nouns are inflected at build time, `words` are taken as written. */
const ConceptSchema = v.strictObject({
  id: v.pipe(nonEmpty('id'), v.regex(FINDING_ID, 'id must be lower-case words joined by hyphens')),
  /**
   * What it is, for the pack author and the card's "why matched" (actor, act, object, negation, stance…). Two kinds
   * also steer the engine: `third-party` (a paragraph about one does not carry on the China–Russia context before it)
   * and `speech` (a third party that speaks is a source, not the subject) — src/matching/concepts.ts.
   */
  kind: v.optional(nonEmpty('kind')),
  /** Words shown to readers ("supplies … components"): defaults to the id with spaces. */
  label: v.optional(nonEmpty('label')),
  verbs: v.optional(v.array(nonEmpty('verb'))),
  nouns: v.optional(v.array(nonEmpty('noun'))),
  words: v.optional(v.array(nonEmpty('word'))),
});

const FindingSchema = v.strictObject({
  id: v.pipe(nonEmpty('id'), v.regex(FINDING_ID, 'id must be lower-case words joined by hyphens')),
  title: nonEmpty('title'),
  summary: nonEmpty('summary'),
  quotes: v.pipe(v.array(QuoteSchema), v.minLength(1, 'a finding needs at least one quote')),
  keywords: v.optional(v.array(nonEmpty('keyword')), []),
  triggers: v.optional(v.array(TriggerSchema), []),
  combinations: v.optional(v.array(CombinationSchema), []),
});

const ReportSchema = v.strictObject({
  title: nonEmpty('title'),
  publisher: nonEmpty('publisher'),
  kind: nonEmpty('kind'),
  prepared_for: v.optional(nonEmpty('prepared_for')),
  release: nonEmpty('release'),
  released_on: v.optional(nonEmpty('released_on')),
  source_file: nonEmpty('source_file'),
});

export const PackSchema = v.strictObject({
  report: ReportSchema,
  /** Concept lexicons the findings' combinations name (besides the built-in `china`, `russia`, `pair`). */
  concepts: v.optional(v.array(ConceptSchema), []),
  findings: v.pipe(v.array(FindingSchema), v.minLength(1, 'the pack needs at least one finding')),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type Finding = Pack['findings'][number];
export type ReportMeta = Pack['report'];

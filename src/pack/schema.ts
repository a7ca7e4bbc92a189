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

const FindingSchema = v.strictObject({
  id: v.pipe(nonEmpty('id'), v.regex(FINDING_ID, 'id must be lower-case words joined by hyphens')),
  title: nonEmpty('title'),
  summary: nonEmpty('summary'),
  quotes: v.pipe(v.array(QuoteSchema), v.minLength(1, 'a finding needs at least one quote')),
  keywords: v.optional(v.array(nonEmpty('keyword')), []),
  triggers: v.optional(v.array(TriggerSchema), []),
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
  findings: v.pipe(v.array(FindingSchema), v.minLength(1, 'the pack needs at least one finding')),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type Finding = Pack['findings'][number];
export type ReportMeta = Pack['report'];

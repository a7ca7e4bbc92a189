/**
 * The topic gate: is this page about China–Russia relations?
 *
 * Rule, counted in prose blocks only: at least one paragraph names both a China reference (China, Chinese,
 * Beijing, Xi, Sino-…) and a Russia reference (Russia, Moscow, Kremlin, Putin…), the page has at least
 * MIN_REFERENCES such references in all, and each side is named in at least two sentences — or in one, when the page
 * also uses a phrase particular to their relation (a trigger of context `any`, "axis of convenience", or one of
 * context `topic` in a paragraph that names both: "BRICS", "de-dollarisation" — "Russia and Iran signed a
 * comprehensive strategic partnership" or "Iran joined BRICS" is not their relation). A page about China alone (US chip controls), Russia alone (a football ban) or
 * neither (freediving) is off topic; a Qatar–China gas story that names "Russia's invasion" once in passing is too,
 * and so is one whose only sentence about Russia names it twice ("Europe replaced Russian gas after Moscow's
 * invasion"): a side named in one sentence is named in passing, however often that sentence names it.
 * The decision only ever turns on as text arrives (see session.ts): marks are never withdrawn because a later
 * paragraph changed the counts.
 *
 * Triggers with context `topic` count only on an on-topic page; `near` additionally needs the sense check: the
 * mention's own block refers to China, Russia or the pair ("the two countries"), and China and Russia are both
 * named in that block or the two before — "the two countries" may stand in for one of them, not both
 * ("joint exercises" of whom? "sanctions" on whom?);
 * `any` counts everywhere (reserved for phrases that only ever mean this relationship).
 */
const MIN_REFERENCES = 4;

/** Sentences naming each side that the page needs without a phrase particular to the relation. */
const MIN_EACH = 2;

export interface TopicCounts {
  china: number;
  russia: number;
  /** Sentences that name each side (a sentence that names Russia twice counts once). */
  chinaSentences: number;
  russiaSentences: number;
  /** Blocks that name both. */
  bothBlocks: number;
  /** Phrases of triggers with context `any`, or `topic` in a paragraph naming both (the relation's own subjects). */
  relation: number;
}

export function isOnTopic(counts: TopicCounts): boolean {
  const each = counts.relation > 0 ? 1 : MIN_EACH;
  return (
    counts.bothBlocks >= 1 &&
    counts.china + counts.russia >= MIN_REFERENCES &&
    counts.chinaSentences >= each &&
    counts.russiaSentences >= each
  );
}

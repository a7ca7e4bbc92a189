/**
 * The topic gate: is this page about China–Russia relations?
 *
 * Rule, counted in prose blocks only: at least one paragraph names both a China reference (China, Chinese,
 * Beijing, Xi, Sino-…) and a Russia reference (Russia, Moscow, Kremlin, Putin…), the page has at least
 * MIN_REFERENCES such references in all, and each side is named at least twice — or once, when the page also uses
 * a phrase particular to their relation (a trigger of context `any` or `topic`: "no limits partnership",
 * "de-dollarisation", "BRICS"). A page about China alone (US chip controls), Russia alone (a football ban) or
 * neither (freediving) is off topic; a Qatar–China gas story that names "Russia's invasion" once in passing is too.
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

/** References each side needs without a phrase particular to the relation. */
const MIN_EACH = 2;

export interface TopicCounts {
  china: number;
  russia: number;
  /** Blocks that name both. */
  bothBlocks: number;
  /** Phrases of triggers with context `any` or `topic` (the relation's own subjects). */
  relation: number;
}

export function isOnTopic(counts: TopicCounts): boolean {
  const each = counts.relation > 0 ? 1 : MIN_EACH;
  return (
    counts.bothBlocks >= 1 &&
    counts.china + counts.russia >= MIN_REFERENCES &&
    counts.china >= each &&
    counts.russia >= each
  );
}

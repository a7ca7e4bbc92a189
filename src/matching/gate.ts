/**
 * The topic gate: is this page about China–Russia relations?
 *
 * Rule: at least one block (paragraph, heading, list item…) names both a China reference (China, Chinese,
 * Beijing, Xi, Sino-…) and a Russia reference (Russia, Moscow, Kremlin, Putin…), and the page has at least
 * MIN_REFERENCES such references in all. A page about China alone (US chip controls), Russia alone (a football
 * ban) or neither (freediving) is off topic; one passing "China and Russia" in an unrelated story is not enough.
 * The decision only ever turns on as text arrives (see session.ts): marks are never withdrawn because a later
 * paragraph changed the counts.
 *
 * Triggers with context `topic` count only on an on-topic page; `near` additionally needs the sense check: the
 * mention's own block refers to China, Russia or the pair ("the two countries"), and China and Russia are both
 * named in that block or the one before — "the two countries" may stand in for one of them, not both
 * ("joint exercises" of whom? "sanctions" on whom?);
 * `any` counts everywhere (reserved for phrases that only ever mean this relationship).
 */
const MIN_REFERENCES = 4;

export interface TopicCounts {
  china: number;
  russia: number;
  /** Blocks that name both. */
  bothBlocks: number;
}

export function isOnTopic(counts: TopicCounts): boolean {
  return counts.bothBlocks >= 1 && counts.china + counts.russia >= MIN_REFERENCES;
}

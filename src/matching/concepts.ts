/**
 * The concept layer: a finding fires where a combination of concepts — actors, acts, objects, negation — occurs in
 * one sentence about China and Russia, whatever the reporter's wording ("continues to supply Russia with key
 * components", "supply of microcircuits from China"). Concept terms are spotted by the same one-pass automaton as
 * the phrase triggers (as entries after them, see `spotterMatcher` in engine.ts); actors `china`, `russia` and
 * `pair` are the topic references (topic-terms.ts). Evaluation is per block, over the hits already found: no
 * second pass.
 */

/** Concepts every pack has: the topic references, numbered 0, 1, 2. */
export const BUILT_IN_CONCEPTS = ['china', 'russia', 'pair'] as const;
const CHINA = 0;
const RUSSIA = 1;
const PAIR = 2;
/** Concept numbers below this are actors from the topic references. */
const FIRST_LEXICON = 3;

export interface CompiledCombination {
  finding: string;
  /** Shown as the mention's `trigger` ("supply + dual-use goods"). */
  name: string;
  /** Slots: one concept of each slot must occur in the sentence. */
  all: number[][];
  /** Concepts that must occur in this order. */
  order: number[];
  /** Concepts that must not occur in the sentence. */
  none: number[];
  /** Whom the sentence must be about (see the pack schema). */
  about: 'pair' | 'china' | 'russia';
}

export interface CompiledConcepts {
  /** Concept ids by number (the built-in ones first). */
  ids: string[];
  labels: string[];
  /** Automaton entries after the triggers: entry k accepts `patterns` and stands for `concepts`. */
  terms: { patterns: string[]; concepts: number[] }[];
  combinations: CompiledCombination[];
  /**
   * Concepts of kind `third-party` (the US, Japan, Qatar…): a sentence or paragraph that names one of them and
   * neither China nor Russia is about them, so it does not carry on the pair from the text before it.
   */
  thirdParty: number[];
  /** Concepts of kind `speech` ("said", "called"): a third party that speaks is a source, not the subject. */
  speech: number[];
}

/** A concept term spotted in a block: its entry in `terms`, offsets into the block. */
export interface ConceptHit {
  entry: number;
  start: number;
  end: number;
}

/** A topic reference spotted in a block (trie.ts REF_* flags). */
export interface RefHit {
  flags: number;
  start: number;
  end: number;
}

export interface SentenceRefs {
  china: number;
  russia: number;
  pair: number;
}

type About = Record<CompiledCombination['about'], boolean>;

export interface ConceptMatch {
  combination: number;
  start: number;
  end: number;
  /** The concepts of the combination that occur in the span's sentence (ids), for "why matched". */
  concepts: string[];
}

const REF_CHINA = 1;
const REF_RUSSIA = 2;
const REF_PAIR = 8;

/** Whether a sentence is about China and Russia: it names one of them (or the pair) and, with the sentence before, both. */
function aboutThePair(here: SentenceRefs, before: SentenceRefs | undefined): boolean {
  if (here.china + here.russia + here.pair === 0) return false;
  const china = here.china + (before?.china ?? 0);
  const russia = here.russia + (before?.russia ?? 0);
  const pair = here.pair + (before?.pair ?? 0);
  return china + russia > 0 && china + pair > 0 && russia + pair > 0;
}

/** Sentence ends in a block: after . ! ? followed by a space or the end, not inside "U.S." or "Mr.". */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (endsSentence(text, i)) ends.push(i + 1);
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

/** Whether a sentence of `text` ends in [from, to) (see sentenceEnds). */
export function sentenceEndsBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (endsSentence(text, i)) return true;
  return false;
}

/** Whether the character at `i` ends a sentence: . ! ? followed by a space or the end, not "U.S." or "Mr.". */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  const next = text.charCodeAt(i + 1);
  if (i + 1 < text.length && next !== 32 && next !== 10 && next !== 160 && next !== 0x201d && next !== 34) return false;
  return !(c === 46 && i >= 1 && /\p{Lu}/u.test(text.charAt(i - 1)) && (i < 2 || /[\s.]/.test(text.charAt(i - 2))));
}

/**
 * A sentence that opens on the pair: "Both would rather…", "The two agreed…" — not "Both Japan and Korea…" or
 * "The two Koreas" (a name follows: the sentence says whom it means), nor "Both of the firms".
 */
const PAIR_SUBJECT = /^[\s"“‘'(]*(?:[Bb]oth|[Tt]he two|[Tt]he pair|[Nn]either)(?![\p{L}-])(?!\s+(?:of\b|\p{Lu}))/u;

/**
 * A sentence that opens on the relationship itself: "The relationship is more fragile than it looks", "Their
 * partnership rests on convenience" — about the pair when the sentence before or its paragraph names both sides
 * (never "The relationship between Washington and Delhi": a name or "between"/"with" follows the subject).
 */
const RELATION_SUBJECT =
  /^[\s"“‘'(]*(?:[Tt]he|[Tt]heir|[Tt]his|[Tt]hat)\s+(?:(?:bilateral|current|present|new|growing|deepening|burgeoning|budding|close|closer)\s+)?(?:relationship|partnership|friendship|alignment|rapprochement|alliance|entente|axis|ties|relations|cooperation|bond|embrace)(?![\p{L}-])(?!\s+(?:of|between|with|among|to)\b)(?!\s+\p{Lu})/u;

/**
 * The relationship named later in the sentence, on the same terms: "there is a long history of suspicion in the
 * relationship". Only the plain words for a tie: "the alliance" or "the axis" mid-sentence is as often someone's
 * hypothesis about the pair as the pair itself.
 */
const RELATION_LATER =
  /(?<![\p{L}-])(?:the|their|this|that)\s+(?:(?:bilateral|current|present|growing|deepening|close|closer)\s+)?(?:relationship|partnership|friendship|ties|relations)(?![\p{L}-])(?!\s+(?:of|between|with|among|to)\b)(?!\s+\p{Lu})/u;

const THIRD = 1;
const SPEECH = 2;

/** Per compiled pack: whether each automaton entry stands for a third party (THIRD) or speech (SPEECH). */
const entryRoles = new WeakMap<CompiledConcepts, number[]>();

function rolesOf(concepts: CompiledConcepts): number[] {
  let roles = entryRoles.get(concepts);
  if (!roles) {
    const third = new Set(concepts.thirdParty);
    const speech = new Set(concepts.speech);
    roles = concepts.terms.map(
      (term) =>
        (term.concepts.some((c) => third.has(c)) ? THIRD : 0) | (term.concepts.some((c) => speech.has(c)) ? SPEECH : 0),
    );
    entryRoles.set(concepts, roles);
  }
  return roles;
}

/**
 * The widest mark a combination makes (characters): concepts further apart than a clause are not read as one
 * statement ("Western isolation and of the bloc's rising influence" is no claim about US hegemony).
 */
const MAX_SPAN = 80;

/**
 * Marks a sentence carries per finding from its combinations: two different combinations may mark two different
 * clauses ("openly criticise the US … fed up with Washington's pursuit of hegemony"), never overlapping.
 */
const MARKS_PER_SENTENCE = 2;

interface Occurrence {
  concept: number;
  start: number;
  end: number;
}

/**
 * The combinations that hold in the sentences of one block, at most MARKS_PER_SENTENCE per finding per sentence,
 * each with the shortest span that carries it (its lexicon concepts; actors only when it names no other). `before`
 * is the references of the sentence before the block (the last one of the previous prose block). Returns the
 * matches and the references of the block's last sentence.
 */
export function matchCombinations(
  concepts: CompiledConcepts,
  text: string,
  hits: readonly ConceptHit[],
  refs: readonly RefHit[],
  before: SentenceRefs | undefined,
): { matches: ConceptMatch[]; last: SentenceRefs; thirdParty: boolean; elsewhere: number[] } {
  const matches: ConceptMatch[] = [];
  const ends = sentenceEnds(text);
  // The block names both sides somewhere: a sentence naming one of them is then about the pair even when the
  // other was named two or more sentences back ("Russia ... . ... . Moscow now pays in yuan").
  const blockBoth = refs.some((ref) => ref.flags & REF_CHINA) && refs.some((ref) => ref.flags & REF_RUSSIA);
  let h = 0;
  let r = 0;
  const roles = rolesOf(concepts);
  let thirdParty = false;
  const elsewhere: number[] = [];
  let previous = before;
  let here: SentenceRefs = { china: 0, russia: 0, pair: 0 };
  let sentenceStart = 0;
  for (const end of ends) {
    here = { china: 0, russia: 0, pair: 0 };
    // "Both would rather…", "The two agreed…": a sentence that opens on the pair is about them.
    const sentence = text.slice(sentenceStart, end);
    const pairSubject = PAIR_SUBJECT.test(sentence);
    if (pairSubject) here.pair++;
    const pairAround = blockBoth || ((previous?.china ?? 0) > 0 && (previous?.russia ?? 0) > 0);
    const relationOpens = !pairSubject && pairAround && RELATION_SUBJECT.test(sentence);
    const relationLater = !pairSubject && pairAround && !relationOpens && RELATION_LATER.test(sentence);
    const from = sentenceStart;
    sentenceStart = end;
    const occurrences: Occurrence[] = [];
    for (; r < refs.length && (refs[r] as RefHit).start < end; r++) {
      const ref = refs[r] as RefHit;
      if (ref.flags & REF_CHINA) {
        here.china++;
        occurrences.push({ concept: CHINA, start: ref.start, end: ref.end });
      }
      if (ref.flags & REF_RUSSIA) {
        here.russia++;
        occurrences.push({ concept: RUSSIA, start: ref.start, end: ref.end });
      }
      if (ref.flags & REF_PAIR) {
        here.pair++;
        occurrences.push({ concept: PAIR, start: ref.start, end: ref.end });
      }
    }
    let lexicon = false;
    let role = 0;
    let opensOnThird = false;
    const lead = from + (SUBJECT_LEAD.exec(sentence) as RegExpExecArray)[0].length;
    for (; h < hits.length && (hits[h] as ConceptHit).start < end; h++) {
      const hit = hits[h] as ConceptHit;
      role |= roles[hit.entry] as number;
      if (hit.start === lead && (roles[hit.entry] as number) & THIRD) opensOnThird = true;
      for (const concept of (concepts.terms[hit.entry] as CompiledConcepts['terms'][number]).concepts) {
        occurrences.push({ concept, start: hit.start, end: hit.end });
        lexicon = true;
      }
    }
    // "The relationship…" speaks of the pair only when nobody else is named in the sentence: "India and the US said
    // their ties were pragmatic" is about them, in a paragraph about China and Russia too.
    if ((relationOpens || (relationLater && !namesSomeoneElse(sentence, from, occurrences))) && !(role & THIRD))
      here.pair++;
    const named = here.china + here.russia + here.pair > 0;
    // A third party named without being quoted is what the sentence is about ("The US has no formal alliance
    // with Taiwan"); one that speaks is a source ("NATO said it could not confirm any lethal aid").
    if (role === THIRD && !named) thirdParty = true;
    // A sentence whose subject is a third party and that names neither side is about them ("Japan and the United
    // States staged their own air drill"), wherever in the paragraph the two are named.
    if (opensOnThird && !(role & SPEECH) && !named) elsewhere.push(from, end);
    if (lexicon && named) {
      const pair = aboutThePair(here, previous) || blockBoth;
      const about = {
        pair,
        // The pair named as the subject stands for each side too ("Both want normal ties with the West").
        china: here.china > 0 || (pairSubject && pair),
        russia: here.russia > 0 || (pairSubject && pair),
      };
      occurrences.sort((a, b) => a.start - b.start);
      matchSentence(concepts, occurrences, about, matches);
    }
    previous = here;
  }
  return { matches, last: here, thirdParty, elsewhere };
}

const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}\p{N}.-]*/gu;
const SENTENCE_LEAD = /^[\s"“‘'(]*/u;
/** The lead of a sentence before its subject: quotes, brackets, spaces and "The". */
const SUBJECT_LEAD = /^[\s"“‘'(]*(?:The\s+)?/u;

/**
 * Whether the sentence names someone besides China and Russia: a capitalised word after its first that no China or
 * Russia reference covers ("Renault and Nissan said their partnership…", "In Manila, … the relationship").
 */
function namesSomeoneElse(sentence: string, from: number, occurrences: readonly Occurrence[]): boolean {
  const firstWord = (SENTENCE_LEAD.exec(sentence) as RegExpExecArray)[0].length;
  for (const word of sentence.matchAll(CAPITALISED)) {
    if (word.index === firstWord) continue;
    const at = from + word.index;
    const covered = occurrences.some(
      (o) => (o.concept === CHINA || o.concept === RUSSIA || o.concept === PAIR) && o.start <= at && at < o.end,
    );
    if (!covered) return true;
  }
  return false;
}

function matchSentence(
  concepts: CompiledConcepts,
  occurrences: readonly Occurrence[],
  about: About,
  out: ConceptMatch[],
): void {
  const present = new Set(occurrences.map((o) => o.concept));
  const findings = new Map<string, [number, number][]>();
  concepts.combinations.forEach((combination, index) => {
    const marked = findings.get(combination.finding) ?? [];
    if (marked.length >= MARKS_PER_SENTENCE || !about[combination.about]) return;
    if (!combination.all.every((slot) => slot.some((c) => present.has(c)))) return;
    if (combination.none.some((c) => present.has(c))) return;
    for (let k = 1; k < combination.order.length; k++) {
      const first = occurrences.find((o) => o.concept === combination.order[k - 1]);
      const last = occurrences.findLast((o) => o.concept === combination.order[k]);
      if (!first || !last || first.start >= last.start) return;
    }
    const lexiconSlots = combination.all.filter((slot) => slot.some((c) => c >= FIRST_LEXICON));
    const slots = lexiconSlots.length > 0 ? lexiconSlots : combination.all;
    const ids = combination.all.flatMap((slot) =>
      slot.filter((c) => present.has(c)).map((c) => concepts.ids[c] as string),
    );
    // The shortest span, then the shortest one in the words left over: one combination may hold in two clauses
    // ("the positive relationship between China and France, since Macron's state visit to China").
    let words = occurrences;
    while ((findings.get(combination.finding)?.length ?? 0) < MARKS_PER_SENTENCE) {
      const span = shortestSpan(words, slots);
      if (!span || span[1] - span[0] > MAX_SPAN) return;
      const kept = findings.get(combination.finding) ?? [];
      if (kept.some(([start, end]) => start < span[1] && end > span[0])) return;
      findings.set(combination.finding, [...kept, span]);
      out.push({ combination: index, start: span[0], end: span[1], concepts: [...new Set(ids)] });
      words = words.filter((o) => o.end <= span[0] || o.start >= span[1]);
    }
  });
}

/** The shortest [start, end) holding one occurrence of a concept of every slot. */
function shortestSpan(occurrences: readonly Occurrence[], slots: readonly number[][]): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (let i = 0; i < occurrences.length; i++) {
    const anchor = occurrences[i] as Occurrence;
    if (!slots.some((slot) => slot.includes(anchor.concept))) continue;
    // Every slot's nearest occurrence at or after the anchor.
    let end = anchor.end;
    let complete = true;
    for (const slot of slots) {
      if (slot.includes(anchor.concept)) continue;
      const next = occurrences.find((o, j) => j >= i && o.start >= anchor.start && slot.includes(o.concept));
      if (!next) {
        complete = false;
        break;
      }
      end = Math.max(end, next.end);
    }
    if (complete && (!best || end - anchor.start < best[1] - best[0])) best = [anchor.start, end];
  }
  return best;
}

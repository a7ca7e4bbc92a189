/**
 * A page session: the engine's state for one page, fed block by block (see engine.ts for the API and example).
 * Keeps the page-level decisions — the topic gate (gate.ts) and the clutter rule (clutter.ts) — so incremental
 * updates give the same marks as one full scan of the same blocks in the same order.
 */
import { chooseWithinBudget, ClutterGuard, DensityBudget } from './clutter';
import type { CompiledTrigger } from './compile';
import {
  matchCombinations,
  sentenceEndsBetween,
  type CompiledConcepts,
  type ConceptHit,
  type RefHit,
  type SentenceRefs,
} from './concepts';
import { joinedRuns, runEnd, runFindings, runLead, type JoinableMark } from './join';
import { normalizePhrase } from './normalize';
import { isOnTopic, type TopicCounts } from './gate';
import type { Ranker } from './rank';
import { sentenceAround } from './rank';
import { REF_CHINA, REF_PAIR, REF_RUSSIA, spot, type SpotSink, type Trie } from './trie';
import type { BlockMention, BlockRole, TextSegment } from './types';

interface Candidate {
  /** A phrase trigger's index, or -1 for a combination of concepts. */
  trigger: number;
  /** For a combination: its index in the pack's concepts, and the concepts that made it. */
  combination?: number;
  concepts?: string[];
  /** Findings of combinations that held on this mark's words but gave way to it (see addCombination). */
  alsoFound?: string[];
  start: number;
  end: number;
  /** Not yet decided: waiting for the page to turn out on topic. */
  pending: boolean;
  /** The normalised phrase it was kept under by the clutter rule, once kept. */
  kept?: string;
  /** On the first candidate of a shown mark: the findings the clutter rule counted it under. */
  counted?: string[];
}

interface BlockState {
  /** The block's text while candidates wait for the topic gate; dropped once all are decided (memory). */
  text: string | undefined;
  role: BlockRole;
  /** References of its last sentence (the "sentence before" of the next prose block's first one). */
  lastRefs: SentenceRefs | undefined;
  china: number;
  russia: number;
  /** Sentences of it that name China / Russia (gate.ts: a side named only in one sentence is named in passing). */
  chinaSentences: number;
  russiaSentences: number;
  /** References back to the pair ("the two countries"): only for the `near` check, never for the topic gate. */
  pair: number;
  /** Whether a sentence of it that names neither side is about a third party (the US, Japan…: see concepts.ts). */
  thirdParty: boolean;
  /** Sentences of it about a third party and neither side ([start, end) pairs, flat): `near` marks skip them. */
  elsewhere: number[] | undefined;
  /** Phrase triggers of context `any` spotted in it, and of context `topic` when it names both (gate.ts `relation`). */
  relation: number;
  candidates: Candidate[];
}

export interface EngineParts {
  trie: Trie;
  /** The phrase triggers; automaton entries from `triggers.length` on are concept terms (concepts.ts). */
  triggers: readonly CompiledTrigger[];
  concepts: CompiledConcepts | undefined;
  ranker: Ranker;
}

/** One block's text: its segments' texts concatenated. */
export interface BlockText {
  block: number;
  text: string;
  /** Absent = prose. */
  role?: BlockRole;
}

/**
 * The candidates of every block that has none (most blocks): one shared empty array, replaced by a block's own on
 * its first candidate (addCandidate), so a page of 77k blocks does not keep 77k empty arrays alive — what survives
 * a slice is what its garbage collections copy (npm run bench at 5 MB). Never pushed to.
 */
const NO_CANDIDATES: Candidate[] = [];

const newState = (text: string | undefined, role: BlockRole): BlockState => ({
  text,
  role,
  lastRefs: undefined,
  china: 0,
  russia: 0,
  chinaSentences: 0,
  russiaSentences: 0,
  pair: 0,
  thirdParty: false,
  elsewhere: undefined,
  relation: 0,
  candidates: NO_CANDIDATES,
});

function addCandidate(state: BlockState, candidate: Candidate): void {
  if (state.candidates === NO_CANDIDATES) state.candidates = [candidate];
  else state.candidates.push(candidate);
}
/** How far back (in block numbers) the previous prose block is looked for. */
const MAX_LOOK_BACK = 64;

export class PageSession implements SpotSink {
  private readonly blocks = new Map<number, BlockState>();
  private readonly clutter = new ClutterGuard((block) => this.blocks.get(block)?.role === 'prose');
  private readonly density = new DensityBudget();
  private readonly counts: TopicCounts = {
    china: 0,
    russia: 0,
    chinaSentences: 0,
    russiaSentences: 0,
    bothBlocks: 0,
    relation: 0,
  };
  private topic = false;
  /** Blocks holding candidates that wait for the topic gate. */
  private readonly waiting = new Set<number>();
  /** The block being spotted (see trigger/ref). */
  private current: BlockState = newState(undefined, 'prose');
  /** Concept terms and references of the block being spotted (reused arrays). */
  private readonly conceptHits: ConceptHit[] = [];
  private readonly refHits: RefHit[] = [];
  private readonly combinationTriggers: CompiledTrigger[] = [];
  /** End of the last China / Russia reference in the block being spotted (-1: none yet). */
  private lastChina = -1;
  private lastRussia = -1;
  /** Phrase triggers of context `topic` in the block being spotted (see add). */
  private topicPhrases = 0;

  constructor(private readonly parts: EngineParts) {}

  /** Whether the page has been found to be about China–Russia relations (never turns off again). */
  get onTopic(): boolean {
    return this.topic;
  }

  /**
   * Scans new or changed blocks. `segments` are grouped by their `block` number (segments of one block are
   * joined in the order given); a block number seen before replaces that block's text and its earlier mentions
   * (the caller drops the marks it holds for that block). Returns the mentions to add, in document order:
   * those of these blocks, plus — when this update turned the page on topic — the waiting ones of earlier blocks.
   * Offsets are into the block's own text (its segments' texts concatenated).
   */
  update(segments: readonly TextSegment[]): BlockMention[] {
    // Segments of a block are normally contiguous: join runs without a map; a block seen twice is appended to.
    const blocks: BlockText[] = [];
    const index = new Map<number, number>();
    for (let k = 0; k < segments.length;) {
      const block = (segments[k] as TextSegment).block;
      const role = (segments[k] as TextSegment).role;
      let text = (segments[k] as TextSegment).text;
      for (k++; k < segments.length && (segments[k] as TextSegment).block === block; k++) {
        text += (segments[k] as TextSegment).text;
      }
      const seen = index.get(block);
      if (seen === undefined) {
        index.set(block, blocks.length);
        blocks.push(role === undefined ? { block, text } : { block, text, role });
      } else {
        (blocks[seen] as BlockText).text += text;
      }
    }
    return this.updateBlocks(blocks);
  }

  /** `update` with each block's text already joined (one entry per block number). */
  updateBlocks(blocks: readonly BlockText[]): BlockMention[] {
    for (const { block, text, role } of blocks) {
      this.remove(block);
      this.add(block, text, role ?? 'prose');
    }
    const turnedOn = !this.topic && isOnTopic(this.counts);
    if (turnedOn) this.topic = true;
    const toDecide = blocks.map(({ block }) => block);
    if (turnedOn) for (const block of this.waiting) if (!toDecide.includes(block)) toDecide.push(block);
    // Headings are decided after the body they head: a headline is marked only for a finding no paragraph carries.
    const heading = (block: number) => (this.blocks.get(block)?.role === 'heading' ? 1 : 0);
    toDecide.sort((a, b) => heading(a) - heading(b) || a - b);
    const runs: ShownRun[] = [];
    for (const block of toDecide) this.decide(block, runs);
    const out = this.withinDensity(runs).map((run) => this.runMention(run));
    for (const block of toDecide) this.dropUnkept(block);
    return out.length > 1 ? out.sort((a, b) => a.block - b.block || a.start - b.start) : out;
  }

  /** Forgets a block that left the page (its marks no longer count against the clutter rule). */
  remove(block: number): void {
    const state = this.blocks.get(block);
    if (!state) return;
    if (state.role === 'prose') {
      this.counts.china -= state.china;
      this.counts.russia -= state.russia;
      this.counts.chinaSentences -= state.chinaSentences;
      this.counts.russiaSentences -= state.russiaSentences;
      this.counts.relation -= state.relation;
      if (state.china > 0 && state.russia > 0) this.counts.bothBlocks -= 1;
    }
    for (const candidate of state.candidates) {
      if (candidate.kept) this.clutter.releasePhrase(candidate.kept, block);
      if (candidate.counted) this.clutter.releaseMark(candidate.counted, block);
    }
    this.density.forget(block);
    this.blocks.delete(block);
    this.waiting.delete(block);
  }

  private add(block: number, text: string, role: BlockRole): void {
    const state = newState(text, role);
    this.current = state;
    this.conceptHits.length = 0;
    this.refHits.length = 0;
    this.lastChina = -1;
    this.lastRussia = -1;
    this.topicPhrases = 0;
    const words = spot(this.parts.trie, text, 0, text.length, this);
    // A phrase of the relation counts for the gate where its paragraph names both sides ("the BRICS summit" in a
    // paragraph on China and Russia; not "Russia and Iran signed a comprehensive strategic partnership").
    if (state.china > 0 && state.russia > 0) state.relation += this.topicPhrases;
    // Furniture (captions, labels, link lists) is never marked and, like headings, never opens the gate.
    if (role === 'furniture') state.candidates = NO_CANDIDATES;
    else this.density.setWords(block, words);
    if (role === 'prose') {
      this.counts.china += state.china;
      this.counts.russia += state.russia;
      this.counts.chinaSentences += state.chinaSentences;
      this.counts.russiaSentences += state.russiaSentences;
      this.counts.relation += state.relation;
      if (state.china > 0 && state.russia > 0) this.counts.bothBlocks += 1;
    }
    const concepts = this.parts.concepts;
    if (concepts && role !== 'furniture' && (this.conceptHits.length > 0 || role === 'prose')) {
      const before = role === 'prose' ? this.proseBefore(block)?.lastRefs : undefined;
      const { matches, last, thirdParty, elsewhere } = matchCombinations(
        concepts,
        text,
        this.conceptHits,
        this.refHits,
        before,
      );
      if (elsewhere.length > 0) state.elsewhere = elsewhere;
      state.lastRefs = last;
      state.thirdParty = thirdParty;
      // Where two combinations overlap, the tighter one is the better mark.
      if (matches.length > 1) matches.sort((a, b) => a.end - a.start - (b.end - b.start));
      for (const match of matches)
        this.addCombination(state, match.combination, match.start, match.end, match.concepts);
      if (matches.length > 0) state.candidates.sort((a, b) => a.start - b.start);
    }
    this.blocks.set(block, state);
  }

  /** A combination's mark, unless a phrase trigger already marks text it overlaps (the phrase is the better mark). */
  private addCombination(state: BlockState, combination: number, start: number, end: number, concepts: string[]): void {
    const other = state.candidates.find((c) => c.start < end && c.end > start);
    if (other) {
      // The same words say something for another finding too ("lifeline" said of Russia's dependence): the mark
      // that stays ranks that finding right after its own.
      const finding = this.parts.concepts?.combinations[combination]?.finding;
      const own = this.triggerOf(other);
      if (finding && finding !== own.finding && !own.also.includes(finding) && !other.alsoFound?.includes(finding))
        other.alsoFound = [...(other.alsoFound ?? []), finding];
      return;
    }
    addCandidate(state, { trigger: -1, combination, concepts, start, end, pending: true });
  }

  /** The nearest prose block before `block` that the session holds. */
  private proseBefore(block: number): BlockState | undefined {
    const b = this.proseBlockBefore(block);
    return b === undefined ? undefined : this.blocks.get(b);
  }

  /** The number of the nearest prose block before `block` that the session holds. */
  private proseBlockBefore(block: number): number | undefined {
    for (let b = block - 1; b >= 0 && b >= block - MAX_LOOK_BACK; b--) {
      if (this.blocks.get(b)?.role === 'prose') return b;
    }
    return undefined;
  }

  /** SpotSink, for the block being added (one sink for the whole session: nothing allocated per block). */
  trigger(trigger: number, start: number, end: number): void {
    if (trigger >= this.parts.triggers.length)
      this.conceptHits.push({ entry: trigger - this.parts.triggers.length, start, end });
    else {
      addCandidate(this.current, { trigger, start, end, pending: true });
      const context = (this.parts.triggers[trigger] as CompiledTrigger).context;
      if (context === 'any') this.current.relation++;
      else if (context === 'topic') this.topicPhrases++;
    }
  }

  /** SpotSink, for the block being added. */
  ref(flags: number, start: number, end: number): void {
    const state = this.current;
    if (flags & REF_CHINA) {
      state.china++;
      if (this.lastChina < 0 || sentenceEndsBetween(state.text ?? '', this.lastChina, start)) state.chinaSentences++;
      this.lastChina = end;
    }
    if (flags & REF_RUSSIA) {
      state.russia++;
      if (this.lastRussia < 0 || sentenceEndsBetween(state.text ?? '', this.lastRussia, start)) state.russiaSentences++;
      this.lastRussia = end;
    }
    if (flags & REF_PAIR) state.pair++;
    if (this.parts.concepts) this.refHits.push({ flags, start, end });
  }

  /**
   * The sense check of `near` triggers: the mention's block refers to China, Russia or the pair ("the two
   * countries"), and China and Russia are both named in it or in the two prose blocks before (a story names one
   * side for a paragraph or two after naming both; the pair stands in for one of them, not for both). A block
   * that names neither carries on from the block before when that one names both ("The drills run until
   * Friday.") — unless it is about a third party: "The US has no formal alliance with Taiwan" after a
   * China–Russia paragraph is about the US (a third party that is quoted, "NATO said…", is only a source).
   */
  private bothNear(block: number): boolean {
    const here = this.blocks.get(block);
    if (!here) return false;
    if (here.china + here.russia + here.pair > 0) return this.namesBothNear(block, here);
    if (here.thirdParty) return false;
    const before = this.proseBefore(block);
    return (before?.china ?? 0) > 0 && (before?.russia ?? 0) > 0;
  }

  /** bothNear for a block that names China, Russia or the pair itself. */
  private namesBothNear(block: number, here: BlockState): boolean {
    const b1 = this.proseBlockBefore(block);
    const before = b1 === undefined ? undefined : this.blocks.get(b1);
    const b2 = b1 === undefined ? undefined : this.proseBlockBefore(b1);
    const earlier = b2 === undefined ? undefined : this.blocks.get(b2);
    const china = here.china + (before?.china ?? 0) + (earlier?.china ?? 0);
    const russia = here.russia + (before?.russia ?? 0) + (earlier?.russia ?? 0);
    const pair = here.pair + (before?.pair ?? 0); // "the two countries" stands for either, next to a name
    return china + russia > 0 && china + pair > 0 && russia + pair > 0;
  }

  /**
   * A mention whose `findings` are ranked on first read (an enumerable, memoised getter: JSON, structured clone
   * and equality see a plain array). A page with many marks pays for ranking only where a card is opened.
   */
  private mention(
    block: number,
    candidate: Candidate,
    trigger: CompiledTrigger,
    joined: JoinedFindings,
    text: string,
    sentence: string,
  ): BlockMention {
    const ranker = this.parts.ranker;
    let findings: string[] | undefined;
    const concepts = candidate.concepts;
    // A combination's concepts join the ranking query (their labels are the words the pack author chose).
    const query = concepts ? `${sentence} ${concepts.join(' ')}` : sentence;
    const mention: BlockMention = {
      block,
      start: candidate.start,
      end: candidate.end,
      text,
      trigger: trigger.phrase,
      get findings() {
        findings ??= withFound(ranker.rank(trigger, text, query), trigger, joined, candidate.alsoFound);
        return findings;
      },
    };
    if (concepts) mention.concepts = concepts;
    return mention;
  }

  /** The trigger a candidate stands for: a phrase trigger, or its combination as one (context `topic`). */
  private triggerOf(candidate: Candidate): CompiledTrigger {
    if (candidate.combination === undefined) return this.parts.triggers[candidate.trigger] as CompiledTrigger;
    let trigger = this.combinationTriggers[candidate.combination];
    if (!trigger) {
      const combination = this.parts.concepts?.combinations[candidate.combination];
      trigger = {
        phrase: combination?.name ?? '',
        finding: combination?.finding ?? '',
        also: [],
        context: 'topic',
        patterns: [],
      };
      this.combinationTriggers[candidate.combination] = trigger;
    }
    return trigger;
  }

  /** Decides the pending candidates of one block: gate, sense check, clutter; adds its runs to be shown to `out`. */
  private decide(block: number, out: ShownRun[]): void {
    const state = this.blocks.get(block);
    if (!state || state.text === undefined) return;
    if (state.candidates.length === 0) {
      // Most blocks: nothing to decide, nothing allocated for them.
      this.waiting.delete(block);
      state.text = undefined;
      return;
    }
    const blockText = state.text;
    let stillWaiting = false;
    const kept: KeptMark[] = [];
    for (const candidate of state.candidates) {
      if (!candidate.pending) continue;
      const trigger = this.triggerOf(candidate);
      if (trigger.context !== 'any' && !this.topic) {
        stillWaiting = true;
        continue;
      }
      candidate.pending = false;
      if (trigger.context === 'near' && (!this.bothNear(block) || inSentenceAbout(state.elsewhere, candidate)))
        continue;
      if (state.role === 'heading' && this.clutter.inProse(trigger.finding)) continue;
      const text = blockText.slice(candidate.start, candidate.end);
      const phrase = normalizePhrase(text);
      const coinage = trigger.context === 'any' && candidate.combination === undefined;
      const mark = {
        start: candidate.start,
        end: candidate.end,
        finding: trigger.finding,
        coinage,
        candidate,
        trigger,
      };
      // A phrase said again nearby adds no mark of its own, but may lengthen one of its clause (join.ts).
      if (!this.clutter.admitPhrase(phrase, block)) {
        kept.push({ ...mark, repeat: true });
        continue;
      }
      candidate.kept = phrase;
      kept.push(mark);
    }
    // Shown in runs (join.ts); the clutter rule counts each run as one mark of each of its findings.
    for (const run of joinedRuns(blockText, kept)) {
      if (run.every((k) => k.repeat)) continue;
      const lead = runLead(blockText, run);
      const findings = runFindings(blockText, run, lead);
      if (this.clutter.admitMark(findings, block)) {
        (run[0] as KeptMark).candidate.counted = findings;
        out.push({ block, blockText, run, lead, findings });
      } else this.releaseRun(block, run);
    }
    if (stillWaiting) {
      this.waiting.add(block);
    } else {
      // Nothing left to decide here: keep only what the clutter rule must release if the block changes.
      this.waiting.delete(block);
      state.text = undefined;
    }
  }

  /** The mention of a run to be shown: one mark for all of its marks, led by its lead's trigger. */
  private runMention({ block, blockText, run, lead, findings }: ShownRun): BlockMention {
    const { candidate } = run[0] as KeptMark;
    const end = runEnd(run);
    const concepts = [...new Set(run.flatMap((k) => k.candidate.concepts ?? []))];
    const alsoFound = alsoFoundOf(run);
    const joined = {
      ...candidate,
      end,
      ...(concepts.length > 0 ? { concepts } : {}),
      ...(alsoFound ? { alsoFound } : {}),
    };
    const text = blockText.slice(candidate.start, end);
    const sentence = sentenceAround(blockText, candidate.start, end);
    // The other marks' own findings, and their triggers' other ones: what each would have shown alone.
    const others = { own: findings.slice(1), also: othersAlso(run, lead) };
    return this.mention(block, joined, lead.trigger, others, text, sentence);
  }

  /**
   * The runs of an update the density rule lets through (clutter.ts DensityBudget, chooseWithinBudget), in the
   * order given; the others are released.
   */
  private withinDensity(runs: ShownRun[]): ShownRun[] {
    const allowance = runs.length === 0 ? 0 : this.density.allowance();
    let shown = runs;
    if (runs.length > allowance) {
      const options = runs.map(({ block, blockText, run, lead, findings }) => ({
        // What the card of the joined mark shows before the ranking's own (withFound), the trigger's other
        // findings in the pack's order rather than the ranking's.
        findings: shownFirst(findings, lead.trigger.also, othersAlso(run, lead), alsoFoundOf(run)),
        block,
        text: blockText,
        start: (run[0] as KeptMark).start,
        end: runEnd(run),
        shownElsewhere: (finding: string) => this.clutter.markedElsewhere(finding, block),
      }));
      const keep = new Set(chooseWithinBudget(options, allowance));
      shown = runs.filter((run, k) => {
        if (keep.has(k)) return true;
        this.clutter.releaseMark(run.findings, run.block);
        (run.run[0] as KeptMark).candidate.counted = undefined;
        this.releaseRun(run.block, run.run);
        return false;
      });
    }
    for (const { block } of shown) this.density.addMarks(block, 1);
    return shown;
  }

  /** A decided block keeps only the candidates the clutter rule must release if the block changes (memory). */
  private dropUnkept(block: number): void {
    const state = this.blocks.get(block);
    if (state && state.text === undefined && state.candidates.length > 0) {
      const left = state.candidates.filter((c) => c.kept !== undefined || c.counted !== undefined);
      state.candidates = left.length > 0 ? left : NO_CANDIDATES;
    }
  }

  /** Forgets the phrases of a run that is not shown (the clutter rule lets a later mention of them through). */
  private releaseRun(block: number, run: readonly KeptMark[]): void {
    for (const k of run) {
      if (k.candidate.kept === undefined) continue;
      this.clutter.releasePhrase(k.candidate.kept, block);
      k.candidate.kept = undefined;
    }
  }
}

/** Whether a candidate lies in a sentence about a third party (BlockState.elsewhere). */
function inSentenceAbout(elsewhere: readonly number[] | undefined, candidate: Candidate): boolean {
  if (!elsewhere) return false;
  for (let k = 0; k < elsewhere.length; k += 2)
    if (candidate.start >= (elsewhere[k] as number) && candidate.end <= (elsewhere[k + 1] as number)) return true;
  return false;
}

/** A candidate kept for a block's marks (decide), as join.ts sees it. */
type KeptMark = JoinableMark & { candidate: Candidate; trigger: CompiledTrigger };

/** A run of kept marks to be shown as one mark (decide), with what its mention needs. */
interface ShownRun {
  block: number;
  blockText: string;
  run: KeptMark[];
  lead: KeptMark;
  findings: string[];
}

/** The findings of the marks joined into a mention after its lead: their own, and their triggers' `also`. */
interface JoinedFindings {
  own: readonly string[];
  also: readonly string[];
}

/**
 * What a joined mark's card shows before the rest of the ranking: its marks' own findings (the lead's first), the
 * lead trigger's other findings, the other triggers' other findings, those of combinations on the same words.
 */
function shownFirst(
  own: readonly string[],
  leadAlso: readonly string[],
  othersAlso: readonly string[],
  found: readonly string[] | undefined,
): string[] {
  return [...new Set([...own, ...leadAlso, ...othersAlso, ...(found ?? [])])];
}

/** The other findings of a run's triggers but its lead's (what each would have shown alone). */
const othersAlso = (run: readonly KeptMark[], lead: KeptMark): string[] =>
  run.flatMap((k) => (k === lead ? [] : k.trigger.also));

/** The findings of combinations that held on a run's words. */
function alsoFoundOf(run: readonly KeptMark[]): string[] | undefined {
  const found = [...new Set(run.flatMap((k) => k.candidate.alsoFound ?? []))];
  return found.length > 0 ? found : undefined;
}

/**
 * A mention's ranking with what the marks joined into it say (the reader hovers one mark for all of them): the
 * trigger's own finding, the joined marks' own findings, the trigger's other findings, the joined triggers' other
 * findings, those of combinations that held on the same words, then the rest of the ranking.
 */
function withFound(
  ranked: string[],
  trigger: CompiledTrigger,
  joined: JoinedFindings,
  found: readonly string[] | undefined,
): string[] {
  if (joined.own.length === 0 && joined.also.length === 0 && !found) return ranked;
  const own = 1 + trigger.also.length;
  const first = shownFirst([trigger.finding, ...joined.own], ranked.slice(1, own), joined.also, found);
  const merged = [...new Set([...first, ...ranked.slice(own)])];
  return merged.slice(0, Math.max(ranked.length, first.length));
}

/**
 * A page session: the engine's state for one page, fed block by block (see engine.ts for the API and example).
 * Keeps the page-level decisions — the topic gate (gate.ts) and the clutter rule (clutter.ts) — so incremental
 * updates give the same marks as one full scan of the same blocks in the same order.
 */
import type { CompiledPack } from '../pack/compile';
import { ClutterGuard } from './clutter';
import type { CompiledTrigger } from './compile';
import { normalizePhrase } from './normalize';
import { isOnTopic, type TopicCounts } from './gate';
import type { Ranker } from './rank';
import { sentenceAround } from './rank';
import { REF_CHINA, REF_PAIR, REF_RUSSIA, spot, type Trie } from './trie';
import type { BlockMention, TextSegment } from './types';

interface Candidate {
  trigger: number;
  start: number;
  end: number;
  /** Not yet decided: waiting for the page to turn out on topic. */
  pending: boolean;
  /** The normalised phrase it was kept under by the clutter rule, once kept. */
  kept?: string;
}

interface BlockState {
  text: string;
  china: number;
  russia: number;
  /** References back to the pair ("the two countries"): only for the `near` check, never for the topic gate. */
  pair: number;
  candidates: Candidate[];
}

export interface EngineParts {
  pack: CompiledPack;
  trie: Trie;
  triggers: readonly CompiledTrigger[];
  ranker: Ranker;
}

export class PageSession {
  private readonly blocks = new Map<number, BlockState>();
  private readonly clutter = new ClutterGuard();
  private readonly counts: TopicCounts = { china: 0, russia: 0, bothBlocks: 0 };
  private topic = false;
  /** Blocks holding candidates that wait for the topic gate. */
  private readonly waiting = new Set<number>();

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
    const texts = new Map<number, string[]>();
    for (const segment of segments) {
      const parts = texts.get(segment.block);
      if (parts) parts.push(segment.text);
      else texts.set(segment.block, [segment.text]);
    }
    for (const [block, parts] of texts) {
      this.remove(block);
      this.add(block, parts.join(''));
    }
    const turnedOn = !this.topic && isOnTopic(this.counts);
    if (turnedOn) this.topic = true;
    const toDecide = new Set(texts.keys());
    if (turnedOn) for (const block of this.waiting) toDecide.add(block);
    const out: BlockMention[] = [];
    for (const block of [...toDecide].sort((a, b) => a - b)) this.decide(block, out);
    return out;
  }

  /** Forgets a block that left the page (its marks no longer count against the clutter rule). */
  remove(block: number): void {
    const state = this.blocks.get(block);
    if (!state) return;
    this.counts.china -= state.china;
    this.counts.russia -= state.russia;
    if (state.china > 0 && state.russia > 0) this.counts.bothBlocks -= 1;
    for (const candidate of state.candidates) if (candidate.kept) this.clutter.release(candidate.kept, block);
    this.blocks.delete(block);
    this.waiting.delete(block);
  }

  private add(block: number, text: string): void {
    const state: BlockState = { text, china: 0, russia: 0, pair: 0, candidates: [] };
    spot(this.parts.trie, text, 0, text.length, {
      trigger: (trigger, start, end) => state.candidates.push({ trigger, start, end, pending: true }),
      ref: (flags) => {
        if (flags & REF_CHINA) state.china++;
        if (flags & REF_RUSSIA) state.russia++;
        if (flags & REF_PAIR) state.pair++;
      },
    });
    this.counts.china += state.china;
    this.counts.russia += state.russia;
    if (state.china > 0 && state.russia > 0) this.counts.bothBlocks += 1;
    this.blocks.set(block, state);
  }

  /**
   * The sense check of `near` triggers: the mention's block refers to China, Russia or the pair ("the two
   * countries"), and China and Russia are both named in it or in the block before.
   */
  private bothNear(block: number): boolean {
    const here = this.blocks.get(block);
    if (!here || here.china + here.russia + here.pair === 0) return false;
    const before = this.blocks.get(block - 1);
    return here.china + (before?.china ?? 0) > 0 && here.russia + (before?.russia ?? 0) > 0;
  }

  /**
   * A mention whose `findings` are ranked on first read (an enumerable, memoised getter: JSON, structured clone
   * and equality see a plain array). A page with many marks pays for ranking only where a card is opened.
   */
  private mention(block: number, blockText: string, candidate: Candidate, trigger: CompiledTrigger, text: string): BlockMention {
    const ranker = this.parts.ranker;
    let findings: string[] | undefined;
    return {
      block,
      start: candidate.start,
      end: candidate.end,
      text,
      trigger: trigger.phrase,
      get findings() {
        findings ??= ranker.rank(trigger, text, sentenceAround(blockText, candidate.start, candidate.end));
        return findings;
      },
    };
  }

  /** Decides the pending candidates of one block: gate, sense check, clutter; emits the kept ones. */
  private decide(block: number, out: BlockMention[]): void {
    const state = this.blocks.get(block);
    if (!state) return;
    let stillWaiting = false;
    for (const candidate of state.candidates) {
      if (!candidate.pending) continue;
      const trigger = this.parts.triggers[candidate.trigger] as CompiledTrigger;
      if (trigger.context !== 'any' && !this.topic) {
        stillWaiting = true;
        continue;
      }
      candidate.pending = false;
      if (trigger.context === 'near' && !this.bothNear(block)) continue;
      const text = state.text.slice(candidate.start, candidate.end);
      const phrase = normalizePhrase(text);
      if (!this.clutter.admit(phrase, block)) continue;
      candidate.kept = phrase;
      out.push(this.mention(block, state.text, candidate, trigger, text));
    }
    if (stillWaiting) this.waiting.add(block);
    else this.waiting.delete(block);
  }
}

/**
 * The matching engine: page text in, mentions out. Pure TypeScript, no DOM.
 *
 * Usage:
 *
 *   // An engine is made of a compiled matcher (compile.ts) and a ranking of findings (rank.ts); for the bundled
 *   // pack, src/pack/ranking.ts packEngineSource(PACK) gives both (the ranking over the pack's fuse.js index).
 *   const source = { matcher, ranker };
 *   const engine = createCompiledEngine(source, COMPILED_AUTOMATON); // the content script: loads the automaton
 *                                                  // compiled at build time (src/pack/automaton.ts), builds nothing
 *   const engine = createEngine(source);          // tests and tools: builds the automaton (tens of ms)
 *   // or, in a page, without a long task: built in slices of `budgetMs`, yielding with your scheduler
 *   const engine = await createEngineSliced(source, { yieldToMain, budgetMs: 12, signal });
 *
 *   // Whole page at once (scan command, tests): offsets into joinSegments(segments).text
 *   const mentions = engine.scan(segments);
 *
 *   // Content script: one session per page (a new one after in-app navigation)
 *   const session = engine.createSession();
 *   let marks = session.update(initialSegments);  // BlockMention[]: offsets into each block's own text
 *   // later, for blocks that were added or whose text changed (one call per batch of mutations):
 *   //   first drop the marks you hold for the changed block numbers, then
 *   marks = marks.concat(session.update(changedSegments));
 *   // a block that left the page:
 *   session.remove(blockNumber);
 *
 * `update` returns only mentions to add. When an update makes the page "about China–Russia relations" (the topic
 * gate, gate.ts), the waiting mentions of earlier blocks come with it. Marks are never withdrawn by later text:
 * the gate only turns on, and the clutter rule (clutter.ts) only looks at marks already made. Block numbers must
 * be integers in document order (as src/dom/extract.ts assigns them); the block before `b` is `b - 1`.
 */
import type { CompiledMatcher, CompiledTrigger } from './compile';
import { BLOCK_SEPARATOR } from './join';
import type { Ranker } from './rank';
import { PageSession, type BlockText, type EngineParts } from './session';
import { loadAutomaton, type SerializedAutomaton } from './automaton-format';
import { buildTrie, buildTrieSteps, type Trie } from './trie';
import type { Mention, TextSegment } from './types';

export interface Engine {
  /** Mentions of a whole page, in document order; offsets into `joinSegments(segments).text`. */
  scan(segments: readonly TextSegment[]): Mention[];
  /** A fresh incremental session for one page. */
  createSession(): PageSession;
}

export type { PageSession };

/** What an engine is made of: the matcher compiled at build time and the ranking of a mention's findings. */
export interface EngineSource {
  matcher: CompiledMatcher;
  ranker: Ranker;
}

/** The matcher the automaton is built from: the phrase triggers, then one entry per concept term group. */
function spotterMatcher(matcher: CompiledMatcher): CompiledMatcher {
  const terms = matcher.concepts?.terms ?? [];
  if (terms.length === 0) return matcher;
  const entries: CompiledTrigger[] = terms.map((term) => ({
    phrase: '',
    finding: '',
    also: [],
    context: 'topic',
    patterns: term.patterns,
  }));
  return { ...matcher, triggers: [...matcher.triggers, ...entries] };
}

/**
 * The automaton an engine for this matcher walks: createEngine builds it here, and the build serialises the same
 * one for createCompiledEngine (scripts/compile-pack.ts) — whatever patterns go in here are what the page gets.
 */
export function buildEngineTrie(matcher: CompiledMatcher): Trie {
  return buildTrie(spotterMatcher(matcher)); // the phrase triggers, then the concept terms (concepts.ts)
}

export function createEngine(source: EngineSource): Engine {
  return engineWith(source, buildEngineTrie(source.matcher));
}

/** The engine over the automaton serialised at build time (one linear load, no construction). */
export function createCompiledEngine(source: EngineSource, automaton: SerializedAutomaton): Engine {
  return engineWith(source, loadAutomaton(automaton));
}

export interface SliceOptions {
  /** Gives the main thread back (e.g. src/dom/scheduler.ts yieldToMain). */
  yieldToMain: () => Promise<void>;
  /** Work per slice, ms. */
  budgetMs?: number;
  /** Stops the build: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** createEngine without a long task: the automaton is built in slices of about `budgetMs`. */
export async function createEngineSliced(source: EngineSource, options: SliceOptions): Promise<Engine> {
  const budget = options.budgetMs ?? 12;
  const steps = buildTrieSteps(spotterMatcher(source.matcher));
  let sliceEnd = performance.now() + budget;
  for (;;) {
    const step = steps.next();
    if (step.done) return engineWith(source, step.value);
    if (performance.now() >= sliceEnd) {
      await options.yieldToMain();
      options.signal?.throwIfAborted();
      sliceEnd = performance.now() + budget;
    }
  }
}

function engineWith({ matcher, ranker }: EngineSource, trie: Trie): Engine {
  const parts: EngineParts = { trie, triggers: matcher.triggers, concepts: matcher.concepts, ranker };
  return {
    createSession: () => new PageSession(parts),
    scan(segments) {
      // Runs of segments with the same block number form a unit, numbered 0, 1, 2… as joinSegments sees them.
      const units: BlockText[] = [];
      const unitStarts: number[] = [];
      let offset = 0;
      for (let k = 0; k < segments.length;) {
        const block = (segments[k] as TextSegment).block;
        const role = (segments[k] as TextSegment).role;
        let text = (segments[k] as TextSegment).text;
        for (k++; k < segments.length && (segments[k] as TextSegment).block === block; k++) {
          text += (segments[k] as TextSegment).text;
        }
        if (units.length > 0) offset += BLOCK_SEPARATOR.length;
        unitStarts.push(offset);
        units.push(role === undefined ? { block: units.length, text } : { block: units.length, text, role });
        offset += text.length;
      }
      const found = new PageSession(parts).updateBlocks(units);
      return found.map((mention) => {
        const base = unitStarts[mention.block] as number;
        const out: Mention = {
          start: base + mention.start,
          end: base + mention.end,
          text: mention.text,
          trigger: mention.trigger,
          get findings() {
            return mention.findings; // ranked on first read (see session.ts)
          },
        };
        if (mention.concepts) out.concepts = mention.concepts;
        return out;
      });
    },
  };
}

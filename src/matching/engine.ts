/**
 * The matching engine: page text in, mentions out. Pure TypeScript, no DOM.
 *
 * Usage:
 *
 *   const engine = createEngine(PACK);            // once per content script / process (builds the trie, ~ms)
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
 * be integers in document order (as src/page/extract.ts assigns them); the block before `b` is `b - 1`.
 */
import type { CompiledPack } from '../pack/compile';
import { BLOCK_SEPARATOR } from './join';
import { createRanker } from './rank';
import { PageSession, type EngineParts } from './session';
import { buildTrie } from './trie';
import type { Mention, TextSegment } from './types';

export interface Engine {
  /** Mentions of a whole page, in document order; offsets into `joinSegments(segments).text`. */
  scan(segments: readonly TextSegment[]): Mention[];
  /** A fresh incremental session for one page. */
  createSession(): PageSession;
}

export type { PageSession };

export function createEngine(pack: CompiledPack): Engine {
  const parts: EngineParts = {
    pack,
    trie: buildTrie(pack.matcher),
    triggers: pack.matcher.triggers,
    ranker: createRanker(pack),
  };
  return {
    createSession: () => new PageSession(parts),
    scan(segments) {
      // Runs of segments with the same block number form a unit, numbered 0, 1, 2… as joinSegments sees them.
      const unitSegments: TextSegment[] = [];
      const unitStarts: number[] = [];
      let offset = 0;
      let unit = -1;
      let previousBlock: number | undefined;
      for (const segment of segments) {
        if (segment.block !== previousBlock) {
          if (unit >= 0) offset += BLOCK_SEPARATOR.length;
          unit += 1;
          unitStarts.push(offset);
          previousBlock = segment.block;
        }
        unitSegments.push({ text: segment.text, block: unit });
        offset += segment.text.length;
      }
      const found = new PageSession(parts).update(unitSegments);
      return found.map((mention) => {
        const base = unitStarts[mention.block] as number;
        return {
          start: base + mention.start,
          end: base + mention.end,
          text: mention.text,
          trigger: mention.trigger,
          get findings() {
            return mention.findings; // ranked on first read (see session.ts)
          },
        };
      });
    },
  };
}

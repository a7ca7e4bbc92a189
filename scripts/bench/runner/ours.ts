/**
 * In-page runner for `ours_ms`: the content script's scanning pipeline, imported from src/ (not a copy) and
 * bundled with esbuild into one script that the benchmark injects into the page. Exposes `window.__benchOurs`.
 *
 * It wires the modules exactly as `Overlay.start()` (src/page/overlay.ts) does — engine, PageText, MarkLayer,
 * MentionIndex, the page stylesheet, highlight registration after the first scan, then the mutation watcher —
 * leaving out only what needs the extension runtime (settings storage, messaging, the card UI), none of which
 * runs while a page is scanned.
 *
 * `run()` is timed from the quick subject check and the engine load (as the content script starts) to the moment the marks are
 * registered in `CSS.highlights`; the benchmark adds the time the browser takes to evaluate this script. The
 * state stays reachable afterwards, so that the heap measurement sees what a living content script keeps.
 */
import { createCompiledEngine } from '../../../src/matching/engine';
import { COMPILED_AUTOMATON } from '../../../src/pack/automaton';
import { PACK } from '../../../src/pack/index';
import { OWN_UI_ATTRIBUTE } from '../../../src/page/extract-rules';
import { HIGHLIGHT_NAME, installHighlightStyle } from '../../../src/page/highlight-style';
import { MentionIndex } from '../../../src/page/hit-test';
import { MarkLayer } from '../../../src/page/marks';
import { watchMutations } from '../../../src/page/mutations';
import { PageText } from '../../../src/page/page-text';
import { compareDocumentOrder } from '../../../src/page/placement';
import { SubjectCheck } from '../../../src/page/subject-check';

export interface OursResult {
  ms: number;
  /** Of `ms`: loading the engine from the compiled automaton (once per page load). */
  engineMs: number;
  /** Marked texts in document order. */
  mentions: string[];
  /** Ranges in the `fact-context-mention` highlight. */
  ranges: number;
}

const kept: unknown[] = [];

/** Our card host, our stylesheet and anything inside them (the contract tag and attribute, as the overlay checks). */
function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element !== null && element.closest(`fact-context-card, [${OWN_UI_ATTRIBUTE}]`) !== null;
}

/** `watch: false` leaves out the mutation watcher (to tell its cost on DOM changes from the marks' own). */
async function run({ watch = true }: { watch?: boolean } = {}): Promise<OursResult> {
  const start = performance.now();
  const abort = new AbortController();
  const signal = abort.signal;
  // As Overlay.start(): the quick subject check over the raw text, in slices, before anything else.
  const check = new SubjectCheck(PACK.matcher);
  if (!(await check.readPage(document.body, signal))) throw new Error('the benchmark page failed the subject check');
  // As the content script: the engine loads the automaton compiled at build time (nothing is built here).
  const engineStart = performance.now();
  const engine = createCompiledEngine(PACK, COMPILED_AUTOMATON);
  const engineMs = performance.now() - engineStart;
  const marks = new MarkLayer();
  const index = new MentionIndex();
  const text = new PageText(
    document.body,
    engine.createSession(),
    {}, // visibility: markup rules, then checkVisibility() for the elements that hold a mention
    {
      added: (placed) => {
        for (const one of placed) {
          marks.add(one);
          index.add(one);
        }
      },
      removed: (placed) => {
        for (const one of placed) {
          marks.remove(one);
          index.remove(one);
        }
      },
    },
    signal,
  );
  await text.scanAll();
  // As the overlay: the page stylesheet goes in after the first scan (inserted before, it would make the scan's
  // first computed-style check restyle the whole page at once), then the highlight is registered.
  const style = marks.size > 0 ? installHighlightStyle(document, 'underline') : undefined;
  marks.attach();
  const ms = performance.now() - start;
  if (watch)
    watchMutations(document.body, {
      signal,
      isOwn: isOwnNode,
      onBatch: async (batch) => {
        await text.rescan(batch.changed, batch.removals, batch.styled);
        marks.attach();
      },
    });
  kept.push(engine, abort, marks, index, style, text);
  const placed = [...text.marks()].sort(compareDocumentOrder);
  return {
    ms,
    engineMs,
    mentions: placed.map((one) => one.mention.text),
    ranges: CSS.highlights.get(HIGHLIGHT_NAME)?.size ?? 0,
  };
}

(window as unknown as { __benchOurs: unknown }).__benchOurs = { run };

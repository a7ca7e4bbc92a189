/**
 * In-page runner for `ours_ms`: the content script's scanning pipeline, imported from src/ (not a copy) and
 * bundled with esbuild into one script that the benchmark injects into the page. Exposes `window.__benchOurs`.
 *
 * It runs what the injected engine runs on a page whose sentinel found the subject (src/content/overlay.ts): the
 * subject check, the engine load, the page stylesheet, then `startPageScan` (src/content/page-scan.ts), the one
 * scan pipeline the content script calls, with the content script's ranking (createRemoteRanking) — leaving out
 * only what needs the extension runtime (settings storage, messages to the background, the card UI), none of which
 * runs while a page is scanned.
 *
 * `run()` is timed from the subject check to the moment the marks are registered in `CSS.highlights`; the
 * benchmark adds the time the browser takes to evaluate this script. The state stays reachable afterwards, so that
 * the heap measurement sees what a living content script keeps.
 */
import { createCompiledEngine } from '../../../src/matching/engine';
import { COMPILED_AUTOMATON } from '../../../src/pack/automaton';
import { ENGINE_DATA } from '../../../src/pack/engine';
import { createRemoteRanking } from '../../../src/messaging/ranking';
import SUBJECT_TERMS from '../../../src/pack/generated/subject-terms.json';
import { DECLARED_MARK_STYLE, HIGHLIGHT_NAME, installHighlightStyle } from '../../../src/dom/highlight-style';
import { startPageScan } from '../../../src/content/page-scan';
import { yieldToMain } from '../../../src/dom/scheduler';
import { compareDocumentOrder } from '../../../src/dom/placement';
import { SubjectCheck } from '../../../src/checks/subject-check';

export interface OursResult {
  ms: number;
  /** Of `ms`: building the engine from the bundled pack (once per page load). */
  engineMs: number;
  /** Marked texts in document order. */
  mentions: string[];
  /** Ranges in the `fact-context-mention` highlight. */
  ranges: number;
}

const kept: unknown[] = [];

/** `watch: false` leaves out the mutation watcher (to tell its cost on DOM changes from the marks' own). */
async function run({ watch = true }: { watch?: boolean } = {}): Promise<OursResult> {
  const start = performance.now();
  const abort = new AbortController();
  const signal = abort.signal;
  // The sentinel's check (the injected engine skips it on its first run: the sentinel passed it before). The
  // sentinel and the engine are scripts of their own, run in tasks of their own: so here too.
  await yieldToMain();
  const check = new SubjectCheck(SUBJECT_TERMS);
  if (!(await check.readPage(document.body, signal))) throw new Error('the benchmark page failed the subject check');
  await yieldToMain();
  // As the overlay: the mark style (the default one is declared in the manifest: the benchmark serves the page
  // with it, `?declared`, and nothing is added here), then the engine (the compiled automaton), then the pipeline.
  const style = installHighlightStyle(document, DECLARED_MARK_STYLE);
  const engineStart = performance.now();
  // The content script's own ranking (overlay.ts): engine.json's table, and the background's fuse.js for a
  // mention's own text, asked only when findings are read — never during a scan. Until session 9 the runner ranked
  // with fuse.js in the page (engineSourceOf): fuse.js in its bundle and a fuse.js index built at every engine load,
  // neither of which the content script has.
  const ranking = createRemoteRanking(ENGINE_DATA, () =>
    Promise.reject(new Error('the benchmark has no background to rank with')),
  );
  const engine = createCompiledEngine(ranking.source, COMPILED_AUTOMATON);
  const engineMs = performance.now() - engineStart;
  const scan = startPageScan(document.body, engine, {}, signal, { watch });
  await scan.firstScan;
  const ms = performance.now() - start;
  kept.push(engine, abort, scan, style);
  const placed = [...scan.placed()].sort(compareDocumentOrder);
  return {
    ms,
    engineMs,
    mentions: placed.map((one) => one.mention.text),
    ranges: CSS.highlights.get(HIGHLIGHT_NAME)?.size ?? 0,
  };
}

(window as unknown as { __benchOurs: unknown }).__benchOurs = { run };

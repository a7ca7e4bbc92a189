/**
 * In-page runner for everything that is not our content script: the floor walk, the alternatives (mark.js,
 * fuse.js), frame and DOM-change probes, popup search and trigger scaling. Bundled with esbuild and injected by
 * the benchmark; exposes `window.__benchTools`.
 */
import Fuse from 'fuse.js';
import Mark from 'mark.js';
import { createCompiledEngine, createEngine } from '../../../src/matching/engine';
import { COMPILED_AUTOMATON } from '../../../src/pack/automaton';
import { compileMatcher } from '../../../src/matching/compile';
import { expandPattern } from '../../../src/matching/patterns';
import { escapeRegExp } from '../../../src/checks/escape-regexp';
import { PACK } from '../../../src/pack/index';
import { createPackRanker, packEngineSource } from '../../../src/pack/ranking';
import { FUSE_KEYS, type SearchDoc } from '../../../src/pack/search-doc';
import { computedStyleHidden, extractSegments } from '../../../src/dom/extract';
import { WATCH_OPTIONS } from '../../../src/dom/mutations';
import { createPopupSearch, searchFindings } from '../../../src/ui/popup/search';
import { seededRandom } from '../random';
import { ADJECTIVES, NOUNS } from '../words';
import { itemAt, median } from '../../lib/lists';

/** The bare walk: a TreeWalker over the text nodes, reading each node's text, nothing else. */
function floor(): { ms: number; chars: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return { ms: performance.now() - start, chars };
}

/**
 * Every trigger pattern of the compiled matcher as one case-insensitive alternation. The pack's pattern syntax
 * (`(a|b)` alternatives, `(a|)` optional words) is already regular; words are joined by any run of the
 * separators the engine treats as one space.
 */
function triggerAlternation(): string {
  const separator = `[\\s\\u00a0'’"“”\\-‐–—/]+`;
  const patterns = [...new Set(PACK.matcher.triggers.flatMap((t) => t.patterns))].sort((a, b) => b.length - a.length);
  // The pattern's own syntax (`(`, `|`, `)`) becomes a regex group; everything between is literal text.
  const literal = (text: string) => escapeRegExp(text).replace(/[\s\-‐–—]+/g, separator);
  const toRegExp = (pattern: string) =>
    pattern
      .trim()
      .split(/([()|])/)
      .map((part) => (part === '(' ? '(?:' : part === ')' || part === '|' ? part : literal(part)))
      .join('')
      // After a group that may be empty (`(the|) deal`), the separator is optional too.
      .replaceAll(`)${separator}`, `)${separator.slice(0, -1)}*`);
  return `\\b(?:${patterns.map(toRegExp).join('|')})\\b`;
}

/**
 * The trigger phrases written out, as a naive fuzzy search would be given them: every phrase, and the written-out
 * forms of each variant pattern (a pattern with more than 100 forms contributes its phrase only).
 */
function triggerForms(): string[] {
  const expand = (pattern: string) => {
    try {
      return expandPattern(pattern, 100);
    } catch {
      return [];
    }
  };
  return [...new Set(PACK.matcher.triggers.flatMap((t) => [t.phrase, ...t.patterns.flatMap(expand)]))];
}

/** mark.js marking the trigger phrases with `markRegExp` and one alternation (wrapping <mark> elements). */
function markjs(): Promise<{ ms: number; count: number }> {
  const regexp = new RegExp(triggerAlternation(), 'gi');
  return new Promise((resolve) => {
    const start = performance.now();
    // mark.js defaults: text node by text node, so a phrase split by an inline tag ("<em>no limits</em>
    // partnership") is missed. `acrossElements: true` finds those but is quadratic (minutes on the 5 MB page).
    new Mark(document.body).markRegExp(regexp, {
      done: (count: number) => resolve({ ms: performance.now() - start, count }),
    });
  });
}

/** fuse.js the obvious way: each sentence of the page searched against the list of trigger phrases. */
function fuseNaive(capMs: number): { ms: number; capped: boolean; sentences: number; searched: number; hits: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
  const sentences = parts.join('').split(/(?<=[.!?])\s+/);
  const fuse = new Fuse(triggerForms(), { includeScore: true, ignoreLocation: true, threshold: 0.3 });
  let hits = 0;
  let searched = 0;
  for (const sentence of sentences) {
    if (performance.now() - start > capMs)
      return { ms: performance.now() - start, capped: true, sentences: sentences.length, searched, hits };
    if (fuse.search(sentence).length > 0) hits += 1;
    searched += 1;
  }
  return { ms: performance.now() - start, capped: false, sentences: sentences.length, searched, hits };
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * The main-thread cost of the next rendered frame: from the start of its requestAnimationFrame callbacks to the
 * first task after it (style, layout and paint of that frame happen in between).
 */
async function frameCost(): Promise<number> {
  await nextFrame();
  const start = performance.now();
  await nextTask();
  return performance.now() - start;
}

/**
 * The page's own frame for our highlight registration, with our stylesheet already in place (`highlight_frame_base_ms`):
 * the highlight our run registered is taken out (and that frame let pass), then the same Highlight — the same
 * ranges — is registered again in one task, and the next frame is timed as `frameCost` times ours.
 */
async function highlightFrameBase(name: string): Promise<number> {
  const highlight = CSS.highlights.get(name);
  if (!highlight) throw new Error(`no ${name} highlight registered to measure the base frame with`);
  CSS.highlights.delete(name);
  await frameCost();
  await frameCost();
  CSS.highlights.set(name, highlight);
  return frameCost();
}

let longTasks: PerformanceEntry[] = [];
let longTaskObserver: PerformanceObserver | undefined;

function startLongTasks(): void {
  longTasks = [];
  longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  longTaskObserver.observe({ type: 'longtask' });
}

async function stopLongTasks(): Promise<{ count: number; max: number }> {
  await nextTask();
  longTasks.push(...(longTaskObserver?.takeRecords() ?? []));
  longTaskObserver?.disconnect();
  return { count: longTasks.length, max: Math.max(0, ...longTasks.map((entry) => entry.duration)) };
}

/**
 * `count` ordinary DOM changes (a small element inserted into an article paragraph, spread over the page), each
 * followed by a microtask checkpoint so that mutation observers on the page run as they would. Returns the mean
 * time of one change, ms; the inserted elements are removed afterwards (untimed).
 */
async function mutations(count: number): Promise<number> {
  const paragraphs = [...document.querySelectorAll('article p')];
  const inserted: Element[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const paragraph = itemAt(paragraphs, Math.floor((i * paragraphs.length) / count));
    const start = performance.now();
    const span = document.createElement('span');
    span.textContent = ' updated';
    paragraph.append(span);
    await Promise.resolve();
    total += performance.now() - start;
    inserted.push(span);
  }
  for (const span of inserted) span.remove();
  await nextTask();
  return total / count;
}

const keptObservers: MutationObserver[] = [];

/**
 * An observer that does nothing, with our watch's options on the page's <body>: what the browser's delivery of
 * mutation records costs a DOM change before any code of ours runs (the part of mutation_ms no callback can save).
 * `minimal`: only childList + subtree, the least any watch for text that arrives later must observe.
 */
function emptyObserver(minimal = false): void {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, minimal ? { childList: true, subtree: true } : WATCH_OPTIONS);
  keptObservers.push(observer);
}

/**
 * Resolves once the page has been idle for a while: past the content script's mutation batch delay (200 ms,
 * src/dom/mutations.ts), then two idle periods in a row (its sliced rescan yields between slices, so one idle
 * callback can fall between two of them).
 */
async function quiet(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let idle = 0; idle < 2;) {
    const deadline = await new Promise<IdleDeadline>((resolve) => requestIdleCallback(resolve, { timeout: 10_000 }));
    idle = deadline.timeRemaining() >= 40 ? idle + 1 : 0;
  }
}

const SEARCH_BUDGET_MS = 15_000;

/** Popup search latency per keystroke: the popup's own search over a pack, typing each query one key at a time. */
function searchLatency(
  which: 'real' | 'synthetic',
  findings: number,
): { median: number; p95: number; max: number; keystrokes: number } {
  const pack = which === 'real' ? PACK : syntheticSearchPack(findings);
  const search = createPopupSearch(pack); // built once, as the popup does when it opens
  const queries = [
    'no limits partnership',
    'sanctions',
    'dual-use chips',
    'axis of convenience',
    'energy security',
    'de-dollarisation',
  ];
  const keystrokes = queries.flatMap((query) => Array.from({ length: query.length }, (_, k) => query.slice(0, k + 1)));
  for (const prefix of keystrokes.slice(0, 10)) searchFindings(search, prefix); // warm-up
  const times: number[] = [];
  const started = performance.now();
  for (const prefix of keystrokes) {
    // Enough keystrokes for a median, without minutes of typing when every search is slow.
    if (times.length >= 20 && performance.now() - started > SEARCH_BUDGET_MS) break;
    const start = performance.now();
    searchFindings(search, prefix);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: median(times),
    p95: itemAt(sorted, Math.floor(sorted.length * 0.95)),
    max: itemAt(sorted, sorted.length - 1),
    keystrokes: times.length,
  };
}

/** The real pack's search documents plus generated ones, up to `count`, with a fresh fuse index over them. */
function syntheticSearchPack(count: number): typeof PACK {
  const r = seededRandom(7);
  const words = () => Array.from({ length: r.int(6, 30) }, () => r.pick([...NOUNS, ...ADJECTIVES])).join(' ');
  const docs: SearchDoc[] = [...PACK.searchDocs];
  for (let i = docs.length; i < count; i++) {
    docs.push({
      id: `synthetic-${i}`,
      title: words().slice(0, 60),
      phrases: [words().slice(0, 30), words().slice(0, 30)],
      keywords: [r.pick(NOUNS), r.pick(ADJECTIVES)],
      summary: words(),
      quotes: [words()],
    });
  }
  return { ...PACK, searchDocs: docs, fuseIndex: Fuse.createIndex(FUSE_KEYS, docs).toJSON() };
}

/**
 * Matcher time vs number of triggers: the real pack's triggers (or the first `count` of them) plus generated three-word phrases
 * (adjective noun noun: words that are on the page, in an order the page never has), compiled with the
 * matcher's own compiler; each engine scans the page's segments. Also returns the mentions found, which must
 * not change with the number of triggers.
 */
const SCALING_REPEAT_CAP_MS = 2_000;

function triggerScaling(counts: number[], runs: number): { triggers: number; ms: number; mentions: number }[] {
  const segments = extractSegments(document.body, { isHidden: computedStyleHidden(window) }).map(({ text, block }) => ({
    text,
    block,
  }));
  const realTriggers = PACK.matcher.triggers.length;
  const out: { triggers: number; ms: number; mentions: number }[] = [];
  // Warm the engine's code up first, so that the first row is not the one that pays for the JIT.
  const warm = createEngine(packEngineSource(PACK));
  for (let i = 0; i < 3; i++) warm.scan(segments);
  for (const count of counts) {
    const r = seededRandom(count);
    const seen = new Set<string>();
    const extra: { phrase: string; context: 'topic'; also: string[] }[] = [];
    while (extra.length < count - realTriggers) {
      const phrase = `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} ${r.pick(NOUNS)}`;
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      extra.push({ phrase, context: 'topic', also: [] });
    }
    const synthetic = compileMatcher({
      concepts: [],
      findings: [{ id: 'synthetic', triggers: extra, combinations: [] }],
    });
    // Fewer triggers than the pack has: the pack's first `count` (then fewer planted mentions are found).
    const real = PACK.matcher.triggers.slice(0, count);
    const matcher = { ...PACK.matcher, triggers: [...real, ...synthetic.triggers] };
    // Ranking is lazy (on a mention's first `findings` read): the scan times are the matcher's alone.
    const engine = createEngine({ matcher, ranker: createPackRanker(PACK) });
    engine.scan(segments); // warm-up
    const warmStart = performance.now();
    let mentions = engine.scan(segments).length; // second warm-up, timed to decide on repeats
    const warmMs = performance.now() - warmStart;
    // A scan slower than the cap is not repeated (the whole benchmark must stay within minutes): one run is the result.
    if (warmMs > SCALING_REPEAT_CAP_MS) {
      out.push({ triggers: matcher.triggers.length, ms: warmMs, mentions });
      continue;
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      mentions = engine.scan(segments).length;
      times.push(performance.now() - start);
    }
    out.push({ triggers: matcher.triggers.length, ms: median(times), mentions });
  }
  return out;
}

/**
 * Where the content script's time goes, on a fresh page: text extraction with and without the computed-style
 * check, building the engine, and one whole-page scan by the engine (no DOM work).
 */
function breakdown(): { extractMs: number; extractNoStyleMs: number; createEngineMs: number; scanMs: number } {
  let start = performance.now();
  const segments = extractSegments(document.body, { isHidden: computedStyleHidden(window) });
  const extractMs = performance.now() - start;
  start = performance.now();
  extractSegments(document.body);
  const extractNoStyleMs = performance.now() - start;
  start = performance.now();
  const engine = createCompiledEngine(packEngineSource(PACK), COMPILED_AUTOMATON); // as the content script: loads, builds nothing
  const createEngineMs = performance.now() - start;
  start = performance.now();
  engine.scan(segments.map(({ text, block }) => ({ text, block })));
  return { extractMs, extractNoStyleMs, createEngineMs, scanMs: performance.now() - start };
}

(window as unknown as { __benchTools: unknown }).__benchTools = {
  breakdown,
  floor,
  markjs,
  fuseNaive,
  frameCost,
  highlightFrameBase,
  startLongTasks,
  stopLongTasks,
  mutations,
  emptyObserver,
  quiet,
  searchLatency,
  triggerScaling,
};

/**
 * In-page runner for `sentinel_ms`: what the sentinel (src/content/sentinel.ts) does on a page as it starts — the
 * subject check over the page's text (src/checks/subject-check.ts) and the live-text watch — from the same modules,
 * bundled with esbuild and injected by the benchmark. Exposes `window.__benchSentinel`. The extension-runtime part
 * of the sentinel (asking the background for the engine, the settings listener) only runs on a page that passes;
 * on the page without the subject it is one `storage.onChanged` listener, added without waiting for anything.
 */
import SUBJECT_TERMS from '../../../src/pack/generated/subject-terms.json';
import { SubjectCheck } from '../../../src/checks/subject-check';

export interface SentinelResult {
  ms: number;
  passed: boolean;
}

const kept: unknown[] = [];

async function run(): Promise<SentinelResult> {
  const start = performance.now();
  const abort = new AbortController();
  const check = new SubjectCheck(SUBJECT_TERMS);
  check.watch(document.body, abort.signal, () => undefined);
  const passed = await check.readPage(document.body, abort.signal);
  kept.push(abort, check); // the watch stays on, as the sentinel's does
  return { ms: performance.now() - start, passed };
}

(window as unknown as { __benchSentinel: unknown }).__benchSentinel = { run };

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '../messaging/protocol';
import SUBJECT_TERMS from '../pack/generated/subject-terms.json';
import { HIGHLIGHT_NAME } from '../dom/highlight-style';
import { Cancelled } from '../dom/scheduler';
import { SubjectCheck } from '../checks/subject-check';
import { TIMELINE_MARKS } from './timeline';

/**
 * The script every http(s) page gets: only the subject check (subject-check.ts) over the page's text, then a watch
 * on text that arrives later. A page that passes asks the background for the engine (`loadEngine`), which injects
 * the real content script (entrypoints/content) when the site is on. Nothing here reads settings, builds a matcher
 * or touches the page's DOM: a page that is not about the subject pays for one walk over its text nodes.
 */
export function startSentinel(ctx: ContentScriptContext): void {
  // Timeline marks (the page's own performance timeline): `npm run bench` reads them to say where the time from
  // DOMContentLoaded to the first marks goes. A mark costs microseconds and holds no page data.
  performance.mark(TIMELINE_MARKS.sentinelStart);
  const done = new AbortController();
  const signal = AbortSignal.any([ctx.signal, done.signal]);
  const check = new SubjectCheck(SUBJECT_TERMS);
  let asking = false;

  // Until the engine answers for the page: nothing is marked here (the popup shows the site switch from settings).
  const stopAnswering = onMessage('getPageState', () => ({ url: location.href, enabled: true, mentions: [] }));
  signal.addEventListener('abort', stopAnswering, { once: true });

  const askForEngine = () => {
    if (asking || signal.aborted) return;
    asking = true;
    sendMessage('loadEngine', undefined)
      .then((loaded) => {
        asking = false;
        // The engine now answers for the page, follows settings and navigation: the sentinel's work is done.
        if (loaded) done.abort();
        // The site is off: the page has been looked at all the same, and has nothing to show.
        else markLookedAt();
      })
      .catch(() => {
        asking = false; // the extension went away (reloaded or removed): ctx invalidates this script
      });
  };
  // The site is off (or the whole extension): ask again when settings change; the background decides.
  const onStorageChange = () => {
    if (check.passed) askForEngine();
  };
  browser.storage.onChanged.addListener(onStorageChange);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorageChange), { once: true });

  // At document_end there is a <body> (a frameset page has none, and no text to mark).
  const root = document.body as HTMLElement | null;
  if (!root) return;
  // Watch from the start: text that arrives while the page's own text is read counts too.
  check.watch(root, signal, askForEngine);
  check
    .readPage(root, signal)
    .then((passed) => {
      performance.mark(TIMELINE_MARKS.subjectChecked);
      if (passed) askForEngine();
      else markLookedAt();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Cancelled)) throw error;
    });
}

/**
 * The page has been looked at, and the engine is not coming (no subject, or the site is off):
 * `CSS.highlights.has('fact-context-mention')` means "scanned" to tools and tests, with or without the engine. An
 * empty highlight paints nothing; the engine's replaces it if it comes later.
 */
function markLookedAt(): void {
  if (!CSS.highlights.has(HIGHLIGHT_NAME)) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight());
}

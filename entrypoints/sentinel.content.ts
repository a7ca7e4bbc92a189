import { startSentinel } from '../src/content/sentinel';
// Declared in the manifest with this script (WXT's cssInjectionMode 'manifest'): the marks' look is in the page
// from document_start, so the engine's marks, when they come, restyle nothing (src/dom/highlight-style.ts).
import '../src/dom/highlight.css';

// Every http(s) page gets this small script only; the engine (entrypoints/content) comes when the page passes.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: false,
  // As soon as the document is parsed (DOMContentLoaded), not at document_idle: Chromium starts idle scripts up to
  // 200 ms after it, and the marks came that much later (npm run bench: sentinel started 253 ms after DCL).
  runAt: 'document_end',
  cssInjectionMode: 'manifest',
  main(ctx) {
    startSentinel(ctx);
  },
});

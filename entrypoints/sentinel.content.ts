import { startSentinel } from '../src/content/sentinel';
// Declared in the manifest with this script (WXT's cssInjectionMode 'manifest'): the marks' look is in the page
// from document_start, so the engine's marks, when they come, restyle nothing (src/dom/highlight-style.ts).
import '../src/dom/highlight.css';

// Every http(s) page gets this small script only; the engine (entrypoints/content) comes when the page passes.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: false,
  cssInjectionMode: 'manifest',
  main(ctx) {
    startSentinel(ctx);
  },
});

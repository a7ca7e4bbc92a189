import { startSentinel } from '../src/content/sentinel';

// Every http(s) page gets this small script only; the engine (entrypoints/content) comes when the page passes.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: false,
  main(ctx) {
    startSentinel(ctx);
  },
});

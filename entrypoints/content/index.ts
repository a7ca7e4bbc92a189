// The card's styles: WXT builds them into content-scripts/content.css and keeps them out of the page
// (cssInjectionMode 'ui'); the card's layer puts them into its shadow root (src/ui/card/layer.tsx).
import '../../src/ui/card/card.css';
import { answerMessages } from '../../src/content/messages';
import { startOverlay } from '../../src/content/overlay';
import { TIMELINE_MARKS } from '../../src/content/timeline';

/**
 * The engine, the overlay and the card: not in the manifest's content scripts. The background injects it
 * (`scripting.executeScript`, src/background/engine-injection.ts) into a page whose sentinel found the subject.
 * `matches` only declares where it may run (WXT turns it into the host permissions that injection needs in Chromium).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    performance.mark(TIMELINE_MARKS.engineStart);
    answerMessages(ctx, await startOverlay(ctx, { subjectKnown: true }));
  },
});

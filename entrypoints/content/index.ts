import { answerMessages } from '../../src/content/messages';
import { startOverlay } from '../../src/content/overlay';
import { TIMELINE_MARKS } from '../../src/content/timeline';

/**
 * The engine and the overlay (the card comes in a bundle of its own when it is first about to open:
 * entrypoints/card.ts): not in the manifest's content scripts. The background injects it
 * (`scripting.executeScript`, src/background/engine-injection.ts) into a page whose sentinel found the subject.
 * `matches` only declares where it may run (WXT turns it into the host permissions that injection needs in Chromium).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  async main(ctx) {
    performance.mark(TIMELINE_MARKS.engineStart);
    answerMessages(ctx, await startOverlay(ctx, { subjectKnown: true }));
  },
});

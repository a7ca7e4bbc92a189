// The card's styles: WXT puts them into the card's shadow root (cssInjectionMode 'ui'), not into the page.
import '../src/ui/card/card.css';
import { answerMessages } from '../src/page/messages';
import { startOverlay } from '../src/page/overlay';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: false,
  cssInjectionMode: 'ui',
  async main(ctx) {
    answerMessages(ctx, await startOverlay(ctx));
  },
});

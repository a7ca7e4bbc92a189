import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage } from '../messaging/protocol';
import type { Overlay } from './overlay';

/** The content script's side of the message map: answers the popup and the background's keyboard command. */
export function answerMessages(ctx: ContentScriptContext, overlay: Overlay): void {
  const stops = [
    onMessage('getPageState', () => ({
      // The popup's site switch needs it; without the `tabs` permission the browser may not tell the popup (protocol.ts).
      url: location.href,
      enabled: overlay.enabled,
      mentions: overlay.mentions().map(({ mention }, index) => ({
        index,
        text: mention.text,
        trigger: mention.trigger,
        findings: mention.findings,
      })),
    })),
    onMessage('revealMention', ({ data: index }) => {
      const placed = overlay.mentions()[index];
      return placed ? overlay.reveal(placed) : false;
    }),
    onMessage('nextMention', () => overlay.revealNext()),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}

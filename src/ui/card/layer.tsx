import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { VirtualElement } from '@floating-ui/dom';
// The card's stylesheet as a string in the card's bundle: no file to fetch, nothing web-accessible for it.
import CARD_CSS from './card.css?inline';
import { CARD_HOST_TAG } from './bundle';
import type { FindingTexts, FindingTextsLoader } from '../../pack/finding-texts';
import { createCardShows } from './card-shows';
import { Card, type CardAction } from './Card';
import { followReference } from './position';

export interface CardContent {
  phrase: string;
  trigger: string;
  /** Finding ids, best first. */
  findingIds: string[];
  /** Where the phrase is, for placing the card beside it. */
  reference: VirtualElement;
  /** The card's dismiss actions for this mark (src/content/dismiss.ts); no "Hide…" menu without it. */
  onAction?: (action: CardAction, findingId: string) => Promise<() => Promise<void>>;
}

export interface CardLayerEvents {
  /** The close button was used. */
  onCloseRequest: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onOpenReport: (findingId: string) => void;
  reportHref: (findingId: string) => string;
  /** The card's texts (from the background: src/messaging/finding-texts.ts), prefetched for the page's marks. */
  texts: FindingTextsLoader;
}

export interface CardLayer {
  /**
   * Shows the card of a mark: at once (in this task, focus too) when its texts are cached, else once they arrive —
   * unless a hide() or another show() came first. Never a card with another mark's texts, never an empty one.
   */
  show(content: CardContent, options: { takeFocus: boolean }): void;
  hide(): void;
  readonly isOpen: boolean;
  /** Whether an event's target is our card (events from inside a shadow root are retargeted to its host). */
  owns(target: EventTarget | null): boolean;
  /** Whether keyboard focus is inside the card. */
  hasFocus(): boolean;
}

/**
 * The card's host: a `fact-context-card` element with an open shadow root that holds the card's styles (after a
 * reset, so that nothing of the page's styles is inherited) and the container Preact renders into. Plain DOM, as
 * WXT's createShadowRootUi would make it, without its mounting machinery (anchors, auto-mount, 3 kB gzipped).
 */
function createCardHost(ctx: ContentScriptContext): { host: HTMLElement; shadow: ShadowRoot; container: HTMLElement } {
  const host = document.createElement(CARD_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${CARD_CSS.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  ctx.onInvalidated(() => {
    render(null, container);
    host.remove();
  });
  return { host, shadow, container };
}

/**
 * The card's layer: one shadow-root host (added to the page on first use, then kept), the Preact card inside it,
 * shown in the top layer (popover) so that it stays above the page's own overlays.
 */
export function createCardLayer(ctx: ContentScriptContext, events: CardLayerEvents): CardLayer {
  const { host, shadow, container } = createCardHost(ctx);
  host.setAttribute('popover', 'manual');
  host.addEventListener('pointerenter', events.onPointerEnter, { signal: ctx.signal });
  host.addEventListener('pointerleave', events.onPointerLeave, { signal: ctx.signal });

  let stopFollowing: (() => void) | undefined;

  function toTopLayer(): void {
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // No popover support, or the host was detached: the :host z-index keeps us above most pages.
    }
  }

  function clear(): void {
    stopFollowing?.();
    stopFollowing = undefined;
    render(null, container);
    try {
      if (host.matches(':popover-open')) host.hidePopover();
    } catch {
      // see toTopLayer
    }
  }

  function draw(key: number, content: CardContent, texts: FindingTexts, takeFocus: boolean): void {
    // Beside <body>, not inside it: page code watching body's children never sees us come and go.
    if (!host.isConnected) document.documentElement.append(host);
    stopFollowing?.();
    render(
      <Card
        key={key}
        phrase={content.phrase}
        trigger={content.trigger}
        findings={texts.findings}
        report={texts.report}
        reportHref={events.reportHref}
        onOpenReport={events.onOpenReport}
        onClose={events.onCloseRequest}
        onAction={content.onAction}
        takeFocus={takeFocus}
      />,
      container,
    );
    toTopLayer();
    const card = container.querySelector<HTMLElement>('.fc-card');
    if (card) stopFollowing = followReference(content.reference, card);
    // Focus now, not in the card's effect after the next frame: the keyboard command's answer (and any key the
    // reader presses next) must find focus inside the card. It can only move once the host is in the top layer.
    if (takeFocus) card?.focus({ preventScroll: true });
  }

  const shows = createCardShows(events.texts, clear);
  return {
    show(content, { takeFocus }) {
      shows.show(content.findingIds, (key, texts) => draw(key, content, texts, takeFocus));
    },
    hide: () => shows.hide(),
    get isOpen() {
      return shows.isOpen;
    },
    owns(target) {
      return target === host || (target instanceof Node && host.contains(target));
    },
    hasFocus() {
      return shows.isOpen && (document.activeElement === host || shadow.activeElement !== null);
    },
  };
}

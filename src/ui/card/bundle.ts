import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardLayer, CardLayerEvents } from './layer';

/** The contract tag of our UI host (open shadow root). */
export const CARD_HOST_TAG = 'fact-context-card';

/**
 * What the card's own bundle (entrypoints/card.ts: Preact, the card, Floating UI and the card's stylesheet) gives
 * the engine's script. The engine does not carry the card: the background injects that bundle into the tab when the
 * first card is about to open (src/content/card-loader.ts), and it leaves this object where the engine finds it.
 */
export interface CardBundle {
  createCardLayer(ctx: ContentScriptContext, events: CardLayerEvents): CardLayer;
}

/**
 * A property of the content scripts' global object: both scripts run in the extension's own world of the frame
 * (Chromium's isolated world, Firefox's content-script sandbox), which the page's scripts do not see.
 */
const BUNDLE_KEY = '__factContextCardBundle';

/** Called by the card's bundle when it runs (each injection replaces what an earlier one left). */
export function publishCardBundle(bundle: CardBundle): void {
  (globalThis as Record<string, unknown>)[BUNDLE_KEY] = bundle;
}

/** What the card's bundle left, once the background says it has run there; undefined before. */
export function injectedCardBundle(): CardBundle | undefined {
  return (globalThis as Record<string, unknown>)[BUNDLE_KEY] as CardBundle | undefined;
}

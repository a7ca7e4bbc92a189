import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isObject, readWorldGlobal, writeWorldGlobal } from '../../messaging/world-global';
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

/** Where the bundle leaves it (src/messaging/world-global.ts: both scripts run in the frame's extension world). */
const BUNDLE_KEY = '__factContextCardBundle';

/** Called by the card's bundle when it runs (each injection replaces what an earlier one left). */
export function publishCardBundle(bundle: CardBundle): void {
  writeWorldGlobal(BUNDLE_KEY, bundle);
}

/** What the card's bundle left, once the background says it has run there; undefined before. */
export function injectedCardBundle(): CardBundle | undefined {
  return readWorldGlobal(BUNDLE_KEY, isCardBundle);
}

function isCardBundle(value: unknown): value is CardBundle {
  return isObject(value) && typeof (value as Partial<CardBundle>).createCardLayer === 'function';
}

import { publishCardBundle } from '../src/ui/card/bundle';
import { createCardLayer } from '../src/ui/card/layer';

/**
 * The card: Preact, the card's components, Floating UI and the card's stylesheet, in a bundle of their own that the
 * scanning engine (entrypoints/content) does not carry. Not in the manifest and not web-accessible: the background
 * injects it with `scripting.executeScript` into the tab whose engine is about to open its first card
 * (src/background/engine-injection.ts, src/content/card-loader.ts).
 */
export default defineUnlistedScript(() => {
  publishCardBundle({ createCardLayer });
});

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/protocol';
import { injectedCardBundle } from '../ui/card/bundle';
import type { CardLayer, CardLayerEvents } from '../ui/card/layer';

/** The card layer as the engine holds it: the card's bundle is loaded on first use (or when asked to get ready). */
export interface LazyCardLayer extends CardLayer {
  /**
   * Loads the card's bundle if it is not loaded yet. Resolves once a show() draws in the task that calls it (texts
   * cached). Rejects if the bundle could not be loaded: the extension went away (reloaded or removed: the message
   * fails), the background could not inject it (it answers false, or its `scripting` call failed), the bundle ran
   * but left nothing to use, or this script was invalidated meanwhile. The next call tries again (no retry of its
   * own).
   */
  ready(): Promise<void>;
}

/**
 * The card's layer from its own bundle (entrypoints/card.ts): the background injects that bundle into this tab
 * (`loadCard`), and its answer comes after the bundle has run, so what the bundle left is there to read.
 */
export async function loadCardLayer(ctx: ContentScriptContext, events: CardLayerEvents): Promise<CardLayer> {
  if (!(await sendMessage('loadCard', undefined))) throw new Error('the background could not inject the card');
  const bundle = injectedCardBundle();
  if (!bundle) throw new Error('the card’s bundle left nothing to use');
  ctx.signal.throwIfAborted();
  return bundle.createCardLayer(ctx, events);
}

/**
 * A CardLayer that creates the real one on first use or on ready() (no card code in the page and no host until a
 * card is about to open). A show() that is overtaken by a hide() or another show() while the layer is being created
 * is dropped.
 */
export function lazyCardLayer(create: () => Promise<CardLayer>): LazyCardLayer {
  let layer: CardLayer | undefined;
  let creating: Promise<CardLayer> | undefined;
  let latest = 0;
  const load = (): Promise<CardLayer> =>
    (creating ??= create().then(
      (ready) => (layer = ready),
      (error: unknown) => {
        creating = undefined; // the next card tries again
        throw error;
      },
    ));
  return {
    ready: () => load().then(() => undefined),
    show(content, options) {
      const request = ++latest;
      if (layer) {
        layer.show(content, options);
        return;
      }
      load().then(
        (ready) => {
          if (request === latest) ready.show(content, options);
        },
        (error: unknown) => console.error('[Fact Context] the card could not be shown:', error),
      );
    },
    hide() {
      latest += 1;
      layer?.hide();
    },
    get isOpen() {
      return layer?.isOpen ?? false;
    },
    owns: (target) => layer?.owns(target) ?? false,
    hasFocus: () => layer?.hasFocus() ?? false,
  };
}

import { describe, expect, it, vi } from 'vitest';
import { lazyCardLayer } from '../../../src/content/card-loader';
import type { CardContent, CardLayer } from '../../../src/ui/card/layer';

/** A layer that records the cards it was asked to show. */
function recordingLayer(): CardLayer & { shown: string[] } {
  let open = false;
  const shown: string[] = [];
  return {
    shown,
    show(content) {
      shown.push(content.phrase);
      open = true;
    },
    hide: () => void (open = false),
    get isOpen() {
      return open;
    },
    owns: () => false,
    hasFocus: () => false,
  };
}

const card = (phrase: string) => ({ phrase }) as CardContent;

describe('lazyCardLayer (the card’s bundle on demand)', () => {
  it('loads the bundle once, on ready() or the first show, and then shows in the task that asks', async () => {
    const real = recordingLayer();
    const create = vi.fn(() => Promise.resolve(real));
    const layer = lazyCardLayer(create);
    expect(create).not.toHaveBeenCalled();
    await Promise.all([layer.ready(), layer.ready()]);
    expect(create).toHaveBeenCalledTimes(1);
    layer.show(card('a'), { takeFocus: true });
    expect(real.shown).toEqual(['a']); // no wait once loaded
    expect(layer.isOpen).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('shows only the last card asked for while the bundle loads, and none after a hide()', async () => {
    const real = recordingLayer();
    let resolve!: (layer: CardLayer) => void;
    const layer = lazyCardLayer(() => new Promise((r) => (resolve = r)));
    layer.show(card('a'), { takeFocus: false });
    layer.show(card('b'), { takeFocus: false });
    expect(layer.isOpen).toBe(false);
    resolve(real);
    await layer.ready();
    expect(real.shown).toEqual(['b']);

    const second = recordingLayer();
    let resolveSecond!: (layer: CardLayer) => void;
    const hidden = lazyCardLayer(() => new Promise((r) => (resolveSecond = r)));
    hidden.show(card('c'), { takeFocus: false });
    hidden.hide();
    resolveSecond(second);
    await hidden.ready();
    expect(second.shown).toEqual([]);
  });

  it('tries again after a failed load (the extension went away, then a card is asked for again)', async () => {
    const real = recordingLayer();
    const create = vi.fn<() => Promise<CardLayer>>().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(real);
    const layer = lazyCardLayer(create);
    await expect(layer.ready()).rejects.toThrow('gone');
    await layer.ready();
    expect(create).toHaveBeenCalledTimes(2);
    layer.show(card('a'), { takeFocus: false });
    expect(real.shown).toEqual(['a']);
  });
});

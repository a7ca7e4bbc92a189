// @vitest-environment happy-dom
/** Loading the card's bundle: through the background's answer (the one message map), and what a failure does. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lazyCardLayer, loadCardLayer } from '../../../src/content/card-loader';
import { Overlay } from '../../../src/content/overlay';
import { onMessage } from '../../../src/messaging/protocol';
import type { PlacedMention } from '../../../src/dom/placement';
import { publishCardBundle } from '../../../src/ui/card/bundle';
import type { CardLayer, CardLayerEvents } from '../../../src/ui/card/layer';

const events = {} as CardLayerEvents;
const BUNDLE_KEY = '__factContextCardBundle';
const stopAnswering: (() => void)[] = [];

/** The background's answer to `loadCard`: whether the bundle was injected, and what running it leaves. */
function background(answer: boolean, runsBundle?: () => void) {
  const asked = vi.fn(() => {
    runsBundle?.();
    return answer;
  });
  stopAnswering.push(onMessage('loadCard', asked));
  return asked;
}

const layer = { isOpen: false } as CardLayer;

beforeEach(() => {
  fakeBrowser.reset();
  (globalThis as Record<string, unknown>)[BUNDLE_KEY] = undefined;
});
afterEach(() => {
  for (const stop of stopAnswering.splice(0)) stop();
  vi.restoreAllMocks();
});

describe('loadCardLayer', () => {
  it('creates the layer from what the bundle left, once the background says it ran', async () => {
    background(true, () => publishCardBundle({ createCardLayer: () => layer }));
    expect(await loadCardLayer(new ContentScriptContext('test'), events)).toBe(layer);
  });

  it('fails when the background could not inject the bundle (it answers false)', async () => {
    background(false);
    await expect(loadCardLayer(new ContentScriptContext('test'), events)).rejects.toThrow('could not inject');
  });

  it('fails when the bundle left nothing to use', async () => {
    background(true);
    await expect(loadCardLayer(new ContentScriptContext('test'), events)).rejects.toThrow('left nothing');
  });

  it('a failed load is tried again by the next ask (not stuck, no retry of its own)', async () => {
    const ctx = new ContentScriptContext('test');
    const asked = background(false);
    const lazy = lazyCardLayer(() => loadCardLayer(ctx, events));
    await expect(lazy.ready()).rejects.toThrow('could not inject');
    expect(asked).toHaveBeenCalledTimes(1);
    for (const stop of stopAnswering.splice(0)) stop();
    background(true, () => publishCardBundle({ createCardLayer: () => layer }));
    await expect(lazy.ready()).resolves.toBeUndefined();
  });
});

describe('Overlay.reveal when the card cannot be loaded', () => {
  /** An overlay with a run whose cards would open `placed` (a mention over text in the page). */
  function overlayWithCards(ctx: ContentScriptContext) {
    const overlay = new Overlay(ctx, () => undefined, { subjectKnown: true });
    const open = vi.fn();
    (overlay as unknown as { run: unknown }).run = { cards: { open } };
    const text = document.body.appendChild(document.createTextNode('a naval blockade of the island'));
    const placed = { start: { node: text, offset: 2 }, end: { node: text, offset: 15 }, nodes: [text] };
    return { overlay, open, placed: placed as unknown as PlacedMention };
  }

  it('answers false, opens no card and says why on the console', async () => {
    background(false);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { overlay, open, placed } = overlayWithCards(new ContentScriptContext('test'));
    expect(await overlay.reveal(placed)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('could not be loaded'), expect.any(Error));
  });

  it('says nothing when the extension went away (the script is invalidated)', async () => {
    background(false);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctx = new ContentScriptContext('test');
    const { overlay, placed } = overlayWithCards(ctx);
    ctx.abort();
    expect(await overlay.reveal(placed)).toBe(false);
    expect(error).not.toHaveBeenCalled();
  });
});

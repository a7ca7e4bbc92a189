import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractSegments } from '../../../src/dom/extract';
import { MentionIndex } from '../../../src/dom/hit-test';
import { CardController, HOVER_OPEN_DELAY_MS } from '../../../src/content/interaction';
import { rangeOf } from '../../../src/dom/marks';
import { placeMentions, type PlacedMention } from '../../../src/dom/placement';
import { joinSegments } from '../../../src/matching/join';
import type { CardLayer } from '../../../src/ui/card/layer';

/** A layer that records what the controller asks of it (the real one is tested end to end). */
function fakeLayer() {
  const host = document.createElement('div');
  host.tabIndex = -1;
  document.body.append(host);
  let open = false;
  const layer: CardLayer & { shown: number } = {
    shown: 0,
    show() {
      open = true;
      layer.shown += 1;
    },
    hide() {
      open = false;
    },
    get isOpen() {
      return open;
    },
    owns: (target) => target === host,
    hasFocus: () => open && document.activeElement === host,
  };
  return { layer, host };
}

function setup(
  mode: 'hover' | 'click',
  hoverDelayMs = HOVER_OPEN_DELAY_MS,
  ranking: { findings: () => string[]; whenReadable?: () => Promise<void> | undefined } = { findings: () => ['x'] },
) {
  const root = document.createElement('p');
  root.style.cssText = 'font: 20px/1.5 sans-serif; margin: 40px;';
  root.textContent = 'They call it an axis of convenience today.';
  document.body.append(root);
  const segments = extractSegments(root);
  const { text } = joinSegments(segments);
  const start = text.indexOf('axis of convenience');
  // Ranked on first read and kept, as the engine's mentions are.
  let findings: string[] | undefined;
  const mention = {
    start,
    end: start + 19,
    text: 'axis of convenience',
    trigger: 'x',
    get findings() {
      return (findings ??= ranking.findings());
    },
  };
  const [placed] = placeMentions(segments, [mention]);
  const index = new MentionIndex();
  index.add(placed!);
  const { layer, host } = fakeLayer();
  const abort = new AbortController();
  const opened: PlacedMention[] = [];
  const shownFindings: string[][] = [];
  const controller = new CardController({
    document,
    signal: abort.signal,
    index,
    layer,
    behaviour: () => ({ mode, hoverDelayMs, quietKey: 'Alt' as const }),
    ...(ranking.whenReadable && { whenReadable: ranking.whenReadable }),
    showCard: (one, takeFocus) => {
      opened.push(one);
      shownFindings.push(one.mention.findings);
      layer.show({} as never, { takeFocus });
    },
  });
  const rect = rangeOf(placed!).getBoundingClientRect();
  const centre = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
  return { placed: placed!, layer, host, abort, opened, shownFindings, controller, centre };
}

const move = (init: PointerEventInit) =>
  document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, ...init }));

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('CardController', () => {
  it('opens on hover after a delay and closes after the pointer left', async () => {
    const { layer, opened, placed, centre, abort } = setup('hover');
    move(centre);
    await vi.waitFor(() => expect(layer.isOpen).toBe(true), { timeout: 3000 });
    expect(opened).toEqual([placed]);
    move({ clientX: 1, clientY: 1 });
    await vi.waitFor(() => expect(layer.isOpen).toBe(false), { timeout: 3000 });
    abort.abort();
  });

  it('in click mode, hovering does nothing and a click opens', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const { layer, centre, abort } = setup('click');
    move(centre);
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS * 2);
    // The pointer was seen and hit-tested (its mark drawn active), and no card came of it.
    expect(CSS.highlights.get('fact-context-mention-active')?.size).toBe(1);
    expect(layer.shown).toBe(0);
    document.dispatchEvent(new MouseEvent('click', { bubbles: true, ...centre }));
    expect(layer.isOpen).toBe(true);
    abort.abort();
  });

  it('a card closed while the pointer is on it opens again when the pointer goes back to the mark', async () => {
    const { layer, host, centre, abort, controller } = setup('hover');
    move(centre);
    await vi.waitFor(() => expect(layer.isOpen).toBe(true), { timeout: 3000 });
    controller.pointerEnteredCard();
    move({ clientX: 1, clientY: 1, target: host } as PointerEventInit);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(layer.isOpen).toBe(false);
    controller.pointerLeftCard();
    move(centre);
    await vi.waitFor(() => expect(layer.isOpen).toBe(true), { timeout: 3000 });
    abort.abort();
  });

  it('waits the hover delay from the settings', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const { layer, centre, abort } = setup('hover', 2000);
    move(centre);
    vi.advanceTimersToNextFrame(); // the hit-test, once per frame: the delay counts from there
    vi.advanceTimersByTime(1999);
    expect(layer.shown).toBe(0);
    vi.advanceTimersByTime(1);
    expect(layer.isOpen).toBe(true);
    abort.abort();
  });

  it('draws the mark under the pointer with the stronger (active) highlight', async () => {
    const { centre, abort } = setup('click');
    move(centre);
    await vi.waitFor(() => expect(CSS.highlights.get('fact-context-mention-active')?.size).toBe(1));
    move({ clientX: 1, clientY: 1 });
    await vi.waitFor(() => expect(CSS.highlights.get('fact-context-mention-active')?.size ?? 0).toBe(0));
    abort.abort();
    expect(CSS.highlights.has('fact-context-mention-active')).toBe(false);
  });

  it('quiet mode: pointing while holding the key opens at once; pressing it over a mark too', async () => {
    const first = setup('click', 2000);
    move({ ...first.centre, altKey: true });
    await vi.waitFor(() => expect(first.layer.isOpen).toBe(true), { timeout: 1000 });
    first.abort.abort();
    document.body.replaceChildren();

    const second = setup('click', 2000);
    move(second.centre);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(second.layer.shown).toBe(0);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true, bubbles: true }));
    expect(second.layer.isOpen).toBe(true);
    second.abort.abort();
  });

  it('Esc closes the card and gives focus back to where it was', () => {
    const { layer, host, placed, controller, abort } = setup('hover');
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    controller.open(placed, { takeFocus: true, pinned: true });
    host.focus(); // what the card does when it takes focus
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(layer.isOpen).toBe(false);
    expect(document.activeElement).toBe(button);
    abort.abort();
  });

  /** A ranking that answers when the test says: `findings` in fuse's order before, ranked after. */
  function delayedRanking() {
    let ready = false;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    return {
      answer: () => {
        ready = true;
        answer();
      },
      findings: () => (ready ? ['ranked-first', 'second'] : ['second']),
      whenReadable: () => (ready ? undefined : answered),
    };
  }

  it('a card asked for before its mark is ranked opens when the ranking answers, with the ranked findings', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const ranking = delayedRanking();
    const { layer, centre, abort, shownFindings } = setup('hover', HOVER_OPEN_DELAY_MS, ranking);
    move(centre);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
    expect(layer.shown).toBe(0);
    ranking.answer();
    await vi.waitFor(() => expect(layer.shown).toBe(1));
    expect(shownFindings).toEqual([['ranked-first', 'second']]);

    // Ranked now: a click opens it at once, in the same task.
    document.dispatchEvent(new MouseEvent('click', { bubbles: true, ...centre }));
    expect(layer.shown).toBe(2);
    abort.abort();
  });

  it('a card closed before its ranking answers does not open after it', async () => {
    const ranking = delayedRanking();
    const { layer, placed, controller, abort } = setup('click', HOVER_OPEN_DELAY_MS, ranking);
    controller.open(placed, { takeFocus: false, pinned: true });
    controller.close({ restoreFocus: false });
    ranking.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(layer.shown).toBe(0);
    abort.abort();
  });

  it('stops listening once its signal aborts', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const { layer, centre, abort } = setup('hover');
    abort.abort();
    move(centre);
    document.dispatchEvent(new MouseEvent('click', { bubbles: true, ...centre }));
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS * 2); // past every frame and the hover delay
    expect(layer.shown).toBe(0);
  });
});

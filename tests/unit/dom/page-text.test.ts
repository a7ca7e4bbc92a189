// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';
import { extractSegments } from '../../../src/dom/extract';
import { PageText } from '../../../src/dom/page-text';
import { Cancelled } from '../../../src/dom/scheduler';
import type { PlacedMention } from '../../../src/dom/placement';
import { compareDocumentOrder } from '../../../src/dom/placement';

const engine = createEngine(packEngineSource(PACK));

const ARTICLE = `
  <article>
    <h1>China and Russia: an axis of convenience</h1>
    <p>Xi Jinping and Vladimir Putin met in Beijing; Russia and China signed deals.</p>
    <p id="p2">Western sanctions pushed Moscow to buy dual-use goods from Beijing.</p>
    <div id="live"></div>
  </article>`;

function textOf(placed: PlacedMention): string {
  const range = document.createRange();
  range.setStart(placed.start.node, placed.start.offset);
  range.setEnd(placed.end.node, placed.end.offset);
  return range.toString();
}

async function tracked(html: string) {
  document.body.innerHTML = html;
  const live = new Set<PlacedMention>();
  const text = new PageText(
    document.body,
    engine.createSession(),
    {},
    {
      added: (placed) => placed.forEach((one) => live.add(one)),
      removed: (placed) => placed.forEach((one) => live.delete(one)),
    },
    new AbortController().signal,
  );
  await text.scanAll();
  const marks = () => [...live].sort(compareDocumentOrder).map(textOf);
  return { text, live, marks };
}

/** What a full scan of the page as it is now would mark. */
function fullScan(): string[] {
  return engine.scan(extractSegments(document.body)).map((mention) => mention.text);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageText: the page text, scanned once and then incrementally', () => {
  it('first scan marks what a full scan of the same DOM marks', async () => {
    const { marks } = await tracked(ARTICLE);
    expect(marks().length).toBeGreaterThan(0);
    expect(marks()).toEqual(fullScan());
  });

  it('sends the first scan’s last chunk to the engine in a task of its own, after the walk', async () => {
    // The walk ends within one slice here; an abort during it must cancel the last chunk (sent after a yield, so
    // that it and the registration after it do not lengthen the walk's last slice into a long task).
    document.body.innerHTML = ARTICLE;
    const controller = new AbortController();
    const session = engine.createSession();
    let updates = 0;
    const update = session.updateBlocks.bind(session);
    session.updateBlocks = (blocks) => {
      updates += 1;
      return update(blocks);
    };
    const abortOnWalk = (element: Element) => {
      if (element.id === 'p2') controller.abort();
      return false;
    };
    const events = { added: () => undefined, removed: () => undefined };
    const text = new PageText(document.body, session, { isHidden: abortOnWalk }, events, controller.signal);
    await expect(text.scanAll()).rejects.toThrow(Cancelled);
    expect(updates).toBe(0);
  });

  it('marks a paragraph added later, without re-reading the rest', async () => {
    const { text, marks } = await tracked(ARTICLE);
    const before = marks();
    const late = document.createElement('p');
    late.textContent = 'Russian and Chinese navies held joint naval drills near Japan.';
    document.getElementById('live')!.append(late);
    await text.rescan([document.getElementById('live')!], false);
    const after = marks();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(marks().filter((mark) => late.textContent.includes(mark)).length).toBeGreaterThan(0);
  });

  it('replaces the marks of a paragraph whose text changed', async () => {
    const { text, live, marks } = await tracked(ARTICLE);
    const p2 = document.getElementById('p2')!;
    const inP2 = () => [...live].filter((placed) => p2.contains(placed.start.node)).length;
    expect(inP2()).toBeGreaterThan(0);
    p2.firstChild!.textContent = 'Nothing to see in this sentence.';
    await text.rescan([p2.firstChild!], false);
    expect(inP2()).toBe(0);
    expect(marks().every((mark) => document.body.textContent.includes(mark))).toBe(true);
  });

  it('forgets the marks of removed text', async () => {
    const { text, live } = await tracked(ARTICLE);
    const p2 = document.getElementById('p2')!;
    const count = live.size;
    const parent = p2.parentElement!;
    p2.remove();
    await text.rescan([parent], true);
    expect(live.size).toBeLessThan(count);
    expect([...live].every((placed) => placed.start.node.isConnected)).toBe(true);
  });

  it('ignores changes inside editable and code subtrees', async () => {
    const { text, live } = await tracked(`${ARTICLE}<div contenteditable="true"><p id="ed">x</p></div>`);
    const count = live.size;
    const editor = document.getElementById('ed')!;
    editor.textContent = 'an axis of convenience between China and Russia';
    await text.rescan([editor], false);
    expect(live.size).toBe(count);
  });

  it('drops mentions in text hidden by a style sheet, and marks them once a class change shows them', async () => {
    const hiddenHtml = `<style>.collapsed { display: none }</style>${ARTICLE}
      <div id="more" class="collapsed"><p>Xi and Putin declared a no limits partnership in February 2022.</p></div>`;
    const { text, live } = await tracked(hiddenHtml);
    const more = document.getElementById('more')!;
    const inMore = () => [...live].filter((placed) => more.contains(placed.start.node)).length;
    expect(live.size).toBeGreaterThan(0);
    expect(inMore()).toBe(0);
    more.classList.remove('collapsed');
    await text.rescan([], false, [more]);
    expect(inMore()).toBeGreaterThan(0);
  });

  it('reads again what the markup rules stop hiding (a removed hidden attribute)', async () => {
    const { text, live } = await tracked(
      `${ARTICLE}<p id="later" hidden>Xi and Putin declared a no limits partnership in February 2022.</p>`,
    );
    const later = document.getElementById('later')!;
    const inLater = () => [...live].filter((placed) => later.contains(placed.start.node)).length;
    expect(inLater()).toBe(0);
    later.hidden = false;
    await text.rescan([later], false);
    expect(inLater()).toBeGreaterThan(0);
  });
});

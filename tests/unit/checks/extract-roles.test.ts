import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlockRole } from '../../../src/matching/types';
import { extractSegments } from '../../../src/dom/extract';

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

/** Each block's text with its role, in document order. */
function roles(bodyHtml: string): [string, BlockRole | undefined][] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(`<!doctype html><html><body>${bodyHtml}</body></html>`);
  const blocks = new Map<number, { text: string; role: BlockRole | undefined }>();
  for (const segment of extractSegments(window.document.body as unknown as Node)) {
    const entry = blocks.get(segment.block) ?? { text: '', role: segment.role };
    entry.text += segment.text;
    expect(segment.role).toBe(entry.role); // one role per block
    blocks.set(segment.block, entry);
  }
  return [...blocks.values()].map(({ text, role }) => [text.trim(), role]);
}

const PARAGRAPH = 'Beijing and Moscow signed a new energy agreement on Tuesday, officials said.';

describe('block roles', () => {
  it('reads article paragraphs and list items as prose', () => {
    expect(roles(`<article><p>${PARAGRAPH}</p><ul><li>${PARAGRAPH}</li></ul></article>`)).toEqual([
      [PARAGRAPH, 'prose'],
      [PARAGRAPH, 'prose'],
    ]);
  });

  it('reads a paragraph with an inline link as prose', () => {
    const html = `<p>The two countries <a href="/x">signed a deal</a> on Tuesday that officials described at length.</p>`;
    expect(roles(html)[0]?.[1]).toBe('prose');
  });

  it.each([
    ['h1', '<h1>China and Russia deepen ties</h1>'],
    ['h3', '<h3>What the deal covers</h3>'],
    ['role=heading', '<div role="heading" aria-level="2">What the deal covers</div>'],
    ['a headline class', '<p class="article-headline">China and Russia deepen ties</p>'],
    ['a bold-only subhead', '<p><strong>Energy and the yuan</strong></p>'],
  ])('reads %s as a heading', (_name, html) => {
    expect(roles(`${html}<p>${PARAGRAPH}</p>`)).toEqual([
      [expect.any(String), 'heading'],
      [PARAGRAPH, 'prose'],
    ]);
  });

  it.each([
    ['a figcaption', '<figure><img src="x.png"><figcaption>Xi and Putin in Moscow on Tuesday.</figcaption></figure>'],
    [
      'a paragraph inside a figure caption',
      '<figcaption><p>Xi and Putin in Moscow on Tuesday, May 8.</p></figcaption>',
    ],
    ['an aside', '<aside><p>Read our full coverage of the summit between the two leaders here today.</p></aside>'],
    ['a byline class', '<div class="article-byline"><span>Jane Doe and John Roe, Moscow bureau</span></div>'],
    ['a byline line', '<p>By Jane Doe and John Roe in Moscow</p>'],
    ['a timestamp line', '<p>Updated 5:02 PM EST, Tue March 3, 2026</p>'],
    ['an ad slot', '<div class="ad-slot"><p>Advertisement</p></div>'],
    ['an "Advertisement" label', '<p>Advertisement</p>'],
    ['a "Continue reading the main story" label', '<p>Continue reading the main story</p>'],
    ['a separator', '<p>___</p>'],
    ['a "* * *" separator', '<p>* * *</p>'],
    ['a short label', '<div>Photo gallery</div>'],
    [
      'a link-only paragraph',
      '<p><a href="/other">China and Russia hold drills in the Sea of Japan, ministry says</a></p>',
    ],
    ['a caption class', '<div class="media-caption__text">Xi and Putin shake hands at the Kremlin on Tuesday.</div>'],
    [
      'a pull quote',
      '<blockquote class="graf--pullquote">“Nobody in the room expected the talks to last this long,” he said.</blockquote>',
    ],
    [
      'an embedded post',
      '<blockquote class="twitter-tweet"><p>Talks went on late into the night, and more are planned.</p></blockquote>',
    ],
    [
      'a wiki image caption',
      '<div class="thumbinner"><div class="thumbcaption">A map of the planned route across Siberia, drawn in 2020.</div></div>',
    ],
    [
      'a tip box',
      '<div class="admonition tip"><div>To follow along, open the interactive map on our site.</div></div>',
    ],
    ['a share box', '<div class="share-tools"><p>Share this story with a friend who follows the news.</p></div>'],
    [
      'an article footer',
      '<article><p>x y z w v u.</p><footer><p>Copyright 2026 by the news agency. All rights reserved.</p></footer></article>',
    ],
  ])('reads %s as furniture', (_name, html) => {
    const all = roles(html);
    expect(all[all.length - 1]?.[1]).toBe('furniture');
  });

  it('reads a "What to Read Next" list as furniture, the heading over it included', () => {
    const html = `<p>${PARAGRAPH}</p><h2>What to Read Next</h2><ul>
      <li><a href="/a">China and Russia hold joint naval drills near Japan</a></li>
      <li><a href="/b">Xi and Putin pledge a no-limits partnership</a></li></ul>`;
    expect(roles(html).map(([, role]) => role)).toEqual(['prose', 'furniture', 'furniture', 'furniture']);
  });

  it('reads a related-links block by its class as furniture even when its items are long', () => {
    const html = `<div class="related-stories"><p>${PARAGRAPH}</p></div><p>${PARAGRAPH}</p>`;
    expect(roles(html).map(([, role]) => role)).toEqual(['furniture', 'prose']);
  });

  it('keeps a class word far above the block from speaking for it', () => {
    const html = `<div class="has-author"><div><div><div><div><p>${PARAGRAPH}</p></div></div></div></div></div>`;
    expect(roles(html)).toEqual([[PARAGRAPH, 'prose']]);
  });

  it('does not read "head" or "shadow" in a class as an ad', () => {
    const html = `<div class="header-shadow load"><p>${PARAGRAPH}</p></div>`;
    expect(roles(html)).toEqual([[PARAGRAPH, 'prose']]);
  });

  it('reads the article body the page marks (itemprop) by its own blocks, whatever its id or class says', () => {
    const html = `<div itemprop="articleBody" id="share-btns-2_containerParent"><p>${PARAGRAPH}</p>
      <figure><figcaption>Xi and Putin in Moscow on Tuesday.</figcaption></figure><p>${PARAGRAPH}</p></div>`;
    expect(roles(html).map(([, role]) => role)).toEqual(['prose', 'furniture', 'prose']);
  });

  it.each([
    ['a word that starts like a chrome word ("shared")', 'shared-history'],
    ['a subhead slug with a chrome word in it ("share")', 'why-beijing-and-moscow-share-a-border'],
    ['a subhead slug with "updated" in it', 'the-partnership-as-updated-in-2022'],
  ])('reads a section whose id is %s as prose', (_name, id) => {
    expect(roles(`<div class="section" id="${id}"><p>${PARAGRAPH}</p></div>`)).toEqual([[PARAGRAPH, 'prose']]);
  });

  it('keeps a short sentence as prose', () => {
    expect(roles('<p>Moscow denied it.</p>')).toEqual([['Moscow denied it.', 'prose']]);
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../scripts/lib/corpus';
import { scanHtml } from '../../../scripts/lib/scan-core';
import { parseHtmlDocument } from '../../../scripts/lib/scan-html';
import { placeArticle } from '../../../scripts/lib/scan-layouts';

const ROOT = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/pages', name), 'utf8');
const marked = (name: string) => scanHtml(fixture(name)).mentions.map((mention) => mention.text);
/** Marks of a fixture that hold `phrase` (a mark may run on to the rest of its clause). */
const marksWith = (name: string, phrase: string) => marked(name).filter((text) => text.includes(phrase));

const ARTICLE: Article = {
  id: '900',
  url: '',
  title: 'Placed title',
  label: 'positive',
  body: 'First placed line of the article, long enough to read as one.\nSecond placed line.\nThird placed line.',
};
const LONG = 'A paragraph of the page itself, long enough to count as article prose on any news site.';

describe('article paragraphs among real-page structures (tests/fixtures/pages)', () => {
  it('marks an article body whose id a share widget gave it (itemprop="articleBody")', () => {
    expect(marksWith('scan-article-body.html', 'axis of convenience')).toHaveLength(1);
    expect(marksWith('scan-article-body.html', 'no limits partnership')).toHaveLength(1);
  });

  it('marks sections whose ids are made from their subheads ("shared-history", "…-share-a-border")', () => {
    expect(marksWith('scan-slug-ids.html', 'axis of convenience')).toHaveLength(1);
    expect(marksWith('scan-slug-ids.html', 'no limits partnership')).toHaveLength(1);
  });

  it('reads the paragraph after a pull quote in the context of the paragraphs before the quote', () => {
    expect(marksWith('scan-pullquote.html', 'junior partner')).toHaveLength(1);
  });

  it('reads the paragraph after a tip box in the context of the paragraphs before the box', () => {
    expect(marksWith('scan-callout.html', 'junior partner')).toHaveLength(1);
  });

  it('marks a phrase once when an embedded post and an image caption stand between its two paragraphs', () => {
    expect(marksWith('scan-embeds.html', 'axis of convenience')).toHaveLength(1);
  });

  it('marks the paragraphs of the furniture page but never its caption, byline, labels or link list', () => {
    const html = fixture('scan-furniture.html');
    const { text, mentions } = scanHtml(html);
    const chrome = ['Xi Jinping and Vladimir Putin declared', 'What to Read Next', 'An axis of convenience?'];
    for (const line of chrome) {
      const at = text.indexOf(line);
      expect(at).toBeGreaterThanOrEqual(0);
      const end = text.indexOf('\n', at);
      expect(mentions.filter((m) => m.start >= at && m.start < end)).toEqual([]);
    }
    expect(mentions.filter((m) => m.text.includes('no limits partnership'))).toHaveLength(1);
  });
});

describe('placeArticle', () => {
  it('fills the element with the most article-length paragraphs, not a comment or a form', () => {
    const page = `<body><h1>Old title</h1><div id="story"><p>${LONG}</p><p>${LONG}</p><ul><li>page's own list</li></ul>
      <figure><figcaption>A caption that stays.</figcaption></figure><p>${LONG}</p><p>${LONG}</p></div>
      <ol class="comments"><li><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></li></ol>
      <form><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></form></body>`;
    const document = parseHtmlDocument(placeArticle(page, ARTICLE) as string);
    const story = [...(document.querySelector('#story')?.children ?? [])].map((c) => `${c.tagName}:${c.textContent}`);
    expect(story).toEqual([
      'P:First placed line of the article, long enough to read as one.',
      'P:Second placed line.',
      'FIGURE:A caption that stays.',
      'P:Third placed line.',
    ]);
    expect(document.querySelector('h1')?.textContent).toBe('Placed title');
    expect(document.querySelectorAll('li p').length).toBe(5);
  });

  it('puts headlines into teaser links outside the article only', () => {
    const page = `<body><nav><a href="/">Home</a></nav><div id="story"><p>${LONG} <a href="/x">an inline link in it</a></p>
      <p>${LONG}</p></div><p>See also <a href="/y">a link inside a sentence of the page</a> today.</p>
      <ul class="most-read"><li><a href="/z">Four words or more here</a></li></ul></body>`;
    const document = parseHtmlDocument(placeArticle(page, ARTICLE, { headlines: ['China and Russia meet'] }) as string);
    expect([...document.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Home',
      'a link inside a sentence of the page',
      'China and Russia meet',
    ]);
  });
});

describe('scripts/eval-layouts.ts', { timeout: 60_000 }, () => {
  const pages = mkdtempSync(join(tmpdir(), 'eval-layouts-'));
  afterAll(() => rmSync(pages, { recursive: true, force: true }));

  it('places seen articles into the pages of PAGES_DIR and prints the comparison as JSON', () => {
    copyFileSync(join(ROOT, 'tests/fixtures/pages/scan-furniture.html'), join(pages, 'furniture.html'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/eval-layouts.ts', pages, '--hide', 'batch-2:even', '--rounds', '3', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { pages: number; placements: number; results: { article: string }[] };
    expect(out).toMatchObject({ pages: 1, placements: 3, failed: 0 });
    expect(out.results.every((r) => !/^batch-2\/\d*[02468]$/.test(r.article))).toBe(true);
  });

  it('exits 64 without PAGES_DIR', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-layouts.ts', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(64);
  });
});

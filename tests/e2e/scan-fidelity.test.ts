/**
 * `npm run scan` is a stand-in for the browser: on pages that reproduce the structures real news sites use (an
 * inline SVG sprite with a <style>, a CDATA-wrapped style sheet, preload links, a body hidden while loading, page
 * furniture around the paragraphs, an article body named by a share widget, subhead-slug section ids, a pull quote,
 * a tip box, an embedded post and a wiki caption between paragraphs), the browser marks exactly what scan reports.
 * A page that hides its body while it loads is marked once its script shows it. And text a page shows after load
 * (a class or `hidden` removed) gets its marks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanHtml } from '../../scripts/lib/scan-core';
import {
  BROWSERS,
  launchBrowser,
  markedRanges,
  serveFixturePages,
  startStaticServer,
  waitFor,
  waitForScan,
  type ExtensionBrowser,
  type FixturePage,
  type StaticServer,
  type TestPage,
} from './harness';

const FIDELITY_PAGES = [
  'scan-svg-sprite.html',
  'scan-cdata-style.html',
  'scan-preload.html',
  'scan-anti-flicker.html',
  'scan-furniture.html',
  'scan-article-body.html',
  'scan-slug-ids.html',
  'scan-pullquote.html',
  'scan-embeds.html',
  'scan-callout.html',
];

describe.each(BROWSERS)('scan fidelity in %s', (browserName) => {
  let server: StaticServer | undefined;
  let browser: ExtensionBrowser | undefined;
  let page: TestPage;
  let pages: FixturePage[];

  beforeAll(async () => {
    server = await startStaticServer();
    pages = serveFixturePages(server, { files: [...FIDELITY_PAGES, 'scan-reveal.html'], corpusIds: [] });
    const launched = await launchBrowser(browserName);
    browser = launched;
    page = await launched.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(FIDELITY_PAGES)('marks exactly what scan reports on %s', async (name) => {
    const fixture = pages.find((candidate) => candidate.name === name)!;
    const expected = scanHtml(fixture.html).mentions.map((mention) => mention.text);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(fixture.url);
    await waitForScan(page);
    // The anti-flicker page: compare once the page has shown its body (its own script drops the style after 1 s).
    await waitFor(page, 'the page to show its body', () => getComputedStyle(document.body).visibility === 'visible');
    const marked = (await markedRanges(page)).map((range) => range.text);
    expect({ page: name, marked }).toEqual({ page: name, marked: expected });
  });

  it('marks a page that hides its body while it loads (anti-flicker style), once its script shows it', async () => {
    const fixture = pages.find((candidate) => candidate.name === 'scan-anti-flicker.html')!;
    const expected = scanHtml(fixture.html).mentions.map((mention) => mention.text);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${fixture.url}?reveal=manual`);
    await waitForScan(page);
    // The first scan met the hidden body: the page has not shown it yet (the test shows it below).
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('hidden');
    await page.evaluate(() => (window as unknown as { showBody(): void }).showBody());
    await waitFor(page, 'the page to show its body', () => getComputedStyle(document.body).visibility === 'visible');
    await waitFor(
      page,
      'the marks of the shown page',
      (count) => (CSS.highlights.get('fact-context-mention')?.size ?? 0) >= count,
      expected.length,
    );
    const marked = await markedRanges(page);
    expect(marked.map((range) => range.text)).toEqual(expected);
    for (const range of marked) expect(range.rect?.width ?? 0).toBeGreaterThan(0);
  });

  it('marks text the page shows after load (a class and a hidden attribute removed)', async () => {
    const fixture = pages.find((candidate) => candidate.name === 'scan-reveal.html')!;
    // Before the page's script runs, scan and the browser agree: nothing shown holds a mention.
    expect(scanHtml(fixture.html).mentions).toEqual([]);
    const shown = scanHtml(fixture.html.replace(' class="is-collapsed"', '').replace(' hidden>', '>')).mentions;
    expect(shown.length).toBeGreaterThan(0);
    await page.goto(fixture.url);
    await waitForScan(page);
    const expected = shown.map((mention) => mention.text);
    await waitFor(
      page,
      'the marks of the revealed text',
      (count) => (CSS.highlights.get('fact-context-mention')?.size ?? 0) >= count,
      expected.length,
    );
    expect((await markedRanges(page)).map((range) => range.text)).toEqual(expected);
  });
});

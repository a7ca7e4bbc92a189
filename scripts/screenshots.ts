/**
 * `npx tsx scripts/screenshots.ts [--no-build] [--out DIR] [--dark]` — the README's screenshots, headless Chromium at
 * 1280×800 with the built extension: the demo article with a card open, two corpus articles placed as news pages
 * with a card open, and the popup on the demo article (its toolbar size, 360 px wide). Writes PNGs to
 * assets/demo/screenshots/ (or DIR) and prints what each shows (marks, card size), so a change that breaks the look
 * is seen in review. `--dark` takes them in the dark colour scheme (files end in -dark). Needs no display.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleToHtml, corpusDir, readCorpus } from './lib/corpus';
import { launchChromium, wrapPlaywrightPage } from './lib/browser-chromium';
import { hoverToOpenCard, markedRanges, waitForScan } from './lib/browser-page';
import { DEMO_DIR, REPO_ROOT } from './lib/browsers';
import { startStaticServer } from './lib/static-server';

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string' },
    dark: { type: 'boolean', default: false },
  },
});
const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'assets/demo/screenshots'));

/** Corpus articles shown (two that the assessment speaks to), and the phrase whose card each shot opens. */
const CORPUS_SHOTS = [
  { id: '001', phrase: /no.limits/i },
  { id: '024', phrase: /transactional/i },
];
const DEMO_PHRASE = /axis of convenience/i;
const colorScheme = values.dark ? 'dark' : 'light';
const png = (name: string) => `${name}${values.dark ? '-dark' : ''}.png`;

/** A plain news-page look for the corpus articles (our own styles, no third-party markup). */
const NEWS_STYLE = `<style>
  body { margin: 0; font: 18px/1.6 Georgia, 'DejaVu Serif', serif; color: #1d1d1f; background: #fff; }
  header { display: flex; gap: 32px; align-items: baseline; padding: 14px 40px; border-bottom: 1px solid #ddd;
    font: 600 15px system-ui, sans-serif; }
  header > a { font: 700 22px Georgia, serif; color: #111; text-decoration: none; }
  nav a { margin-right: 16px; color: #444; text-decoration: none; }
  article { max-width: 680px; margin: 32px auto; padding: 0 20px; }
  h1 { font-size: 34px; line-height: 1.2; }
  footer { max-width: 680px; margin: 40px auto; padding: 0 20px; color: #777; font: 13px system-ui, sans-serif; }
</style>`;

if (!values['no-build']) {
  console.log('Building the Chrome extension…');
  execFileSync('npm', ['run', '--silent', 'compile-pack'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
mkdirSync(outDir, { recursive: true });

const server = await startStaticServer([DEMO_DIR]);
const { articles } = readCorpus(corpusDir());
const corpusShots = CORPUS_SHOTS.map((shot) => {
  const article = articles.find((candidate) => candidate.id === shot.id);
  if (!article) throw new Error(`corpus article ${shot.id} not found in ${corpusDir()}`);
  const html = articleToHtml(article).replace('</head>', `${NEWS_STYLE}</head>`);
  return { ...shot, url: server.route(`/news/${shot.id}.html`, html) };
});
const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
type Chrome = typeof import('wxt/browser').browser;
const tabIds = () =>
  browser.evaluateInExtension(async () => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    return (await api.tabs.query({})).map((tab) => tab.id ?? -1);
  });

try {
  const before = new Set(await tabIds());
  const rawPage = await browser.context.newPage();
  await rawPage.emulateMedia({ colorScheme });
  const page = wrapPlaywrightPage(rawPage);
  const pageTab = (await tabIds()).find((id) => !before.has(id));

  /** Opens `url`, hovers the first mark matching `phrase` (in the upper third), and writes `file`. */
  const shootCard = async (url: string, phrase: RegExp, file: string) => {
    await page.goto(url);
    await waitForScan(page);
    const marks = await markedRanges(page);
    const { mark, card } = await hoverToOpenCard(page, phrase);
    await page.screenshot(path.join(outDir, file));
    const size = card.rect ? `${Math.round(card.rect.width)}×${Math.round(card.rect.height)}` : '?';
    console.log(`${file}: ${marks.length} marks; card for “${mark.text}” (${size})`);
    await page.press('Escape');
    await page.mouseMove(2, 2);
  };

  await shootCard(`${server.origin}/index.html`, DEMO_PHRASE, png('demo-card'));
  for (const shot of corpusShots) await shootCard(shot.url, shot.phrase, png(`corpus-${shot.id}-card`));

  // The popup about the demo article's tab, at the size the toolbar gives it.
  await page.goto(`${server.origin}/index.html`);
  await waitForScan(page);
  const popup = await browser.context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`${browser.extensionOrigin}/popup.html?tab=${pageTab}`);
  await popup.waitForSelector('[data-testid=mention-count]');
  await popup.screenshot({ path: path.join(outDir, png('popup')) });
  console.log(`${png('popup')}: ${await popup.locator('[data-testid=mention-count]').textContent()} mentions listed`);
} finally {
  await browser.close();
  await server.close();
}

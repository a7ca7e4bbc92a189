/**
 * `npm run demo` — see Fact Context work: builds the Chrome extension, serves the bundled demo article
 * (assets/demo) on 127.0.0.1 and opens it in Chromium with the extension loaded.
 *
 *   npm run demo                          a Chromium window (needs a display); close it to end
 *   npm run demo -- --screenshot out/     headless: writes screenshots of the marked page and of an open card
 *   npm run demo -- --no-build            reuse the existing build in .output/
 *   npm run demo -- --browser firefox     Firefox ESR instead (headless screenshots only)
 *
 * Without a DISPLAY it runs headless and writes screenshots to out/demo.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser-chromium';
import { launchFirefox } from './lib/browser-firefox';
import { hoverToOpenCard, markedRanges, waitForScan } from './lib/browser-page';
import { DEMO_DIR, REPO_ROOT } from './lib/browsers';
import { startStaticServer } from './lib/static-server';

const { values } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    browser: { type: 'string', default: 'chromium' },
  },
});

const firefox = values.browser === 'firefox';
const headless = values.screenshot !== undefined || !process.env.DISPLAY || firefox;
const outDir = path.resolve(values.screenshot ?? path.join(REPO_ROOT, 'out/demo'));

if (!values['no-build']) {
  console.log('Building the extension…');
  execFileSync('npm', ['run', '--silent', 'compile-pack'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const server = await startStaticServer([DEMO_DIR]);
const url = `${server.origin}/index.html`;
const browser = firefox
  ? await launchFirefox()
  : await launchChromium({ headed: !headless, viewport: { width: 1280, height: 860 } });
const page = await browser.newPage();
try {
  await page.goto(url);
  await waitForScan(page);
  const marks = await markedRanges(page);
  console.log(`${url}: ${marks.length} marked phrases: ${marks.map((mark) => `“${mark.text}”`).join(', ')}`);

  if (!headless) {
    console.log('Hover a marked phrase (or press Alt+Shift+M) to open its card. Close the window to end.');
    await new Promise<void>((resolve) => {
      if ('context' in browser) browser.context.on('close', () => resolve());
      process.on('SIGINT', () => resolve());
    });
  } else {
    mkdirSync(outDir, { recursive: true });
    const suffix = firefox ? '-firefox' : '';
    const markedFile = path.join(outDir, `marked-page${suffix}.png`);
    await page.screenshot(markedFile);
    // Hover "axis of convenience" (on the demo page), else the first mark.
    const { card } = await hoverToOpenCard(page, /axis of convenience/i);
    const cardFile = path.join(outDir, `open-card${suffix}.png`);
    await page.screenshot(cardFile);
    console.log(`Card open for findings ${card.findingIds.join(', ')}.`);
    console.log(`Screenshots:\n  ${markedFile}\n  ${cardFile}`);
  }
} finally {
  await page.close().catch(() => undefined);
  await browser.close();
  await server.close();
}

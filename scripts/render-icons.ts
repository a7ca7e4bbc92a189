/**
 * Renders assets/icon/icon.svg to public/icon/{16,32,48,128}.png (WXT declares public/icon/<size>.png as the
 * manifest's icons). Uses the system Chromium through playwright-core (already a dev dependency; never downloads a
 * browser). Run after changing the SVG and commit the PNGs: `npx tsx scripts/render-icons.ts`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/browsers';

const ROOT = path.resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(path.join(ROOT, 'assets/icon/icon.svg'), 'utf8');
const outDir = path.join(ROOT, 'public/icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    );
    const file = path.join(outDir, `${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(file);
  }
} finally {
  await browser.close();
}

/**
 * The system browsers that every tool here drives — the e2e tests, the browser-mode unit tests, `npm run demo`,
 * `npm run bench` — and the flags that keep them quiet and offline. Never a downloaded browser
 * (see ../shared/browser-testing.md). No side effects: vitest.config.ts imports this file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Repository root (this file is scripts/lib/browsers.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The unpacked builds (`npm run build`) that the e2e tests and the demo load. */
export const CHROME_EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output/firefox-mv3');
/** The bundled demo article that `npm run demo` opens and the e2e tests read. */
export const DEMO_DIR = path.join(REPO_ROOT, 'assets/demo');

/**
 * Flags for every Chromium launch: no sandbox (we run as root in CI), no GPU, /tmp instead of a small /dev/shm, and
 * none of the background traffic (updates, sync, metrics) with which Chromium keeps trying to reach the internet.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

/** Chromium's new headless mode, the one that runs extensions: launch with Playwright's `headless: false` and this. */
export const CHROMIUM_HEADLESS_ARG = '--headless=new';

/** Loads one unpacked extension, and no other. */
export function loadExtensionArgs(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}

/** Must equal GECKO_ID in wxt.config.ts (not imported: that file pulls in the whole WXT config toolchain). */
const GECKO_ID = 'fact-context@fact-context.dev';
/** Pinned so that tests can open moz-extension:// pages at a known origin. */
export const FIREFOX_EXTENSION_UUID = '7c1f3c9e-4a55-4d0b-9a8e-2f1d6c0b5a11';

/** Prefs that keep Firefox offline and quiet, and pin the extension's UUID. */
export const FIREFOX_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
};

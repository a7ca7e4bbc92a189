import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtensionBrowser } from './types';

export * from './types';
export * from './paths';
export { startStaticServer, type StaticServer } from './server';
export { launchChromium } from './chromium';
export { launchFirefox } from './firefox';
export * from './page-helpers';
export * from './fixtures';
export * from './settings';
export * from './messages';

/**
 * For afterAll: what beforeAll assigns is typed as set, but it is still undefined when beforeAll failed before
 * assigning it, and the clean-up must not throw over that. `await ifSet(browser)?.close()`.
 */
export const ifSet = <T>(value: T): T | undefined => value;

/** Both browsers unless FACT_CONTEXT_BROWSERS narrows it (e.g. `chromium`). */
export const BROWSERS: BrowserName[] = (process.env.FACT_CONTEXT_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

export function launchBrowser(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
export * from './extension-pages';

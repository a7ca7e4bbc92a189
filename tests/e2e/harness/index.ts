import { launchChromium } from '../../../scripts/lib/browser-chromium';
import { launchFirefox } from '../../../scripts/lib/browser-firefox';
import type { BrowserName, ExtensionBrowser } from '../../../scripts/lib/browser-types';

// The launchers, page operations, overlay helpers and static server live in scripts/lib (the demo uses them too).
export * from '../../../scripts/lib/browser-types';
export * from '../../../scripts/lib/browser-page';
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/lib/browsers';
export { tempProfile } from '../../../scripts/lib/browser-profile';
export { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server';
export { launchChromium } from '../../../scripts/lib/browser-chromium';
export { launchFirefox } from '../../../scripts/lib/browser-firefox';
export * from './paths';
export { markedAfterChange } from './settled';
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

import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtensionBrowser } from './types';

export * from './types';
export * from './paths';
export { startStaticServer, type StaticServer } from './server';
export { launchChromium } from './chromium';
export { launchFirefox, FIREFOX_EXTENSION_UUID } from './firefox';
export * from './page-helpers';
export * from './fixtures';
export * from './settings';
export * from './messages';

/** Both browsers unless FACT_CONTEXT_BROWSERS narrows it (e.g. `chromium`). */
export const BROWSERS: BrowserName[] = (process.env.FACT_CONTEXT_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

export function launchBrowser(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
export * from './extension-pages';

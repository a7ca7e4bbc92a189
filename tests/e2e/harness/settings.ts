import { SETTINGS_VERSION } from '../../../src/settings/migrations';
import { defaultSettings, type Settings } from '../../../src/settings/schema';
import type { ExtensionBrowser } from '../../../scripts/lib/browser-types';

/**
 * Writes the extension's settings item (`local:settings`, the current storage format of src/settings) from an
 * extension page, as the popup or options page would: the defaults with `settings` on top. Every context of the
 * extension watches it and reacts at once.
 */
export async function writeSettings(browser: ExtensionBrowser, settings: Partial<Settings>): Promise<void> {
  const value: Settings = { ...defaultSettings(), ...settings };
  await browser.evaluateInExtension(
    ({ value, version }) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ settings: value, settings$: { v: version } }),
    { value, version: SETTINGS_VERSION },
  );
}

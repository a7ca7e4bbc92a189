import type { ExtensionBrowser } from './types';

/**
 * Writes the extension's settings item (`local:settings`, format v2 of src/settings) from an extension page, as
 * the popup or options page would. Every context of the extension watches it and reacts at once.
 */
export async function writeSettings(
  browser: ExtensionBrowser,
  settings: { enabled?: boolean; sites?: Record<string, boolean>; cardOpen?: 'hover' | 'click'; markStyle?: string },
): Promise<void> {
  const value = { enabled: true, sites: {}, cardOpen: 'hover', markStyle: 'underline', ...settings };
  await browser.evaluateInExtension(
    (value) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ settings: value, settings$: { v: 2 } }),
    value,
  );
}

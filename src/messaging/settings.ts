import { browser } from 'wxt/browser';
import type { Settings } from '../settings/schema';
import { SETTINGS_KEY } from '../settings/storage-key';
import { sendMessage } from './protocol';

/**
 * Settings in the engine's content script, through the background: it reads, migrates and cleans the stored value
 * (src/settings/storage.ts, with valibot and WXT's storage), so the script injected into every page that passes
 * does not bundle them. Changes still act at once: the script hears `storage.onChanged` itself and asks again.
 */
export function readSettings(): Promise<Settings> {
  return sendMessage('readSettings', undefined);
}

/** Calls back with the cleaned settings after every change of the stored item. Stops with `signal`. */
export function watchSettingsRemotely(signal: AbortSignal, onChange: (settings: Settings) => void): void {
  let asked = 0;
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const ask = ++asked;
    readSettings().then(
      // Two changes in a row: only the answer to the last question counts (it reflects both).
      (settings) => ask === asked && !signal.aborted && onChange(settings),
      () => undefined, // the extension went away (reloaded or removed): the content script is invalidated
    );
  };
  browser.storage.onChanged.addListener(onStorageChange);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.storage.onChanged.removeListener(onStorageChange);
      } catch {
        // The extension was reloaded or removed: its storage listener went with it ("Extension context invalidated").
      }
    },
    { once: true },
  );
}

/** Read, change, write — the background cleans what it writes; every context hears the change. */
export async function updateSettingsRemotely(change: (current: Settings) => Settings): Promise<Settings> {
  return sendMessage('writeSettings', change(await readSettings()));
}

import { browser } from 'wxt/browser';
import type { Settings } from '../settings/schema';
import { SETTINGS_KEY } from '../settings/storage-key';
import { sendMessage } from './protocol';
import { isObject, readWorldGlobal, writeWorldGlobal } from './world-global';

/**
 * Settings in the engine's content script, through the background: it reads, migrates and cleans the stored value
 * (src/settings/storage.ts, with valibot and WXT's storage), so the script injected into every page that passes
 * does not bundle them. Changes still act at once: the script hears `storage.onChanged` itself and asks again.
 */
export function readSettings(): Promise<Settings> {
  return sendMessage('readSettings', undefined);
}

/**
 * Where the background leaves the settings it read to decide on injecting the engine (src/background/
 * engine-injection.ts runs leaveHandedSettings with them in the frame along with the engine's file): a property of
 * the content scripts' global object (src/messaging/world-global.ts), which the page's scripts do not see.
 */
export const HANDED_SETTINGS_KEY = '__factContextSettings';

/**
 * What an engine leaves at HANDED_SETTINGS_KEY when it takes its settings: this world has had an engine. A hand-off
 * that arrives after that (its function ran after the engine's file) is for no one and is not left, so a later
 * engine in the same world (after an extension reload) finds nothing and asks for the settings itself.
 */
export const ENGINE_STARTED = 'engine started';

/**
 * The hand-off itself, run in the frame by `scripting.executeScript` (serialized: it uses nothing but its arguments,
 * HANDED_SETTINGS_KEY and ENGINE_STARTED).
 */
export function leaveHandedSettings(key: string, started: string, settings: Settings): void {
  const global = globalThis as Record<string, unknown>;
  if (global[key] !== started) global[key] = settings;
}

/**
 * The settings the background handed over with this injection (taken: read once), if any; marks the world as having
 * an engine. They are as old as the injection: the caller confirms them with `watchSettingsRemotely(…, { now: true })`.
 */
export function takeHandedSettings(): Settings | undefined {
  const handed = readWorldGlobal(HANDED_SETTINGS_KEY, (value): value is Settings => isObject(value));
  writeWorldGlobal(HANDED_SETTINGS_KEY, ENGINE_STARTED);
  return handed;
}

/**
 * Calls back with the cleaned settings after every change of the stored item (and, with `now`, once as soon as they
 * are read now: a change between an earlier read and this watch is not missed). Stops with `signal`.
 */
export function watchSettingsRemotely(
  signal: AbortSignal,
  onChange: (settings: Settings) => void,
  options: { now?: boolean } = {},
): void {
  let asked = 0;
  const ask = () => {
    const question = ++asked;
    readSettings().then(
      // Two changes in a row: only the answer to the last question counts (it reflects both).
      (settings) => question === asked && !signal.aborted && onChange(settings),
      () => undefined, // the extension went away (reloaded or removed): the content script is invalidated
    );
  };
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) ask();
  };
  browser.storage.onChanged.addListener(onStorageChange);
  if (options.now) ask();
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

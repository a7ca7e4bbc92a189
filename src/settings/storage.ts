import { storage } from 'wxt/utils/storage';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { sanitizeSettings, type SanitizeResult } from './sanitize';
import { SETTINGS_KEY } from './storage-key';
import { defaultSettings, type Settings } from './schema';

/**
 * The raw storage item. Its value may be anything another version, a bug or a person put there, hence `unknown`:
 * read it through getSettings / watchSettings, which always give valid Settings.
 */
export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
  fallback: null,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function getSettings(): Promise<Settings> {
  return (await getSettingsWithProblems()).settings;
}

/** Valid settings plus what was wrong with the stored value (the options page shows it). Never throws. */
export async function getSettingsWithProblems(): Promise<SanitizeResult> {
  try {
    return sanitizeSettings(await settingsItem.getValue());
  } catch (error) {
    return { settings: defaultSettings(), problems: [`settings could not be read: ${String(error)}`] };
  }
}

/** Calls back with valid Settings on every change, from any context. Returns the function that stops watching. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(sanitizeSettings(raw).settings));
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/**
 * Read, change, write. Values that were corrupt in storage are written back as their defaults; all valid values,
 * including every valid site rule, are kept.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await getSettings());
  await saveSettings(next);
  return next;
}

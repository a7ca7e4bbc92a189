/**
 * The storage key of the settings item (in `browser.storage.local`). Its own module so that the engine's content
 * script, which hears `storage.onChanged` for it (src/messaging/settings.ts), does not bundle WXT's storage and
 * valibot with src/settings/storage.ts.
 */
export const SETTINGS_KEY = 'settings';

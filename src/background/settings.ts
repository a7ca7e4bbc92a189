import { onMessage } from '../messaging/protocol';
import { getSettings, saveSettings, sanitizeSettings } from '../settings';

/**
 * Reads and writes settings for the engine's content script (src/messaging/settings.ts), which leaves WXT's storage,
 * the migrations and the valibot cleaning to the background.
 */
export function serveSettings(): void {
  onMessage('readSettings', () => getSettings());
  onMessage('writeSettings', async ({ data }) => {
    // A message is untrusted data: what is written is cleaned field by field, like a stored value that is read.
    const { settings } = sanitizeSettings(data);
    await saveSettings(settings);
    return settings;
  });
}

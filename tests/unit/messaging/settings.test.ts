/** Settings in the engine's content script, through the background: the real handlers, the one message map. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveSettings } from '../../../src/background/settings';
import { readSettings, updateSettingsRemotely, watchSettingsRemotely } from '../../../src/messaging/settings';
import { DEFAULT_SETTINGS, getSettings, hidePhrase, saveSettings, type Settings } from '../../../src/settings';

// The background's handlers, as startBackground() registers them (one listener per context: once per file).
serveSettings();

describe('settings through the background', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.local.clear();
  });

  it('reads the stored settings cleaned: a corrupt field gets its default, the others are kept', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, cardOpen: 'never', hoverDelayMs: 800 } });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 800 });
  });

  it('writes a change, cleaning what the message carries', async () => {
    const next = await updateSettingsRemotely((s) => ({
      ...hidePhrase(s, 'axis of convenience'),
      markStyle: 'bold' as never,
    }));
    expect(next).toEqual({ ...hidePhrase(DEFAULT_SETTINGS, 'axis of convenience') });
    expect(await getSettings()).toEqual(next);
  });

  it('tells the content script about every change at once, until its signal aborts', async () => {
    const seen: Settings[] = [];
    const abort = new AbortController();
    watchSettingsRemotely(abort.signal, (settings) => seen.push(settings));
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await expect.poll(() => seen.map((s) => s.enabled)).toEqual([false]);
    abort.abort();
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: true });
    expect(await readSettings()).toMatchObject({ enabled: true });
    expect(seen.map((s) => s.enabled)).toEqual([false]);
  });
});

/** Settings in the engine's content script, through the background: the real handlers, the one message map. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveSettings } from '../../../src/background/settings';
import {
  HANDED_SETTINGS_KEY,
  readSettings,
  takeHandedSettings,
  updateSettingsRemotely,
  watchSettingsRemotely,
} from '../../../src/messaging/settings';
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

  it('with `now`, reads them once at once too: a change made before the watch began is not missed', async () => {
    const seen: Settings[] = [];
    const abort = new AbortController();
    // The background read the settings for the injection; then the reader switched it off, before this watch.
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    watchSettingsRemotely(abort.signal, (settings) => seen.push(settings), { now: true });
    await expect.poll(() => seen.map((s) => s.enabled)).toEqual([false]);
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: true });
    await expect.poll(() => seen.map((s) => s.enabled)).toEqual([false, true]);
    abort.abort();
  });

  it('the settings handed over with the injection are taken once', () => {
    expect(takeHandedSettings()).toBeUndefined();
    (globalThis as Record<string, unknown>)[HANDED_SETTINGS_KEY] = { ...DEFAULT_SETTINGS, hoverDelayMs: 900 };
    expect(takeHandedSettings()).toMatchObject({ hoverDelayMs: 900 });
    expect(takeHandedSettings()).toBeUndefined();
  });
});

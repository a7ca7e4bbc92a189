import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  getSettingsWithProblems,
  sanitizeSettings,
  setSiteEnabled,
  settingsItem,
  updateSettings,
  watchSettings,
  SETTINGS_VERSION,
  type Settings,
} from '../../../src/settings';

const KEY = 'settings';

async function storeRaw(value: unknown, version?: number) {
  await fakeBrowser.storage.local.set({ [KEY]: value, ...(version ? { [`${KEY}$`]: { v: version } } : {}) });
}

describe('settings in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('gives the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await getSettingsWithProblems()).problems).toEqual([]);
  });

  it('round-trips a change and records the current version', async () => {
    await updateSettings((s) => setSiteEnabled({ ...s, cardOpen: 'click' }, 'https://example.com/', false));
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, cardOpen: 'click', sites: { 'example.com': false } });
    const stored = await fakeBrowser.storage.local.get([KEY, `${KEY}$`]);
    expect(stored[`${KEY}$`]).toEqual({ v: SETTINGS_VERSION });
  });

  it('tells watchers about changes with cleaned values', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await storeRaw({ enabled: false, cardOpen: 42 }, SETTINGS_VERSION);
    stop();
    await storeRaw({ enabled: true }, SETTINGS_VERSION);
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, enabled: false }]);
  });
});

describe('corrupt or foreign stored values', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each<[string, unknown]>([
    ['a string', 'hello'],
    ['a number', 7],
    ['a list', [1, 2]],
    ['true', true],
  ])('%s → defaults, with a problem noted, no throw', async (_, raw) => {
    await storeRaw(raw, SETTINGS_VERSION);
    const { settings, problems } = await getSettingsWithProblems();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  it('replaces only the bad fields and keeps the good ones', async () => {
    await storeRaw(
      {
        enabled: 'yes',
        cardOpen: 'click',
        markStyle: 'neon',
        sites: { 'a.org': false, 'b.org': 'no', 'not a host': false },
      },
      SETTINGS_VERSION,
    );
    const { settings, problems } = await getSettingsWithProblems();
    expect(settings).toEqual({ enabled: true, cardOpen: 'click', markStyle: 'underline', sites: { 'a.org': false } });
    expect(problems.join('\n')).toMatch(/enabled/);
    expect(problems.join('\n')).toMatch(/markStyle/);
    expect(problems.join('\n')).toMatch(/b\.org/);
    expect(problems.join('\n')).toMatch(/not a host/);
  });

  it('a sites value that is not an object falls back alone', () => {
    const { settings } = sanitizeSettings({ sites: ['a.org'], markStyle: 'dotted' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'dotted' });
  });

  it('normalizes stored keys (www., case) instead of dropping them', () => {
    expect(sanitizeSettings({ sites: { 'WWW.Example.com': false } }).settings.sites).toEqual({ 'example.com': false });
  });

  it('a change written over a corrupt value keeps every valid setting', async () => {
    await storeRaw({ enabled: 3, markStyle: 'highlight', sites: { 'a.org': false } }, SETTINGS_VERSION);
    await updateSettings((s) => setSiteEnabled(s, 'https://b.org/', false));
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      markStyle: 'highlight',
      sites: { 'a.org': false, 'b.org': false },
    });
    expect((await getSettingsWithProblems()).problems).toEqual([]);
  });

  it('ignores unknown keys but reports them', () => {
    const { settings, problems } = sanitizeSettings({ enabled: false, theme: 'dark' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(problems).toEqual(['unknown setting "theme" ignored']);
  });

  it('does not take keys from the prototype chain', () => {
    const { settings } = sanitizeSettings(
      JSON.parse('{"__proto__": {"enabled": false}, "sites": {"__proto__": false}}'),
    );
    expect(settings.enabled).toBe(true);
    expect(Object.keys(settings.sites)).toEqual([]);
  });
});

describe('migrations', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('migrates a v1 block list to v2 site rules', async () => {
    await storeRaw({ enabled: true, disabledSites: ['www.example.com', 'news.org'], openOn: 'click' }, 1);
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get([KEY, `${KEY}$`]);
    expect(stored[`${KEY}$`]).toEqual({ v: 2 });
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      cardOpen: 'click',
      sites: { 'example.com': false, 'news.org': false },
    });
  });

  it('treats a value without version metadata as v1', async () => {
    await storeRaw({ disabledSites: ['a.org'] });
    await settingsItem.migrate();
    expect((await getSettings()).sites).toEqual({ 'a.org': false });
  });

  it('survives a corrupt v1 value: migrates what it can, cleans the rest', async () => {
    await storeRaw({ disabledSites: ['a.org', 5, null], openOn: 'sometimes' }, 1);
    await settingsItem.migrate();
    const { settings, problems } = await getSettingsWithProblems();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sites: { 'a.org': false } });
    expect(problems.join('\n')).toMatch(/cardOpen/);
  });

  it('leaves a v2 value as it is', async () => {
    const v2 = { enabled: false, sites: { 'a.org': true }, cardOpen: 'hover', markStyle: 'dotted' };
    await storeRaw(v2, 2);
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(v2);
  });
});

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
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, cardOpen: 'click', sites: { 'a.org': false } });
    expect(problems.join('\n')).toMatch(/enabled/);
    expect(problems.join('\n')).toMatch(/markStyle/);
    expect(problems.join('\n')).toMatch(/b\.org/);
    expect(problems.join('\n')).toMatch(/not a host/);
  });

  it('a sites value that is not an object falls back alone', () => {
    const { settings } = sanitizeSettings({ sites: ['a.org'], markStyle: 'highlight' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'highlight' });
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

  it('cleans the v3 fields one by one, and each list entry on its own', () => {
    const wrong = {
      phrase: 'x',
      sentence: 'An x.',
      findingId: 'no-limits',
      site: 'a.org',
      at: '2026-12-01T10:00:00.000Z',
    };
    const { settings, problems } = sanitizeSettings({
      siteMode: 'listed',
      hoverDelayMs: 20,
      quietKey: 'Tab',
      hiddenPhrases: ['economic growth', 7, '', 'ties with Europe'],
      hiddenFindings: 'dual-use',
      wrongMarks: [wrong, { ...wrong, at: 'never' }, null],
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      siteMode: 'listed',
      hiddenPhrases: ['economic growth', 'ties with Europe'],
      wrongMarks: [wrong],
    });
    const text = problems.join('\n');
    for (const name of [
      'hoverDelayMs',
      'quietKey',
      'hiddenPhrases[1]',
      'hiddenPhrases[2]',
      'hiddenFindings',
      'wrongMarks[1]',
      'wrongMarks[2]',
    ])
      expect(text).toContain(name);
    expect(problems).toHaveLength(7);
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
    expect(stored[`${KEY}$`]).toEqual({ v: SETTINGS_VERSION });
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

  it('migrates a v2 value to v3: a block list, its values kept, the new fields at their defaults', async () => {
    const v2 = { enabled: false, sites: { 'a.org': true, 'b.org': false }, cardOpen: 'click', markStyle: 'underline' };
    await storeRaw(v2, 2);
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get([KEY, `${KEY}$`]);
    expect(stored[`${KEY}$`]).toEqual({ v: 3 });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, ...v2, siteMode: 'all' });
    expect((await getSettingsWithProblems()).problems).toEqual([]);
  });

  it('survives a v2 value that is not an object', async () => {
    await storeRaw('garbage', 2);
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves a v3 value as it is', async () => {
    const v3: Settings = {
      ...DEFAULT_SETTINGS,
      siteMode: 'listed',
      sites: { 'a.org': true },
      hoverDelayMs: 900,
      hiddenPhrases: ['economic growth'],
    };
    await storeRaw(v3, 3);
    await settingsItem.migrate();
    expect(await getSettings()).toEqual(v3);
  });
});

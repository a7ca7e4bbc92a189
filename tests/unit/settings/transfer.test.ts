import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  exportSettings,
  isSiteEnabled,
  parseSettingsFile,
  type Settings,
} from '../../../src/settings';

const good: Settings = {
  enabled: false,
  siteMode: 'listed',
  sites: { 'example.com': true, 'news.example.com': false },
  cardOpen: 'click',
  hoverDelayMs: 800,
  quietKey: 'Shift',
  markStyle: 'highlight',
  hiddenPhrases: ['economic growth'],
  hiddenFindings: ['dual-use'],
  wrongMarks: [
    {
      phrase: 'no limits',
      sentence: 'There are no limits to what the club can achieve.',
      findingId: 'no-limits',
      site: 'example.com',
      at: '2026-12-01T21:00:00.000Z',
    },
  ],
};

const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'fact-context-settings', version: 3, settings, ...extra });

describe('settings file', () => {
  it('round-trips an export', () => {
    expect(parseSettingsFile(exportSettings(good))).toEqual(good);
  });

  it('writes the current version and keeps the wrong-mark records in the file', () => {
    const json = JSON.parse(exportSettings(good)) as { version: number; settings: Settings };
    expect(json.version).toBe(3);
    expect(json.settings.wrongMarks).toEqual(good.wrongMarks);
  });

  it('imports a v2 file as a block list with the new fields at their defaults', () => {
    const v2 = { enabled: true, sites: { 'a.org': false }, cardOpen: 'click', markStyle: 'underline' };
    expect(parseSettingsFile(file(v2, { version: 2 }))).toEqual({
      ...DEFAULT_SETTINGS,
      sites: { 'a.org': false },
      cardOpen: 'click',
      markStyle: 'underline',
    });
  });

  it('imports a v1 file through the migrations', () => {
    const v1 = { enabled: true, disabledSites: ['a.org'], openOn: 'hover', markStyle: 'dotted' };
    expect(parseSettingsFile(file(v1, { version: 1 }))).toEqual({ ...DEFAULT_SETTINGS, sites: { 'a.org': false } });
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format": ', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a JSON list', '[1,2]', /not a Fact Context settings file/],
    ['another extension’s file', '{"theme":"dark","rules":[]}', /not a Fact Context settings file: it has no "format"/],
    ['a wrong format name', JSON.stringify({ format: 'ublock', version: 1, settings: {} }), /"format" is "ublock"/],
    ['a newer version', file(good, { version: 99 }), /newer Fact Context/],
    ['a non-integer version', file(good, { version: 'two' }), /"version" is invalid/],
    ['a missing field', file({ ...good, markStyle: undefined }), /settings\.markStyle/],
    [
      'a bad value',
      file({ ...good, cardOpen: 'sometimes' }),
      /"settings\.cardOpen": cardOpen must be one of: hover, click/,
    ],
    ['a bad site rule', file({ ...good, sites: { 'a.org': 'off' } }), /"settings\.sites\.a\.org"/],
    ['a bad site name', file({ ...good, sites: { 'not a host': false } }), /Invalid site "not a host"/],
    ['an unknown setting', file({ ...good, colour: 'red' }), /settings\.colour/],
    [
      'a bad site mode',
      file({ ...good, siteMode: 'some' }),
      /"settings\.siteMode": siteMode must be one of: all, listed/,
    ],
    ['a hover delay too short', file({ ...good, hoverDelayMs: 5 }), /"settings\.hoverDelayMs": .*at least 100/],
    ['a hover delay as text', file({ ...good, hoverDelayMs: '500' }), /"settings\.hoverDelayMs"/],
    ['a bad quiet key', file({ ...good, quietKey: 'CapsLock' }), /"settings\.quietKey"/],
    ['an empty hidden phrase', file({ ...good, hiddenPhrases: ['  '] }), /"settings\.hiddenPhrases\.0"/],
    ['hidden findings not a list', file({ ...good, hiddenFindings: 'dual-use' }), /"settings\.hiddenFindings"/],
    ['a bad finding id', file({ ...good, hiddenFindings: ['<b>'] }), /"settings\.hiddenFindings\.0"/],
    [
      'a wrong mark without its sentence',
      file({ ...good, wrongMarks: [{ ...good.wrongMarks[0], sentence: undefined }] }),
      /"settings\.wrongMarks\.0\.sentence"/,
    ],
    [
      'a wrong mark with a bad date',
      file({ ...good, wrongMarks: [{ ...good.wrongMarks[0], at: 'yesterday' }] }),
      /"settings\.wrongMarks\.0\.at"/,
    ],
    [
      'a wrong mark with an extra field',
      file({ ...good, wrongMarks: [{ ...good.wrongMarks[0], url: 'https://example.com/private' }] }),
      /"settings\.wrongMarks\.0\.url"/,
    ],
    [
      'too many hidden phrases',
      file({ ...good, hiddenPhrases: Array.from({ length: 501 }, (_, i) => `p${i}`) }),
      /at most 500/,
    ],
  ])('rejects %s with a specific message', (_, text, message) => {
    expect(() => parseSettingsFile(text)).toThrow(message);
  });
});

describe('settings file fixtures (tests/fixtures/settings)', () => {
  const dir = fileURLToPath(new URL('../../fixtures/settings/', import.meta.url));
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));

  it('has valid and invalid fixtures', () => {
    expect(names.filter((n) => n.startsWith('valid-')).length).toBeGreaterThanOrEqual(3);
    expect(names.filter((n) => n.startsWith('invalid-')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(names.filter((n) => n.startsWith('valid-')))('%s imports, and its export imports to the same', (name) => {
    const settings = parseSettingsFile(readFileSync(`${dir}${name}`, 'utf8'));
    expect(parseSettingsFile(exportSettings(settings))).toEqual(settings);
  });

  it.each(names.filter((n) => n.startsWith('invalid-')))('%s is refused with a message naming the field', (name) => {
    expect(() => parseSettingsFile(readFileSync(`${dir}${name}`, 'utf8'))).toThrow(/"settings\.[a-zA-Z]+/);
  });

  it('valid-v1.json and valid-v2.json keep their meaning', () => {
    expect(parseSettingsFile(readFileSync(`${dir}valid-v1.json`, 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      sites: { 'example.com': false },
      cardOpen: 'click',
      markStyle: 'highlight',
    });
    const v2 = parseSettingsFile(readFileSync(`${dir}valid-v2.json`, 'utf8'));
    expect(v2.siteMode).toBe('all');
    expect(isSiteEnabled('https://example.com/', v2)).toBe(false);
    expect(isSiteEnabled('https://other.org/', v2)).toBe(true);
  });
});

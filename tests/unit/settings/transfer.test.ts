import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsFile, type Settings } from '../../../src/settings';

const good: Settings = {
  enabled: false,
  sites: { 'example.com': false, 'news.example.com': true },
  cardOpen: 'click',
  markStyle: 'dotted',
};

const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'fact-context-settings', version: 2, settings, ...extra });

describe('settings file', () => {
  it('round-trips an export', () => {
    expect(parseSettingsFile(exportSettings(good))).toEqual(good);
  });

  it('imports a v1 file through the migrations', () => {
    const v1 = { enabled: true, disabledSites: ['a.org'], openOn: 'hover', markStyle: 'underline' };
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
  ])('rejects %s with a specific message', (_, text, message) => {
    expect(() => parseSettingsFile(text)).toThrow(message);
  });
});

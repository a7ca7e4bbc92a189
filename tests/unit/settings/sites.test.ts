import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  displaySite,
  isSiteEnabled,
  normalizeSiteInput,
  removeSiteRule,
  setSiteEnabled,
  siteKeyFor,
  siteState,
  type Settings,
} from '../../../src/settings';

const withSites = (sites: Record<string, boolean>, enabled = true): Settings => ({
  ...defaultSettings(),
  enabled,
  sites,
});
const listed = (sites: Record<string, boolean>, enabled = true): Settings => ({
  ...withSites(sites, enabled),
  siteMode: 'listed',
});

describe('siteKeyFor', () => {
  it.each([
    ['https://example.com/a?b#c', 'example.com'],
    ['https://www.example.com/', 'example.com'],
    ['http://WWW.Example.COM./', 'example.com'],
    ['https://news.example.com/x', 'news.example.com'],
    ['https://www.news.example.com/x', 'news.example.com'],
    ['http://example.com:8080/', 'example.com'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
    ['https://xn--bcher-kva.de/', 'xn--bcher-kva.de'],
    ['http://localhost:3000/', 'localhost'],
    ['http://127.0.0.1:8000/', '127.0.0.1'],
    ['http://[::1]:8000/', '[::1]'],
    ['https://www./', 'www'],
    ['file:///home/me/article.html', null],
    ['about:blank', null],
    ['chrome://extensions/', null],
    ['moz-extension://abc/popup.html', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (url, key) => {
    expect(siteKeyFor(url)).toBe(key);
  });
});

describe('isSiteEnabled', () => {
  it.each<[string, string, Record<string, boolean>, boolean]>([
    ['no rules: on', 'https://example.com/', {}, true],
    ['own rule off', 'https://example.com/', { 'example.com': false }, false],
    ['www. is the same site', 'https://www.example.com/', { 'example.com': false }, false],
    ['port is the same site', 'https://example.com:8443/', { 'example.com': false }, false],
    ['http and https are one site', 'http://example.com/', { 'example.com': false }, false],
    ['subdomain inherits', 'https://news.example.com/', { 'example.com': false }, false],
    ['deep subdomain inherits', 'https://a.b.example.com/', { 'example.com': false }, false],
    ['most specific rule wins', 'https://news.example.com/', { 'example.com': false, 'news.example.com': true }, true],
    ['sibling not affected', 'https://sport.example.com/', { 'news.example.com': false }, true],
    ['parent not affected by child rule', 'https://example.com/', { 'news.example.com': false }, true],
    ['suffix is not a parent', 'https://notexample.com/', { 'example.com': false }, true],
    ['IDN in Unicode matches punycode rule', 'https://bücher.de/', { 'xn--bcher-kva.de': false }, false],
    ['IDN subdomain inherits', 'https://shop.bücher.de/', { 'xn--bcher-kva.de': false }, false],
    ['IP exact', 'http://10.0.0.1/', { '10.0.0.1': false }, false],
    ['IP has no parents', 'http://10.0.0.1/', { '0.0.1': false, '1': false }, true],
    ['file: never', 'file:///tmp/a.html', {}, false],
    ['about: never', 'about:blank', {}, false],
    ['browser page never', 'chrome://settings', {}, false],
    ['garbage never', '::::', {}, false],
  ])('%s', (_, url, sites, expected) => {
    expect(isSiteEnabled(url, withSites(sites))).toBe(expected);
  });

  it('is off everywhere when the global switch is off, whatever the rules', () => {
    expect(isSiteEnabled('https://example.com/', withSites({ 'example.com': true }, false))).toBe(false);
  });
});

describe('isSiteEnabled in the allow-list mode ("only on sites I list")', () => {
  it.each<[string, string, Record<string, boolean>, boolean]>([
    ['no rules: off', 'https://example.com/', {}, false],
    ['listed site on', 'https://example.com/', { 'example.com': true }, true],
    ['www. of a listed site on', 'https://www.example.com/', { 'example.com': true }, true],
    ['subdomain of a listed site on', 'https://news.example.com/', { 'example.com': true }, true],
    [
      'a subdomain switched off below a listed domain',
      'https://sport.example.com/',
      { 'example.com': true, 'sport.example.com': false },
      false,
    ],
    ['its sibling still on', 'https://news.example.com/', { 'example.com': true, 'sport.example.com': false }, true],
    ['a listed subdomain does not list its parent', 'https://example.com/', { 'news.example.com': true }, false],
    ['an unlisted site off', 'https://other.org/', { 'example.com': true }, false],
    ['suffix is not a parent', 'https://notexample.com/', { 'example.com': true }, false],
    ['a leftover off rule changes nothing', 'https://a.org/', { 'a.org': false }, false],
    ['IDN listed in punycode', 'https://bücher.de/', { 'xn--bcher-kva.de': true }, true],
    ['IP exact', 'http://10.0.0.1/', { '10.0.0.1': true }, true],
    ['file: never', 'file:///tmp/a.html', { localhost: true }, false],
    ['browser page never', 'chrome://settings', {}, false],
  ])('%s', (_, url, sites, expected) => {
    expect(isSiteEnabled(url, listed(sites))).toBe(expected);
  });

  it('is off everywhere when the global switch is off', () => {
    expect(isSiteEnabled('https://example.com/', listed({ 'example.com': true }, false))).toBe(false);
  });

  it('switching a site on lists it; switching it off again removes the rule', () => {
    const on = setSiteEnabled(listed({}), 'https://www.example.com/a', true);
    expect(on.sites).toEqual({ 'example.com': true });
    expect(setSiteEnabled(on, 'https://example.com/', false).sites).toEqual({});
  });

  it('switching off a subdomain of a listed site keeps an off rule for it', () => {
    const next = setSiteEnabled(listed({ 'example.com': true }), 'https://sport.example.com/', false);
    expect(next.sites).toEqual({ 'example.com': true, 'sport.example.com': false });
  });

  it('the same rules mean the other thing when the mode changes, and come back when it changes back', () => {
    const rules = { 'example.com': false };
    expect(isSiteEnabled('https://other.org/', withSites(rules))).toBe(true);
    expect(isSiteEnabled('https://other.org/', listed(rules))).toBe(false);
  });
});

describe('siteState', () => {
  it.each<[string, string, Settings, ReturnType<typeof siteState>]>([
    ['default on', 'https://a.org/', withSites({}), { on: true, because: 'default', siteKey: 'a.org' }],
    ['default off (listed)', 'https://a.org/', listed({}), { on: false, because: 'default', siteKey: 'a.org' }],
    [
      'a parent rule',
      'https://news.a.org/',
      listed({ 'a.org': true }),
      { on: true, because: 'rule', ruleKey: 'a.org', siteKey: 'news.a.org' },
    ],
    [
      'global off',
      'https://a.org/',
      withSites({ 'a.org': true }, false),
      { on: false, because: 'global-off', siteKey: 'a.org' },
    ],
    ['not a site', 'about:blank', withSites({}), null],
  ])('%s', (_, url, settings, expected) => {
    expect(siteState(url, settings)).toEqual(expected);
  });
});

describe('setSiteEnabled', () => {
  it('switches a site off by its key', () => {
    expect(setSiteEnabled(withSites({}), 'https://www.example.com/page', false).sites).toEqual({
      'example.com': false,
    });
  });

  it('switching back on removes a rule nothing above needs', () => {
    expect(setSiteEnabled(withSites({ 'example.com': false }), 'https://example.com/', true).sites).toEqual({});
  });

  it('keeps an explicit on-rule below a switched-off parent', () => {
    const next = setSiteEnabled(withSites({ 'example.com': false }), 'https://news.example.com/', true);
    expect(next.sites).toEqual({ 'example.com': false, 'news.example.com': true });
    expect(isSiteEnabled('https://news.example.com/', next)).toBe(true);
    expect(isSiteEnabled('https://example.com/', next)).toBe(false);
  });

  it('accepts a typed host and leaves other settings alone', () => {
    const before = { ...withSites({ 'a.org': false }), cardOpen: 'click' as const };
    const next = setSiteEnabled(before, 'Bücher.de', false);
    expect(next).toEqual({ ...before, sites: { 'a.org': false, 'xn--bcher-kva.de': false } });
    expect(before.sites).toEqual({ 'a.org': false });
  });

  it('refuses a page that is not a web site', () => {
    expect(() => setSiteEnabled(withSites({}), 'about:blank', false)).toThrow(/Not a web site/);
  });

  it('removeSiteRule removes exactly that rule', () => {
    expect(removeSiteRule(withSites({ 'a.org': false, 'b.org': true }), 'a.org').sites).toEqual({ 'b.org': true });
  });
});

describe('normalizeSiteInput and displaySite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  https://www.Example.com/news  ', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['', null],
    ['two words', null],
    ['exa_mple.com', null],
    ['ftp://example.com', null],
  ])('%j → %j', (input, key) => {
    expect(normalizeSiteInput(input)).toBe(key);
  });

  it('shows punycode hosts in their own script', () => {
    expect(displaySite('xn--bcher-kva.de')).toBe('bücher.de');
    expect(displaySite('example.com')).toBe('example.com');
  });
});

import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  displaySite,
  isSiteEnabled,
  normalizeSiteInput,
  removeSiteRule,
  setSiteEnabled,
  siteKeyFor,
  type Settings,
} from '../../../src/settings';

const withSites = (sites: Record<string, boolean>, enabled = true): Settings => ({
  ...defaultSettings(),
  enabled,
  sites,
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

// The browser's URL parser only encodes to punycode; decoding for display needs the punycode package.
import { toUnicode } from 'punycode/punycode.es6.js';
import type { Settings } from './schema';

/**
 * Which pages a site rule covers. Decisions (the table in tests/unit/settings/sites.test.ts is the spec):
 * - Only http: and https: pages are sites. file:, about:, data:, extension and browser pages never are: the content
 *   script does not run there, so `isSiteEnabled` is false and `siteKeyFor` is null.
 * - The key is the host name, lower-case, without a trailing dot and without a leading `www.`.
 * - Ports and schemes are ignored: http://example.com:8080 and https://example.com are one site.
 * - International names are kept in their ASCII (punycode) form, as the URL parser gives them: bücher.de → xn--bcher-kva.de.
 *   Show them to people with `displaySite`.
 * - A rule covers its subdomains; the most specific rule wins (a rule for news.example.com beats one for example.com).
 * - IP addresses are matched exactly (no "parent" of 10.0.0.1).
 * - No rule → on in the `all` site mode (a block list), off in the `listed` mode (an allow list: only sites I list).
 *   Rules work alike in both modes: in `listed` mode a false rule switches a subdomain off below a listed domain.
 * - The global switch off → off everywhere.
 */

function hostOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return host === '' ? null : host;
}

function siteKeyForHost(host: string): string {
  const clean = host.toLowerCase().replace(/\.$/, '');
  return clean.startsWith('www.') && clean.length > 4 && !isIpAddress(clean) ? clean.slice(4) : clean;
}

/** The key a site rule for this page is stored under, or null where Fact Context never runs. */
export function siteKeyFor(url: string): string | null {
  const host = hostOf(url);
  return host === null ? null : siteKeyForHost(host);
}

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** The key itself, then each parent domain: news.example.com → news.example.com, example.com, com. */
function keyAndParents(key: string): string[] {
  if (isIpAddress(key)) return [key];
  const labels = key.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** The rule that decides this site key, if any: [the key it is stored under, on/off]. */
function ruleFor(key: string, sites: Settings['sites']): [string, boolean] | undefined {
  for (const candidate of keyAndParents(key)) {
    if (Object.hasOwn(sites, candidate)) return [candidate, sites[candidate] === true];
  }
  return undefined;
}

export function isSiteEnabled(url: string, settings: Settings): boolean {
  if (!settings.enabled) return false;
  const key = siteKeyFor(url);
  if (key === null) return false;
  return ruleFor(key, settings.sites)?.[1] ?? siteDefault(settings);
}

/** Whether a site without any rule is on. */
function siteDefault(settings: Pick<Settings, 'siteMode'>): boolean {
  return settings.siteMode === 'all';
}

/**
 * Why a page is on or off, for the popup's switch and the options page: the rule that decides it (its key), or the
 * site mode's default, or the global switch. `null` where Fact Context never runs.
 */
export type SiteState =
  | { on: boolean; because: 'rule'; ruleKey: string; siteKey: string }
  | { on: boolean; because: 'default'; siteKey: string }
  | { on: false; because: 'global-off'; siteKey: string };

export function siteState(url: string, settings: Settings): SiteState | null {
  const siteKey = siteKeyFor(url);
  if (siteKey === null) return null;
  if (!settings.enabled) return { on: false, because: 'global-off', siteKey };
  const rule = ruleFor(siteKey, settings.sites);
  if (rule) return { on: rule[1], because: 'rule', ruleKey: rule[0], siteKey };
  return { on: siteDefault(settings), because: 'default', siteKey };
}

/**
 * A copy of the settings with the site of `urlOrKey` switched on or off, in either site mode. The site's own rule
 * is removed when what it inherits (a parent's rule, else the site mode's default) already says the same, so the
 * site list keeps only rules that matter.
 */
export function setSiteEnabled(settings: Settings, urlOrKey: string, enabled: boolean): Settings {
  const key = urlOrKey.includes('://') ? siteKeyFor(urlOrKey) : normalizeSiteInput(urlOrKey);
  if (key === null) throw new Error(`Not a web site: ${urlOrKey}`);
  const sites = withoutKey(settings.sites, key);
  const inherited = ruleFor(key, sites)?.[1] ?? siteDefault(settings);
  if (enabled !== inherited) sites[key] = enabled;
  return { ...settings, sites };
}

function withoutKey(sites: Settings['sites'], key: string): Settings['sites'] {
  return Object.fromEntries(Object.entries(sites).filter(([candidate]) => candidate !== key));
}

/** Removes a rule exactly as stored (the options page's site list). */
export function removeSiteRule(settings: Settings, key: string): Settings {
  return { ...settings, sites: withoutKey(settings.sites, key) };
}

/**
 * What a person typed ("www.Example.com", "https://bücher.de/x", "example.com:8080") → a site key, or null if it is
 * not a host name. Used for the options page's "add site" box and to check stored keys.
 */
export function normalizeSiteInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const host = hostOf(withScheme);
  if (host === null) return null;
  if (!isIpAddress(host) && !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return null;
  return siteKeyForHost(host);
}

/** A site key for people: punycode labels shown in their own script (xn--bcher-kva.de → bücher.de). */
export function displaySite(key: string): string {
  try {
    return toUnicode(key);
  } catch {
    return key;
  }
}

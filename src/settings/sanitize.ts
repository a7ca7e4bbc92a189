import * as v from 'valibot';
import {
  CardOpenSchema,
  DEFAULT_SETTINGS,
  EnabledSchema,
  MarkStyleSchema,
  SiteRuleSchema,
  SitesSchema,
  defaultSettings,
  type Settings,
} from './schema';
import { normalizeSiteInput } from './sites';

export interface SanitizeResult {
  settings: Settings;
  /** One line per value that was replaced by its default or dropped; empty when the stored value was clean. */
  problems: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whatever is in storage (corrupt, foreign, from another version) → valid Settings. Never throws.
 * Each field is checked on its own and each site rule on its own, so a bad value costs only itself.
 */
export function sanitizeSettings(raw: unknown): SanitizeResult {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isPlainObject(raw)) {
    problems.push(`stored settings were not an object (${describe(raw)}); using defaults`);
    return { settings, problems };
  }

  const field = <T>(name: keyof Settings, schema: v.GenericSchema<unknown, T>, fallback: T): T => {
    if (!(name in raw)) return fallback;
    const result = v.safeParse(schema, raw[name]);
    if (result.success) return result.output;
    problems.push(`${name}: ${result.issues[0].message} (was ${describe(raw[name])}); using the default`);
    return fallback;
  };
  settings.enabled = field('enabled', EnabledSchema, DEFAULT_SETTINGS.enabled);
  settings.cardOpen = field('cardOpen', CardOpenSchema, DEFAULT_SETTINGS.cardOpen);
  settings.markStyle = field('markStyle', MarkStyleSchema, DEFAULT_SETTINGS.markStyle);

  const sites = field('sites', SitesSchema, {});
  for (const [key, rule] of Object.entries(sites)) {
    const normalized = normalizeSiteInput(key);
    if (normalized === null) {
      problems.push(`sites: "${key}" is not a site name; rule dropped`);
    } else if (!v.is(SiteRuleSchema, rule)) {
      problems.push(`sites["${key}"]: expected true or false (was ${describe(rule)}); rule dropped`);
    } else {
      settings.sites[normalized] = rule;
    }
  }
  for (const key of Object.keys(raw)) {
    if (!(key in DEFAULT_SETTINGS)) problems.push(`unknown setting "${key}" ignored`);
  }
  return { settings, problems };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value; // undefined, a symbol or a function: never in parsed JSON
}

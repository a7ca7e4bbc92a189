import * as v from 'valibot';
import {
  CardOpenSchema,
  DEFAULT_SETTINGS,
  EnabledSchema,
  FindingIdSchema,
  HoverDelaySchema,
  ListSchema,
  MarkStyleSchema,
  PhraseSchema,
  QuietKeySchema,
  SiteModeSchema,
  SiteRuleSchema,
  SitesSchema,
  WrongMarkSchema,
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
  settings.siteMode = field('siteMode', SiteModeSchema, DEFAULT_SETTINGS.siteMode);
  settings.cardOpen = field('cardOpen', CardOpenSchema, DEFAULT_SETTINGS.cardOpen);
  settings.hoverDelayMs = field('hoverDelayMs', HoverDelaySchema, DEFAULT_SETTINGS.hoverDelayMs);
  settings.quietKey = field('quietKey', QuietKeySchema, DEFAULT_SETTINGS.quietKey);
  settings.markStyle = field('markStyle', MarkStyleSchema, DEFAULT_SETTINGS.markStyle);

  // The lists: a list that is not a list falls back alone; a bad entry is dropped alone.
  const entries = <T>(name: 'hiddenPhrases' | 'hiddenFindings' | 'wrongMarks', schema: v.GenericSchema<unknown, T>) => {
    const kept: T[] = [];
    field(name, ListSchema(name), []).forEach((entry, i) => {
      const result = v.safeParse(schema, entry);
      if (result.success) kept.push(result.output);
      else problems.push(`${name}[${i}]: ${result.issues[0].message} (was ${describe(entry)}); entry dropped`);
    });
    return kept;
  };
  settings.hiddenPhrases = entries('hiddenPhrases', PhraseSchema);
  settings.hiddenFindings = entries('hiddenFindings', FindingIdSchema);
  settings.wrongMarks = entries('wrongMarks', WrongMarkSchema);

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
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    default:
      return `a ${typeof value}`.replace('a object', 'an object');
  }
}

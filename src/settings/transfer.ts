import * as v from 'valibot';
import { migrateSettings, SETTINGS_VERSION } from './migrations';
import { StrictSettingsSchema, type Settings } from './schema';
import { normalizeSiteInput } from './sites';

/**
 * The settings file (export / import), JSON:
 *   { "format": "fact-context-settings", "version": 3, "settings": { enabled, siteMode, sites, cardOpen, hoverDelayMs,
 *     quietKey, markStyle, hiddenPhrases, hiddenFindings, wrongMarks } }
 * Files of older versions (1, 2) are migrated first. Imports are strict: one problem and nothing is changed, with a
 * message that says what and where. The "This mark is wrong" records travel in the file (that is how a person shares
 * them, if they choose to); nothing else ever sends them anywhere.
 */
export const SETTINGS_FILE_FORMAT = 'fact-context-settings';

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  settings: Settings;
}

export function exportSettings(settings: Settings): string {
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export class SettingsImportError extends Error {
  override name = 'SettingsImportError';
}

const EnvelopeSchema = v.object({
  format: v.literal(SETTINGS_FILE_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  settings: v.unknown(),
});

/** Parses a settings file's text into Settings, or throws SettingsImportError with a specific message. */
export function parseSettingsFile(text: string): Settings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SettingsImportError(`This file is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('format' in json)) {
    throw new SettingsImportError(
      `This is not a Fact Context settings file: it has no "format": "${SETTINGS_FILE_FORMAT}" field.`,
    );
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) {
    const issue = envelope.issues[0];
    const path = v.getDotPath(issue) ?? 'file';
    if (path === 'format') {
      throw new SettingsImportError(
        `This is not a Fact Context settings file: "format" is ${JSON.stringify(issue.input)}, expected "${SETTINGS_FILE_FORMAT}".`,
      );
    }
    throw new SettingsImportError(`The settings file's "${path}" is invalid: ${issue.message}.`);
  }
  const { version, settings } = envelope.output;
  if (version > SETTINGS_VERSION) {
    throw new SettingsImportError(
      `This file was made by a newer Fact Context (settings version ${version}; this one reads up to ${SETTINGS_VERSION}).`,
    );
  }
  const parsed = v.safeParse(StrictSettingsSchema, migrateSettings(settings, version));
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue);
    throw new SettingsImportError(`Invalid setting ${where ? `"settings.${where}"` : '"settings"'}: ${issue.message}.`);
  }
  const sites: Settings['sites'] = {};
  for (const [key, rule] of Object.entries(parsed.output.sites)) {
    const normalized = normalizeSiteInput(key);
    if (normalized === null)
      throw new SettingsImportError(`Invalid site "${key}" in "settings.sites": not a host name.`);
    sites[normalized] = rule;
  }
  return { ...parsed.output, sites };
}

/**
 * Storage format history of `local:settings` (the item's `version`):
 * - v1 (pre-release): `{ enabled: boolean, disabledSites: string[], openOn: 'hover' | 'click' }` — a block list only.
 * - v2: `{ enabled, sites: { [siteKey]: boolean }, cardOpen, markStyle }` — rules can also switch a subdomain back
 *   on below a switched-off domain.
 * - v3 (current): adds `siteMode` ('all' = block list, 'listed' = allow list), `hoverDelayMs`, `quietKey`, and the
 *   card's dismissals: `hiddenPhrases`, `hiddenFindings`, `wrongMarks`. A v2 value keeps its meaning: its rules were
 *   a block list, so it becomes `siteMode: 'all'`; the new fields take their defaults.
 * A migration must never throw on odd input: it converts what it recognises and leaves the rest for sanitizeSettings.
 */
export const SETTINGS_VERSION = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrateV1ToV2(old: unknown): unknown {
  if (!isPlainObject(old)) return old;
  const { disabledSites, openOn, ...rest } = old;
  const next: Record<string, unknown> = { ...rest };
  if (Array.isArray(disabledSites)) {
    next.sites = Object.fromEntries(
      disabledSites.filter((site): site is string => typeof site === 'string').map((site) => [site, false]),
    );
  }
  if (openOn !== undefined && !('cardOpen' in next)) next.cardOpen = openOn;
  return next;
}

function migrateV2ToV3(old: unknown): unknown {
  if (!isPlainObject(old)) return old;
  return {
    siteMode: 'all',
    hoverDelayMs: 500,
    quietKey: 'Alt',
    hiddenPhrases: [],
    hiddenFindings: [],
    wrongMarks: [],
    ...old,
  };
}

/** Keyed by the version each function migrates TO (WXT's convention). */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1ToV2,
  3: migrateV2ToV3,
};

/** Runs the migrations from `fromVersion` up to the current version (imports of older exported files). */
export function migrateSettings(value: unknown, fromVersion: number): unknown {
  let current = value;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) {
    current = SETTINGS_MIGRATIONS[version]?.(current) ?? current;
  }
  return current;
}

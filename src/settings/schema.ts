import * as v from 'valibot';

/**
 * The settings as the extension uses them (storage format version 2, see ./migrations.ts).
 * Every field has a default, and each field is checked on its own, so one bad field never costs the others.
 */

export const CARD_OPEN_MODES = ['hover', 'click'] as const;
export type CardOpenMode = (typeof CARD_OPEN_MODES)[number];

/** How mentions are marked on the page: `underline` (quiet solid), `dotted` (dotted underline), `highlight` (tint). */
export const MARK_STYLES = ['underline', 'dotted', 'highlight'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

export interface Settings {
  /** Global switch: false turns Fact Context off everywhere, whatever the site rules say. */
  enabled: boolean;
  /** Site rules keyed by site key (see siteKeyFor): true = on, false = off. Sites without a rule are on. */
  sites: Record<string, boolean>;
  /** Whether the card opens when the pointer rests on a mark, or only on click. */
  cardOpen: CardOpenMode;
  markStyle: MarkStyle;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  sites: Object.freeze({}) as Record<string, boolean>,
  cardOpen: 'hover',
  markStyle: 'underline',
});

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, sites: {} };
}

export const EnabledSchema = v.boolean('enabled must be true or false');
export const CardOpenSchema = v.picklist(CARD_OPEN_MODES, `cardOpen must be one of: ${CARD_OPEN_MODES.join(', ')}`);
export const MarkStyleSchema = v.picklist(MARK_STYLES, `markStyle must be one of: ${MARK_STYLES.join(', ')}`);
export const SiteRuleSchema = v.boolean('a site rule must be true (on) or false (off)');
export const SitesSchema = v.record(v.string(), v.unknown(), 'sites must be an object of site → true/false');

/** The strict form, used for imports: every field present and valid, nothing unknown. */
export const StrictSettingsSchema = v.strictObject({
  enabled: EnabledSchema,
  sites: v.record(v.string(), SiteRuleSchema, 'sites must be an object of site → true/false'),
  cardOpen: CardOpenSchema,
  markStyle: MarkStyleSchema,
});

import * as v from 'valibot';
import { MAX_DISMISSALS, MAX_PHRASE_LENGTH, MAX_SENTENCE_LENGTH } from './limits';

/**
 * The settings as the extension uses them (storage format version 3, see ./migrations.ts).
 * Every field has a default, and each field is checked on its own, so one bad field never costs the others.
 */

/**
 * `hover`: the card opens when the pointer rests on a mark (after `hoverDelayMs`), and on click.
 * `click` (quiet mode): only on click, or at once while the `quietKey` modifier is held over a mark.
 */
export const CARD_OPEN_MODES = ['hover', 'click'] as const;
export type CardOpenMode = (typeof CARD_OPEN_MODES)[number];

/** The modifier that opens cards in quiet mode while it is held (KeyboardEvent.key names). */
export const QUIET_KEYS = ['Alt', 'Shift', 'Control', 'Meta'] as const;
export type QuietKey = (typeof QUIET_KEYS)[number];

/** How mentions are marked on the page: `dotted` (thin, low-contrast), `underline` (thin solid), `highlight` (tint). */
export const MARK_STYLES = ['dotted', 'underline', 'highlight'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

/** `all`: every site unless a rule switches it off (block list). `listed`: only sites a rule switches on (allow list). */
export const SITE_MODES = ['all', 'listed'] as const;
export type SiteMode = (typeof SITE_MODES)[number];

/** Hover delay bounds, ms (Wikipedia's page previews wait about 500 ms). */
export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2000;

/** "This mark is wrong": kept on this device only (and in an exported settings file), never sent anywhere. */
export interface WrongMark {
  /** The marked phrase as it was on the page. */
  phrase: string;
  /** The sentence it was in (whitespace collapsed, cut to MAX_SENTENCE_LENGTH). */
  sentence: string;
  /** The finding the card showed for it. */
  findingId: string;
  /** The site key of the page (no path: the full address stays out of the file). */
  site: string;
  /** When it was recorded (ISO 8601). */
  at: string;
}

export interface Settings {
  /** Global switch: false turns Fact Context off everywhere, whatever the site rules say. */
  enabled: boolean;
  /** Whether sites without a rule are on (`all`) or off (`listed`). */
  siteMode: SiteMode;
  /** Site rules keyed by site key (see siteKeyFor): true = on, false = off. Sites without a rule follow siteMode. */
  sites: Record<string, boolean>;
  cardOpen: CardOpenMode;
  /** Pointer rest before a card opens on hover, ms. */
  hoverDelayMs: number;
  quietKey: QuietKey;
  markStyle: MarkStyle;
  /** "Hide marks for this phrase": phrases as shown (compared loosely, see dismissals.ts). */
  hiddenPhrases: string[];
  /** "Hide this finding": finding ids whose marks and card entries are no longer shown. */
  hiddenFindings: string[];
  wrongMarks: WrongMark[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  siteMode: 'all',
  sites: Object.freeze({}) as Record<string, boolean>,
  cardOpen: 'hover',
  hoverDelayMs: 500,
  quietKey: 'Alt',
  markStyle: 'dotted',
  hiddenPhrases: Object.freeze([]) as unknown as string[],
  hiddenFindings: Object.freeze([]) as unknown as string[],
  wrongMarks: Object.freeze([]) as unknown as WrongMark[],
});

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, sites: {}, hiddenPhrases: [], hiddenFindings: [], wrongMarks: [] };
}

export const EnabledSchema = v.boolean('enabled must be true or false');
export const SiteModeSchema = v.picklist(SITE_MODES, `siteMode must be one of: ${SITE_MODES.join(', ')}`);
export const CardOpenSchema = v.picklist(CARD_OPEN_MODES, `cardOpen must be one of: ${CARD_OPEN_MODES.join(', ')}`);
export const HoverDelaySchema = v.pipe(
  v.number('hoverDelayMs must be a number of milliseconds'),
  v.integer('hoverDelayMs must be a whole number of milliseconds'),
  v.minValue(HOVER_DELAY_MIN_MS, `hoverDelayMs must be at least ${HOVER_DELAY_MIN_MS}`),
  v.maxValue(HOVER_DELAY_MAX_MS, `hoverDelayMs must be at most ${HOVER_DELAY_MAX_MS}`),
);
export const QuietKeySchema = v.picklist(QUIET_KEYS, `quietKey must be one of: ${QUIET_KEYS.join(', ')}`);
export const MarkStyleSchema = v.picklist(MARK_STYLES, `markStyle must be one of: ${MARK_STYLES.join(', ')}`);
export const SiteRuleSchema = v.boolean('a site rule must be true (on) or false (off)');
export const SitesSchema = v.record(v.string(), v.unknown(), 'sites must be an object of site → true/false');

const text = (name: string, max: number) =>
  v.pipe(
    v.string(`${name} must be text`),
    v.trim(),
    v.nonEmpty(`${name} must not be empty`),
    v.maxLength(max, `${name} must be at most ${max} characters`),
  );
export const PhraseSchema = text('a hidden phrase', MAX_PHRASE_LENGTH);
export const FindingIdSchema = v.pipe(
  v.string('a finding id must be text'),
  v.regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'a finding id is lower-case letters, digits and hyphens'),
);
export const WrongMarkSchema = v.strictObject(
  {
    phrase: text('phrase', MAX_PHRASE_LENGTH),
    sentence: text('sentence', MAX_SENTENCE_LENGTH),
    findingId: FindingIdSchema,
    site: v.string('site must be text'),
    at: v.pipe(v.string('at must be a date'), v.isoTimestamp('at must be an ISO 8601 date and time')),
  },
  'a wrong mark must be an object with phrase, sentence, findingId, site and at',
);
/** The lists as a whole (their entries are checked one by one, so that one bad entry costs only itself). */
export const ListSchema = (name: string) =>
  v.pipe(
    v.array(v.unknown(), `${name} must be a list`),
    v.maxLength(MAX_DISMISSALS, `${name} holds at most ${MAX_DISMISSALS} entries`),
  );

/** The strict form, used for imports: every field present and valid, nothing unknown. */
export const StrictSettingsSchema = v.strictObject({
  enabled: EnabledSchema,
  siteMode: SiteModeSchema,
  sites: v.record(v.string(), SiteRuleSchema, 'sites must be an object of site → true/false'),
  cardOpen: CardOpenSchema,
  hoverDelayMs: HoverDelaySchema,
  quietKey: QuietKeySchema,
  markStyle: MarkStyleSchema,
  hiddenPhrases: v.pipe(ListSchema('hiddenPhrases'), v.array(PhraseSchema)),
  hiddenFindings: v.pipe(ListSchema('hiddenFindings'), v.array(FindingIdSchema)),
  wrongMarks: v.pipe(ListSchema('wrongMarks'), v.array(WrongMarkSchema)),
});

import {
  CARD_OPEN_MODES,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MARK_STYLES,
  QUIET_KEYS,
  type CardOpenMode,
  type MarkStyle,
  type QuietKey,
  type Settings,
} from '../../settings';
import { RadioGroup } from './controls';

const CARD_OPEN_LABELS: Record<CardOpenMode, string> = {
  hover: 'When the pointer rests on a marked phrase',
  click: 'Quiet mode: only when I click a marked phrase, or point at it while holding a key',
};
const MARK_STYLE_LABELS: Record<MarkStyle, string> = {
  dotted: 'Faint dotted underline',
  underline: 'Thin underline',
  highlight: 'Light background tint',
};
// The user agent names the platform in both browsers (navigator.platform is deprecated).
const isMac = typeof navigator !== 'undefined' && /Macintosh|Mac OS X/.test(navigator.userAgent);
const QUIET_KEY_LABELS: Record<QuietKey, string> = {
  Alt: isMac ? 'Option (⌥)' : 'Alt',
  Shift: 'Shift',
  Control: isMac ? 'Control (⌃)' : 'Ctrl',
  Meta: isMac ? 'Command (⌘)' : 'Windows / Super',
};

/** Whether the extension runs, how cards open and how marks look. */
export function General({ settings, save }: { settings: Settings; save: (next: Settings) => void }) {
  return (
    <section aria-labelledby="general-title">
      <h2 id="general-title">General</h2>
      <label class="check">
        <input
          type="checkbox"
          name="enabled"
          checked={settings.enabled}
          onChange={(e) => save({ ...settings, enabled: e.currentTarget.checked })}
        />
        Mark phrases on web pages (turn off to pause Fact Context everywhere)
      </label>
      <RadioGroup
        legend="Open the card"
        name="cardOpen"
        choices={CARD_OPEN_MODES.map((mode) => [mode, CARD_OPEN_LABELS[mode]] as const)}
        value={settings.cardOpen}
        onChange={(cardOpen) => save({ ...settings, cardOpen })}
      >
        {settings.cardOpen === 'hover' ? (
          <div class="row indent">
            <label for="hover-delay">Wait before opening</label>
            <input
              id="hover-delay"
              type="range"
              min={HOVER_DELAY_MIN_MS}
              max={HOVER_DELAY_MAX_MS}
              step={50}
              value={settings.hoverDelayMs}
              aria-valuetext={`${settings.hoverDelayMs} milliseconds`}
              onChange={(e) => save({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
            />
            <output for="hover-delay">{(settings.hoverDelayMs / 1000).toFixed(2)} s</output>
          </div>
        ) : (
          <div class="row indent">
            <label for="quiet-key">Key to hold</label>
            <select
              id="quiet-key"
              value={settings.quietKey}
              onChange={(e) => save({ ...settings, quietKey: e.currentTarget.value as QuietKey })}
            >
              {QUIET_KEYS.map((key) => (
                <option value={key} key={key}>
                  {QUIET_KEY_LABELS[key]}
                </option>
              ))}
            </select>
          </div>
        )}
      </RadioGroup>
      <RadioGroup
        legend="How phrases are marked"
        name="markStyle"
        choices={MARK_STYLES.map(
          (style) => [style, <span class={`mark-sample mark-${style}`}>{MARK_STYLE_LABELS[style]}</span>] as const,
        )}
        value={settings.markStyle}
        onChange={(markStyle) => save({ ...settings, markStyle })}
      />
    </section>
  );
}

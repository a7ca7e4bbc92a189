import { useEffect, useState } from 'preact/hooks';
import {
  CARD_OPEN_MODES,
  MARK_STYLES,
  displaySite,
  exportSettings,
  getSettingsWithProblems,
  normalizeSiteInput,
  parseSettingsFile,
  removeSiteRule,
  saveSettings,
  SettingsImportError,
  watchSettings,
  type CardOpenMode,
  type MarkStyle,
  type Settings,
} from '../../settings';

const CARD_OPEN_LABELS: Record<CardOpenMode, string> = {
  hover: 'When the pointer rests on a marked phrase',
  click: 'Only when I click a marked phrase',
};
const MARK_STYLE_LABELS: Record<MarkStyle, string> = {
  underline: 'Quiet underline',
  dotted: 'Dotted underline',
  highlight: 'Light background tint',
};

/** The options page: every setting, the site list, and the settings file (export / import). */
export function Options({ download }: { download: (fileName: string, text: string) => void }) {
  const [settings, setSettings] = useState<Settings>();
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string }>();

  useEffect(() => {
    void getSettingsWithProblems().then(({ settings: s, problems: p }) => {
      setSettings(s);
      setProblems(p);
    });
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;

  const save = (next: Settings) => {
    setSettings(next);
    void saveSettings(next).then(() => setProblems([]));
  };

  const importFile = async (file: File) => {
    try {
      const imported = parseSettingsFile(await file.text());
      await saveSettings(imported);
      setProblems([]);
      const rules = Object.keys(imported.sites).length;
      setStatus({ kind: 'ok', text: `Imported ${file.name}: ${rules} site rule${rules === 1 ? '' : 's'}.` });
    } catch (error) {
      const text = error instanceof SettingsImportError ? error.message : `Could not read the file: ${String(error)}`;
      setStatus({ kind: 'error', text: `Nothing was changed. ${text}` });
    }
  };

  return (
    <main class="page options">
      <h1>Fact Context settings</h1>
      {problems.length > 0 && (
        <div class="notice" role="status">
          <p>Some stored settings were not valid and are shown with their defaults (your other settings are kept):</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

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
        <fieldset>
          <legend>Open the card</legend>
          {CARD_OPEN_MODES.map((mode) => (
            <label class="check" key={mode}>
              <input
                type="radio"
                name="cardOpen"
                value={mode}
                checked={settings.cardOpen === mode}
                onChange={() => save({ ...settings, cardOpen: mode })}
              />
              {CARD_OPEN_LABELS[mode]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>How phrases are marked</legend>
          {MARK_STYLES.map((style) => (
            <label class="check" key={style}>
              <input
                type="radio"
                name="markStyle"
                value={style}
                checked={settings.markStyle === style}
                onChange={() => save({ ...settings, markStyle: style })}
              />
              <span class={`mark-sample mark-${style}`}>{MARK_STYLE_LABELS[style]}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <SiteList settings={settings} save={save} />

      <section aria-labelledby="backup-title">
        <h2 id="backup-title">Settings file</h2>
        <p class="muted">Save your settings to a JSON file, or load them from one (for another browser or computer).</p>
        <div class="row">
          <button type="button" onClick={() => download('fact-context-settings.json', exportSettings(settings))}>
            Export settings…
          </button>
          <label class="button">
            Import settings…
            <input
              type="file"
              accept=".json,application/json"
              class="visually-hidden"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
        </div>
        {status && (
          <p
            class={`status ${status.kind}`}
            role={status.kind === 'error' ? 'alert' : 'status'}
            data-testid="import-status"
          >
            {status.text}
          </p>
        )}
      </section>
    </main>
  );
}

function SiteList({ settings, save }: { settings: Settings; save: (next: Settings) => void }) {
  const [input, setInput] = useState('');
  const [enabled, setEnabled] = useState(false);
  const [error, setError] = useState<string>();
  const rules = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));

  const add = (event: Event) => {
    event.preventDefault();
    const key = normalizeSiteInput(input);
    if (key === null) {
      setError(`“${input.trim()}” is not a site name. Type a host such as example.com.`);
      return;
    }
    setError(undefined);
    setInput('');
    save({ ...settings, sites: { ...settings.sites, [key]: enabled } });
  };

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="muted">
        Fact Context runs on every site unless a rule here says otherwise. A rule also covers the site’s subdomains; the
        most specific rule wins.
      </p>
      {rules.length === 0 ? (
        <p class="muted">No site rules yet.</p>
      ) : (
        <ul class="sites">
          {rules.map(([key, on]) => (
            <li key={key} data-site={key}>
              <span class="site-name">{displaySite(key)}</span>
              <span class={`rule ${on ? 'on' : 'off'}`}>{on ? 'On' : 'Off'}</span>
              <button
                type="button"
                aria-label={`Remove the rule for ${displaySite(key)}`}
                onClick={() => save(removeSiteRule(settings, key))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <label for="add-site">Site</label>
        <input
          id="add-site"
          type="text"
          placeholder="example.com"
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'add-site-error' : undefined}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <select
          aria-label="Rule"
          value={enabled ? 'on' : 'off'}
          onChange={(e) => setEnabled(e.currentTarget.value === 'on')}
        >
          <option value="off">Off</option>
          <option value="on">On</option>
        </select>
        <button type="submit">Add</button>
      </form>
      {error && (
        <p id="add-site-error" class="status error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

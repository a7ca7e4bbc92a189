import { useEffect, useState } from 'preact/hooks';
import {
  exportSettings,
  getSettingsWithProblems,
  parseSettingsFile,
  saveSettings,
  SettingsImportError,
  watchSettings,
  type Settings,
} from '../../settings';
import { Dismissals } from './Dismissals';
import { General } from './General';
import { SiteList } from './SiteList';

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
      const hidden = imported.hiddenPhrases.length + imported.hiddenFindings.length + imported.wrongMarks.length;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      setStatus({
        kind: 'ok',
        text: `Imported ${file.name}: ${plural(rules, 'site rule')}, ${plural(hidden, 'hidden mark setting')}.`,
      });
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

      <General settings={settings} save={save} />
      <SiteList settings={settings} save={save} />
      <Dismissals settings={settings} save={save} />

      <section aria-labelledby="backup-title">
        <h2 id="backup-title">Settings file</h2>
        <p class="muted">
          Save your settings to a JSON file, or load them from one (for another browser or computer). The file includes
          the marks you reported as wrong, with their sentences: it is yours to keep or share.
        </p>
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

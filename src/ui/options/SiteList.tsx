import { useState } from 'preact/hooks';
import {
  displaySite,
  normalizeSiteInput,
  removeSiteRule,
  SITE_MODES,
  type Settings,
  type SiteMode,
} from '../../settings';
import { RadioGroup, UndoList } from './controls';

const MODE_LABELS: Record<SiteMode, string> = {
  all: 'On every site, except the ones I switch off',
  listed: 'Only on sites I list',
};

/** The site mode (block list or allow list) and the site rules. */
export function SiteList({ settings, save }: { settings: Settings; save: (next: Settings) => void }) {
  const [input, setInput] = useState('');
  const listed = settings.siteMode === 'listed';
  // A new rule says the opposite of the mode's default: "off" in a block list, "on" in an allow list.
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const ruleToAdd = enabled ?? listed;
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
    save({ ...settings, sites: { ...settings.sites, [key]: ruleToAdd } });
  };

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <RadioGroup
        legend="Where Fact Context runs"
        name="siteMode"
        choices={SITE_MODES.map((mode) => [mode, MODE_LABELS[mode]] as const)}
        value={settings.siteMode}
        onChange={(siteMode) => save({ ...settings, siteMode })}
      />
      <p class="muted">
        {listed
          ? 'Fact Context runs only on the sites switched on here (the popup’s switch adds the current site).'
          : 'Fact Context runs on every site unless a rule here switches it off.'}{' '}
        A rule also covers the site’s subdomains; the most specific rule wins.
      </p>
      <UndoList
        items={rules}
        empty={listed ? 'No sites listed yet: Fact Context runs nowhere.' : 'No site rules yet.'}
        keyOf={([key]) => key}
        data={([key]) => ({ 'data-site': key })}
        label={([key, on]) => (
          <>
            <span class="site-name">{displaySite(key)}</span>
            <span class={`rule ${on ? 'on' : 'off'}`}>{on ? 'On' : 'Off'}</span>
          </>
        )}
        button="Remove"
        buttonLabel={([key]) => `Remove the rule for ${displaySite(key)}`}
        onPick={([key]) => save(removeSiteRule(settings, key))}
      />
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
          value={ruleToAdd ? 'on' : 'off'}
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

import { displaySite, isSiteEnabled, pageAccess, siteKeyFor, type Settings } from '../../settings';
import type { TargetTab } from './target-tab';

interface Props {
  tab: TargetTab | null;
  resolving: boolean;
  settings: Settings;
  onToggleSite: (url: string, enabled: boolean) => void;
  onTurnOnEverywhere: () => void;
}

/** One click turns Fact Context on or off for the tab's site; pages extensions cannot touch say so instead. */
export function SiteSwitch({ tab, resolving, settings, onToggleSite, onTurnOnEverywhere }: Props) {
  if (resolving) return <p class="site-status muted">Looking at this tab…</p>;
  const access = pageAccess(tab?.url);
  const key = tab?.url ? siteKeyFor(tab.url) : null;
  if (access.kind === 'restricted' || !tab?.url || key === null) {
    const reason = access.kind === 'restricted' ? access.reason : 'Fact Context cannot run on this page.';
    return (
      <p class="site-status restricted" role="status">
        {reason}
      </p>
    );
  }
  if (!settings.enabled) {
    return (
      <div class="site-status global-off" data-testid="global-off">
        <span>Fact Context is off everywhere: no site is marked.</span>{' '}
        <button type="button" class="link-button" onClick={onTurnOnEverywhere}>
          Turn it on
        </button>
      </div>
    );
  }
  const url = tab.url;
  const on = isSiteEnabled(url, settings);
  const site = displaySite(key);
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      class={`site-switch ${on ? 'on' : 'off'}`}
      title={on ? `Click to turn Fact Context off for ${site}` : `Click to turn Fact Context on for ${site}`}
      onClick={() => onToggleSite(url, !on)}
    >
      <span class="track" aria-hidden="true">
        <span class="thumb" />
      </span>
      <span class="label">
        {on ? 'On' : 'Off'} for {site}
      </span>
    </button>
  );
}

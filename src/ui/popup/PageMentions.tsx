import type { PageState } from '../../messaging/protocol';
import { findingById } from '../../pack';

interface Props {
  /** undefined: still asking; null: no content script answered. */
  state: PageState | null | undefined;
  /** The global switch: off, nothing runs anywhere, whatever the site's own rule. */
  globalOn: boolean;
  siteEnabled: boolean;
  canRun: boolean;
  onReveal: (index: number) => void;
}

/** "On this page": how many phrases the page mentions and a button for each that takes the reader to it. */
export function PageMentions({ state, globalOn, siteEnabled, canRun, onReveal }: Props) {
  if (!canRun) return null;
  let body;
  if (!globalOn) {
    body = <p class="muted">Nothing is marked while Fact Context is off everywhere.</p>;
  } else if (!siteEnabled || state?.enabled === false) {
    body = <p class="muted">Nothing is marked: Fact Context is off for this site.</p>;
  } else if (state === undefined) {
    body = <p class="muted">Looking at the page…</p>;
  } else if (state === null) {
    body = <p class="muted">This page has not been read yet. Reload it to use Fact Context here.</p>;
  } else if (state.mentions.length === 0) {
    body = <p class="muted">Nothing on this page that the assessment speaks to.</p>;
  } else {
    body = (
      <ul class="mentions">
        {state.mentions.map((mention) => {
          const top = mention.findings[0] ? findingById(mention.findings[0]) : undefined;
          return (
            <li key={mention.index}>
              <button
                type="button"
                class="mention"
                data-mention-index={mention.index}
                {...(top ? { 'data-finding-id': top.id } : {})}
                onClick={() => onReveal(mention.index)}
              >
                <span class="phrase">“{mention.text}”</span>
                {top && <span class="finding-title">{top.title}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    );
  }
  const count = state && siteEnabled && state.enabled ? state.mentions.length : 0;
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title">
        On this page{' '}
        <span class="count" data-testid="mention-count">
          {count}
        </span>
        <span class="visually-hidden">{count === 1 ? ' mention' : ' mentions'}</span>
      </h2>
      {body}
    </section>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledPack } from '../../pack/compile';
import type { PageState } from '../../messaging/protocol';
import { isSiteEnabled, pageAccess, type Settings } from '../../settings';
import { FindingDetail } from './FindingDetail';
import { FindingList, LISTBOX_ID, optionDomId, type OptionSection } from './FindingList';
import { groupFindings } from './groups';
import { PageMentions } from './PageMentions';
import { searchFindings, suggestFindings, type FindingSearch } from './search';
import { Shortcuts, type Shortcut } from './Shortcuts';
import { SiteSwitch } from './SiteSwitch';
import type { PageClient, TargetTab } from './target-tab';

export interface PopupProps {
  pack: CompiledPack;
  search: FindingSearch;
  tab: TargetTab | null;
  /** Still asking the page for its address: say nothing about the site yet. */
  resolving?: boolean;
  settings: Settings;
  /** The page's mentions; undefined while asking, null when no content script answered. */
  pageState: PageState | null | undefined;
  page: PageClient;
  /** The keyboard shortcuts as bound now (`browser.commands.getAll`). */
  loadShortcuts: () => Promise<Shortcut[]>;
  onToggleSite: (url: string, enabled: boolean) => void;
  onTurnOnEverywhere: () => void;
  onOpenReport: (findingId?: string) => void;
  onOpenOptions: () => void;
  /** After the page took over (a mention revealed): the toolbar popup closes, so focus goes to the page. */
  onDone: () => void;
}

/**
 * The toolbar popup: the switch and the search box on top, the footer (shortcuts, links) at the bottom, and between
 * them one scrolling area — "On this page" first when the page has mentions (then the full list, folded), else the
 * full list of findings; search results or one finding in full replace both.
 */
const CLOSE_TITLE = 'Close findings';

export function Popup(props: PopupProps) {
  const { pack, search, tab, settings, pageState } = props;
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  const canRun = !props.resolving && pageAccess(tab?.url).kind === 'web' && !!tab?.url;
  const siteEnabled = canRun && !!tab?.url && isSiteEnabled(tab.url, settings);
  const hasMentions = siteEnabled && !!pageState?.enabled && pageState.mentions.length > 0;
  // Folded while the page's own mentions come first; the reader's choice stands once made.
  const [listOpen, setListOpen] = useState<boolean>();
  const allOpen = listOpen ?? !hasMentions;
  const searching = query.trim() !== '';

  const sections: OptionSection[] = useMemo(() => {
    if (!searching) {
      return groupFindings(pack.findings).map((group) => ({
        title: group.title,
        options: group.findings.map((f) => ({ id: f.id, title: { text: f.title, ranges: [] } })),
      }));
    }
    const results = searchFindings(search, query);
    if (results.length > 0) return [{ options: results }];
    // Nothing matches every word: offer the close findings (CLOSE_TITLE tells the reader they are not matches).
    const close = suggestFindings(search, query);
    return close.length > 0 ? [{ title: CLOSE_TITLE, options: close }] : [];
  }, [query, searching, pack, search]);
  // autofocus alone is not honoured everywhere a popup document opens.
  useEffect(() => input.current?.focus(), []);
  // The arrow keys move through what is shown: nothing while the full list is folded.
  const listShown = searching || allOpen;
  const flat = useMemo(() => (listShown ? sections.flatMap((s) => s.options) : []), [sections, listShown]);

  // Typing puts the best result first in line for Enter.
  useEffect(() => setActiveId(searching ? flat[0]?.id : undefined), [flat]);
  useEffect(() => {
    if (activeId) document.getElementById(optionDomId(activeId))?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const openFinding = openId ? pack.findings.find((f) => f.id === openId) : undefined;
  const back = () => {
    setOpenId(undefined);
    // The detail view replaced the list: focus goes back where the reader was.
    queueMicrotask(() => input.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = flat.findIndex((o) => o.id === activeId);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (flat.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = at === -1 ? (step === 1 ? 0 : flat.length - 1) : (at + step + flat.length) % flat.length;
      setActiveId(flat[next]?.id);
    } else if (event.key === 'Enter' && activeId) {
      event.preventDefault();
      setOpenId(activeId);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault(); // first Esc clears the box; the next one closes the popup as usual
      setQuery('');
    }
  };

  const list = <FindingList sections={sections} activeId={activeId} onOpen={setOpenId} onHover={setActiveId} />;
  const mentions = (
    <PageMentions
      state={pageState}
      globalOn={settings.enabled}
      siteEnabled={siteEnabled}
      canRun={canRun}
      onReveal={(index) => {
        if (!tab) return;
        void props.page.revealMention(tab.id, index).then((ok) => ok && props.onDone());
      }}
    />
  );
  const allFindings = (
    <details
      class="all-findings"
      open={allOpen}
      // The toggle event also follows our own changes to `open`: only the reader's differ from what we render.
      onToggle={(event) => {
        const open = event.currentTarget.open;
        if (open !== allOpen) setListOpen(open);
      }}
    >
      <summary>All findings ({pack.findings.length})</summary>
      {list}
    </details>
  );

  let body;
  if (openFinding) {
    body = <FindingDetail finding={openFinding} report={pack.report} onBack={back} onOpenReport={props.onOpenReport} />;
  } else if (searching) {
    body = (
      <>
        {(flat.length === 0 || sections[0]?.title === CLOSE_TITLE) && (
          <p class="muted" role="status">
            No finding matches “{query.trim()}”{flat.length > 0 ? '.' : ', and none comes close.'}
          </p>
        )}
        {flat.length > 0 ? (
          list
        ) : (
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setQuery('');
              setListOpen(true);
              input.current?.focus();
            }}
          >
            Show all findings
          </button>
        )}
        {/* The page's own mentions stay within reach under the results. */}
        {mentions}
      </>
    );
  } else if (hasMentions) {
    body = (
      <>
        {mentions}
        {allFindings}
      </>
    );
  } else {
    body = (
      <>
        {allFindings}
        {mentions}
      </>
    );
  }

  return (
    // One <main> landmark holds everything (axe: landmark-one-main, region).
    <main class="popup">
      <div class="popup-head">
        <h1>Fact Context</h1>
        <SiteSwitch
          tab={tab}
          resolving={props.resolving ?? false}
          settings={settings}
          onToggleSite={props.onToggleSite}
          onTurnOnEverywhere={props.onTurnOnEverywhere}
        />
        <div class="search" hidden={!!openFinding}>
          <label for="finding-search" class="visually-hidden">
            Search the assessment’s findings
          </label>
          <input
            id="finding-search"
            ref={input}
            type="search"
            role="combobox"
            aria-expanded={listShown}
            aria-controls={LISTBOX_ID}
            aria-autocomplete="list"
            aria-activedescendant={activeId ? optionDomId(activeId) : undefined}
            placeholder="Search the assessment…"
            autoComplete="off"
            spellcheck={false}
            autoFocus
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
      <div class="popup-scroll" data-testid="popup-scroll">
        {body}
      </div>
      <footer class="popup-foot">
        <Shortcuts load={props.loadShortcuts} />
        <div class="links">
          <button type="button" class="link-button" onClick={() => props.onOpenReport()}>
            The full assessment
          </button>
          <button type="button" class="link-button" onClick={props.onOpenOptions}>
            Settings
          </button>
        </div>
      </footer>
    </main>
  );
}

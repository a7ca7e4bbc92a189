import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onMessage, type PageState } from '../../messaging/protocol';
import type { CompiledPack } from '../../pack/compile';
import { createPopupSearch } from './search';
import { getSettings, setSiteEnabled, updateSettings, watchSettings, type Settings } from '../../settings';
import { Popup } from './Popup';
import { reportUrl } from '../report/report-url';
import type { PageClient, TargetTab } from './target-tab';

interface Props {
  pack: CompiledPack;
  tab: TargetTab | null;
  page: PageClient;
  /** True for the real toolbar popup, which closes after handing over to a page. */
  closeWhenDone: boolean;
}

/** The bindings as the browser has them now (the person may have changed them); not every context has the API. */
const loadShortcuts = () => Promise.resolve().then(() => browser.commands.getAll());

/** The popup with its live data: settings from storage (watched), the target tab's mentions from its content script. */
export function PopupApp({ pack, tab, page, closeWhenDone }: Props) {
  const search = useMemo(() => createPopupSearch(pack), [pack]);
  const [settings, setSettings] = useState<Settings>();
  const [pageState, setPageState] = useState<PageState | null>();

  useEffect(() => {
    let live = true;
    void getSettings().then((s) => live && setSettings(s));
    const stop = watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, []);

  // Ask the page again whenever the settings change (a site switched on rescans) or the page reports a new count.
  useEffect(() => {
    if (!tab || !settings) return;
    let live = true;
    void page.getPageState(tab.id).then((state) => live && setPageState(state ?? null));
    return () => {
      live = false;
    };
  }, [tab, settings, page]);
  useEffect(() => {
    if (!tab) return;
    return onMessage('mentionCount', ({ sender }) => {
      if (sender.tab?.id === tab.id) void page.getPageState(tab.id).then((state) => setPageState(state ?? null));
    });
  }, [tab, page]);

  if (!settings) return null;
  // The browser gives the tab's address under activeTab (toolbar popup); otherwise the page's content script tells it.
  const url = tab?.url ?? pageState?.url;
  const target = tab ? { id: tab.id, ...(url ? { url } : {}) } : null;
  const resolving = !!tab && !tab.url && pageState === undefined;
  const done = () => closeWhenDone && window.close();
  return (
    <Popup
      pack={pack}
      search={search}
      tab={target}
      resolving={resolving}
      settings={settings}
      pageState={pageState}
      page={page}
      loadShortcuts={loadShortcuts}
      onToggleSite={(url, enabled) => void updateSettings((s) => setSiteEnabled(s, url, enabled))}
      onTurnOnEverywhere={() => void updateSettings((s) => ({ ...s, enabled: true }))}
      onOpenReport={(id) => void browser.tabs.create({ url: reportUrl({ findingId: id }) }).then(done)}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(done)}
      onDone={done}
    />
  );
}

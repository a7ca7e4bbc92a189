import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../messaging/protocol';
import { getSettings, watchSettings } from '../settings';
import { BADGE_COLOR, TabBadges } from './badge';
import { serveFindingTexts } from './finding-texts';
import { serveSettings } from './settings';
import { serveRanking } from './ranking';
import { handleCommand } from './commands';
import { openWelcomeOnInstall } from './welcome';
import { injectCard, injectEngine } from './engine-injection';
import { LOOKUP_MENU_ID, openLookup, openReportAt, registerLookupMenu } from './context-menu';

const askPage = (tabId: number) => sendMessage('getPageState', undefined, tabId);

/**
 * Everything the background does. Listeners are added synchronously (an MV3 service worker / event page must have
 * them in place before the event that woke it is dispatched); state that needs storage is awaited inside them.
 */
export function startBackground(): void {
  const badges = getSettings().then((settings) => new TabBadges(settings));

  onMessage('mentionCount', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId) return; // top frame only: the badge counts the page's own mentions
    await (await badges).report(tabId, sender.url ?? sender.tab?.url, data);
  });
  onMessage('loadEngine', ({ sender }) => injectEngine(sender));
  onMessage('loadCard', ({ sender }) => injectCard(sender));
  onMessage('openReport', ({ data }) => void openReportAt(data));
  serveFindingTexts();
  serveSettings();
  serveRanking();
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void badges.then((b) => b.navigated(tabId));
    if (change.status === 'complete') void badges.then((b) => b.loaded(tabId, askPage));
  });
  browser.tabs.onRemoved.addListener((tabId) => void badges.then((b) => b.closed(tabId)));
  watchSettings((settings) => void badges.then((b) => b.settingsChanged(settings)));
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });

  browser.runtime.onInstalled.addListener((details) => {
    void registerLookupMenu();
    void openWelcomeOnInstall(details);
  });
  browser.runtime.onStartup.addListener(() => void registerLookupMenu());
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === LOOKUP_MENU_ID) void openLookup(info.selectionText);
  });
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
}

import { browser, type Browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { isSiteEnabled, setSiteEnabled, siteKeyFor, updateSettings } from '../settings';

const COMMANDS = { toggleSite: 'toggle-site', nextMention: 'next-mention' } as const;

/** Flips the site of `url`; returns the new state, or null where the page is not a web site. */
export async function toggleSiteOf(url: string | undefined): Promise<boolean | null> {
  if (!url || siteKeyFor(url) === null) return null;
  const next = await updateSettings((settings) => setSiteEnabled(settings, url, !isSiteEnabled(url, settings)));
  return isSiteEnabled(url, next);
}

async function activeTab(given: Browser.tabs.Tab | undefined): Promise<Browser.tabs.Tab | undefined> {
  if (given?.id !== undefined) return given;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export async function handleCommand(command: string, given?: Browser.tabs.Tab): Promise<void> {
  const tab = await activeTab(given);
  if (tab?.id === undefined) return;
  if (command === COMMANDS.toggleSite) {
    // activeTab gives the URL when the shortcut is pressed; the content script's answer covers the rest.
    const url = tab.url ?? (await sendMessage('getPageState', undefined, tab.id).catch(() => undefined))?.url;
    await toggleSiteOf(url);
  } else if (command === COMMANDS.nextMention) {
    // No content script on the page (browser page, disabled site) → nothing to do.
    await sendMessage('nextMention', undefined, tab.id).catch(() => false);
  }
}

import { browser } from 'wxt/browser';
import { sendMessage, type PageState } from '../../messaging/protocol';

export interface TargetTab {
  id: number;
  /** Undefined where the browser does not tell us (a page the extension has no access to). */
  url?: string;
}

/**
 * The tab the popup is about: the active tab of its window. `popup.html?tab=<id>` names one instead — how the popup is
 * opened as an ordinary page (tests, or a pinned tab), where the active tab would be the popup itself.
 */
export async function findTargetTab(search: string): Promise<TargetTab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  try {
    const tab =
      Number.isInteger(named) && named > 0
        ? await browser.tabs.get(named)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  } catch {
    return null;
  }
}

/** Whether the popup runs as a real toolbar popup (closes itself after sending the reader to a page). */
export function isToolbarPopup(search: string): boolean {
  return !new URLSearchParams(search).has('tab');
}

/** Talks to the content script in the target tab. An interface so component tests can stand in for a page. */
export interface PageClient {
  /** Undefined when no content script answers (page loaded before the extension, or not a web page). */
  getPageState(tabId: number): Promise<PageState | undefined>;
  revealMention(tabId: number, index: number): Promise<boolean>;
}

export const contentScriptClient: PageClient = {
  async getPageState(tabId) {
    try {
      // Typed as a PageState, but a tab whose content script has no answer yet gives null.
      const state: PageState | null = await sendMessage('getPageState', undefined, tabId);
      return state ?? undefined;
    } catch {
      return undefined;
    }
  },
  async revealMention(tabId, index) {
    try {
      return await sendMessage('revealMention', index, tabId);
    } catch {
      return false;
    }
  },
};

import { browser } from 'wxt/browser';
import { isSiteEnabled, type Settings } from '../settings';

/** The badge shows how many mentions the tab's page has; nothing for none, a disabled site or a fresh navigation. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}

export const BADGE_COLOR = '#3b4a6b';

interface TabCount {
  url: string | undefined;
  count: number;
}

/** Asks a tab's content script for its state (the page's answer to `getPageState`); undefined when none answers. */
export type AskPage = (tabId: number) => Promise<{ enabled: boolean; mentions: unknown[]; url?: string } | undefined>;

/**
 * Per-tab mention counts as reported by the content scripts. Kept in memory only: when the service worker sleeps the
 * browser keeps showing the badges it was given, and each page reports again after its next scan.
 */
export class TabBadges {
  private readonly tabs = new Map<number, TabCount>();
  /** Tabs whose badge was cleared by a navigation and that have not reported since. */
  private readonly awaitingReport = new Set<number>();

  constructor(private settings: Settings) {}

  async report(tabId: number, url: string | undefined, count: number): Promise<void> {
    this.awaitingReport.delete(tabId);
    this.tabs.set(tabId, { url, count });
    await this.show(tabId);
  }

  /** The tab started loading: its old count no longer applies. */
  async navigated(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    this.awaitingReport.add(tabId);
    await setBadge(tabId, '');
  }

  /**
   * The tab finished loading. Chrome also reports "loading" for in-page route changes (history.pushState), where the
   * page's content script lives on and, its count unchanged, sends nothing: ask it, unless it already reported.
   */
  async loaded(tabId: number, ask: AskPage): Promise<void> {
    if (!this.awaitingReport.has(tabId)) return;
    const state = await ask(tabId).catch(() => undefined);
    if (!state || !this.awaitingReport.has(tabId)) return;
    await this.report(tabId, state.url, state.enabled ? state.mentions.length : 0);
  }

  closed(tabId: number): void {
    this.tabs.delete(tabId);
    this.awaitingReport.delete(tabId);
  }

  /** Settings changed: hide the counts of sites now off (their content scripts drop their marks themselves). */
  async settingsChanged(settings: Settings): Promise<void> {
    this.settings = settings;
    await Promise.all([...this.tabs.keys()].map((tabId) => this.show(tabId)));
  }

  private async show(tabId: number): Promise<void> {
    const tab = this.tabs.get(tabId);
    if (!tab) return;
    const enabled = tab.url === undefined || isSiteEnabled(tab.url, this.settings);
    await setBadge(tabId, enabled ? badgeText(tab.count) : '');
  }
}

async function setBadge(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab was closed between the report and now: nothing to show.
  }
}

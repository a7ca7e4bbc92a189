import { browser } from 'wxt/browser';
import { findingById } from '../pack';

export const LOOKUP_MENU_ID = 'fact-context-lookup';

/** The report page, searching for `query` (the selection is trimmed and capped: it lands in a URL). */
export function reportUrlFor(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 200);
  const url = new URL(browser.runtime.getURL('/report.html'));
  if (q) url.searchParams.set('q', q);
  return url.href;
}

/** Menus persist across service-worker restarts; recreate them on install and on browser start (no duplicates). */
export async function registerLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: 'Look up in the assessment', contexts: ['selection'] });
}

/** The card's "Read in the assessment": pages cannot open extension pages themselves. Only known ids pass. */
export async function openReportAt(findingId: unknown): Promise<void> {
  const url = new URL(browser.runtime.getURL('/report.html'));
  if (typeof findingId === 'string' && findingById(findingId)) url.hash = findingId;
  await browser.tabs.create({ url: url.href });
}

export async function openLookup(selection: string | undefined): Promise<void> {
  await browser.tabs.create({ url: reportUrlFor(selection ?? '') });
}

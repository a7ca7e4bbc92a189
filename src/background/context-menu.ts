import { browser } from 'wxt/browser';
import { findingById } from '../pack';
import { reportUrl } from '../ui/report/report-url';

export const LOOKUP_MENU_ID = 'fact-context-lookup';

/** The report page, searching for `query` (the selection is trimmed and capped: it lands in a URL). */
export function reportUrlFor(query: string): string {
  return reportUrl({ query: query.replace(/\s+/g, ' ').trim().slice(0, 200) });
}

/** Menus persist across service-worker restarts; recreate them on install and on browser start (no duplicates). */
export async function registerLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: 'Look up in the assessment', contexts: ['selection'] });
}

/** The card's "Read in the assessment": pages cannot open extension pages themselves. Only known ids pass. */
export async function openReportAt(findingId: unknown): Promise<void> {
  const known = typeof findingId === 'string' && findingById(findingId) ? findingId : undefined;
  await browser.tabs.create({ url: reportUrl({ findingId: known }) });
}

export async function openLookup(selection: string | undefined): Promise<void> {
  await browser.tabs.create({ url: reportUrlFor(selection ?? '') });
}

import { browser } from 'wxt/browser';

/** The report page, scrolled to a finding's passages. */
export function reportUrl(findingId?: string): string {
  return browser.runtime.getURL('/report.html') + (findingId ? `#${encodeURIComponent(findingId)}` : '');
}

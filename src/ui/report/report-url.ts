import { browser } from 'wxt/browser';

/**
 * The bundled report page: at a finding's passages (`#<finding-id>`) and/or searching for a query (`?q=`).
 * The one place that builds this URL, so ids and queries are encoded the same way everywhere.
 */
export function reportUrl(target: { findingId?: string; query?: string } = {}): string {
  const url = new URL(browser.runtime.getURL('/report.html'));
  if (target.query) url.searchParams.set('q', target.query);
  if (target.findingId) url.hash = encodeURIComponent(target.findingId);
  return url.href;
}

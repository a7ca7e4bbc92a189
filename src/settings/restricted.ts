/**
 * Whether the browser lets an extension's content script run on a page at all. Chrome and Firefox both block their
 * own pages, other extensions' pages, their add-on stores and the built-in PDF viewer; file: needs a user opt-in
 * that this extension does not ask for (and the content script only matches http/https).
 */
export type PageAccess = { kind: 'web' } | { kind: 'restricted'; reason: string };

const STORE_HOSTS = new Set([
  'chrome.google.com', // the old Chrome Web Store lives under /webstore
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

export function pageAccess(url: string | undefined): PageAccess {
  if (!url) {
    // No address: the browser hid it because nothing of ours runs there — or the page predates the install.
    return {
      kind: 'restricted',
      reason:
        'Fact Context cannot run on this page. Browser pages, add-on stores and the PDF viewer are closed to extensions; if this is a web page opened before Fact Context was installed, reload it.',
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'restricted', reason: 'Fact Context cannot run on this page.' };
  }
  if (parsed.protocol === 'file:') {
    return { kind: 'restricted', reason: 'Fact Context does not run on files from your computer, only on web pages.' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { kind: 'restricted', reason: 'Browsers do not let extensions run on their own pages.' };
  }
  const host = parsed.hostname.toLowerCase();
  if (STORE_HOSTS.has(host) && (host !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return { kind: 'restricted', reason: 'Browsers do not let extensions run on their add-on store.' };
  }
  if (/\.pdf$/i.test(parsed.pathname)) {
    return { kind: 'restricted', reason: 'Extensions cannot read PDFs in the browser’s PDF viewer.' };
  }
  return { kind: 'web' };
}

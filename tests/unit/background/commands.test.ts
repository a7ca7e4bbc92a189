import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand, toggleSiteOf } from '../../../src/background/commands';
import { openReportAt, reportUrlFor } from '../../../src/background/context-menu';
import { getSettings, isSiteEnabled } from '../../../src/settings';

describe('toggle-site', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('switches the tab’s site off, then on again', async () => {
    expect(await toggleSiteOf('https://www.example.com/a')).toBe(false);
    expect((await getSettings()).sites).toEqual({ 'example.com': false });
    expect(await toggleSiteOf('https://example.com/b')).toBe(true);
    expect((await getSettings()).sites).toEqual({});
  });

  it('does nothing on pages that are not web sites', async () => {
    expect(await toggleSiteOf('chrome://extensions')).toBeNull();
    expect(await toggleSiteOf(undefined)).toBeNull();
    expect((await getSettings()).sites).toEqual({});
  });

  it('handleCommand flips the given tab’s site', async () => {
    await handleCommand('toggle-site', { id: 4, url: 'https://news.org/story' } as never);
    expect(isSiteEnabled('https://news.org/other', await getSettings())).toBe(false);
  });

  it('next-mention on a tab without a content script is harmless', async () => {
    await expect(handleCommand('next-mention', { id: 4, url: 'about:blank' } as never)).resolves.toBeUndefined();
  });
});

describe('reportUrlFor', () => {
  it('puts the selection in ?q=, trimmed and with spaces collapsed', () => {
    const url = new URL(reportUrlFor('  no   limits\npartnership '));
    expect(url.pathname).toBe('/report.html');
    expect(url.searchParams.get('q')).toBe('no limits partnership');
  });

  it('caps very long selections', () => {
    expect(new URL(reportUrlFor('x'.repeat(5000))).searchParams.get('q')).toHaveLength(200);
  });

  it('an empty selection opens the report without a query', () => {
    expect(new URL(reportUrlFor('   ')).search).toBe('');
  });
});

describe('openReportAt', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('opens the report page at a known finding', async () => {
    await openReportAt('transactional');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/report.html#transactional');
  });

  it('drops an unknown or odd id and opens the report at the top', async () => {
    await openReportAt('"><img src=x>');
    await openReportAt(42);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.includes('report'));
    expect(urls).toEqual([
      'chrome-extension://test-extension-id/report.html',
      'chrome-extension://test-extension-id/report.html',
    ]);
  });
});

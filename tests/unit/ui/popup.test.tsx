// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState } from '../../../src/messaging/protocol';
import { PACK } from '../../../src/pack';
import { getSettings, saveSettings, defaultSettings } from '../../../src/settings';
import { PopupApp } from '../../../src/ui/popup/PopupApp';
import type { PageClient, TargetTab } from '../../../src/ui/popup/target-tab';

/** Stands in for the content script of the tab (the messaging layer is tested in real browsers). */
class FakePage implements PageClient {
  revealed: number[] = [];
  constructor(private state: PageState | undefined) {}
  getPageState() {
    return Promise.resolve(this.state);
  }
  revealMention(_tabId: number, index: number) {
    this.revealed.push(index);
    return Promise.resolve(true);
  }
}

const mentions: PageState = {
  enabled: true,
  mentions: [
    { index: 0, text: 'no-limits partnership', trigger: 'no limits partnership', findings: ['unlimited-partnership'] },
    { index: 1, text: 'Power of Siberia 2', trigger: 'power of siberia', findings: ['energy-dedollarisation'] },
  ],
};

function show(tab: TargetTab | null, page: PageClient = new FakePage(mentions)) {
  return render(<PopupApp pack={PACK} tab={tab} page={page} closeWhenDone={false} />);
}
const webTab: TargetTab = { id: 7, url: 'https://www.example.com/world/story' };
const searchBox = () => screen.getByRole('combobox');
const results = () => [...document.querySelectorAll<HTMLElement>('#finding-results [role=option]')];

describe('popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => cleanup());

  it('opens with the search box focused and every finding listed in groups', async () => {
    show(webTab);
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    expect(
      results()
        .map((r) => r.dataset.findingId)
        .sort(),
    ).toEqual(PACK.findings.map((f) => f.id).sort());
    expect(screen.getByText('The nature of the partnership')).toBeTruthy();
  });

  it('shows results as you type, best first, with the matched words in <mark>', async () => {
    show(webTab);
    fireEvent.input(await waitFor(() => searchBox()), { target: { value: 'sanctions' } });
    await waitFor(() => expect(results()[0]?.dataset.findingId).toBe('sanctions-brics-coordination'));
    expect(results()[0]!.querySelector('mark')?.textContent.toLowerCase()).toBe('sanctions');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(results()[0]!.id);
  });

  it('never renders the query or results as HTML', async () => {
    show(webTab);
    fireEvent.input(await waitFor(() => searchBox()), { target: { value: '<img src=x onerror=alert(1)>' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('<img src=x onerror=alert(1)>'));
    expect(document.querySelector('img')).toBeNull();
  });

  it('arrow keys move through results and Enter opens the full finding; Esc goes back to the search', async () => {
    show(webTab);
    const box = await waitFor(() => searchBox());
    fireEvent.input(box, { target: { value: 'partnership' } });
    await waitFor(() => expect(results().length).toBeGreaterThan(1));
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const second = results()[1]!;
    expect(second.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' }); // wraps to the last
    expect(results().at(-1)!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' }); // wraps to the first
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });

    const id = second.dataset.findingId!;
    const finding = PACK.findings.find((f) => f.id === id)!;
    const detail = await waitFor(() => document.querySelector<HTMLElement>(`article.detail[data-finding-id="${id}"]`)!);
    expect(detail.textContent).toContain(finding.summary);
    for (const quote of finding.quotes) expect(detail.textContent).toContain(quote.text);
    expect(detail.textContent).toContain(PACK.report.publisher);
    expect(detail.querySelector('a')?.getAttribute('href')).toBe(
      `chrome-extension://test-extension-id/report.html#${id}`,
    );
    await waitFor(() => expect(document.activeElement?.textContent).toContain('All findings'));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('article.detail')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    expect(searchBox()).toHaveProperty('value', 'partnership');
  });

  it('shows a quote’s own attribution when it has one', async () => {
    show(webTab);
    const box = await waitFor(() => searchBox());
    fireEvent.input(box, { target: { value: 'seamless partnership' } });
    await waitFor(() => expect(results()[0]?.dataset.findingId).toBe('no-alliance-trust'));
    fireEvent.keyDown(box, { key: 'Enter' });
    const detail = await waitFor(() => document.querySelector('article.detail')!);
    const captions = [...detail.querySelectorAll('figcaption')].map((caption) => caption.textContent);
    // Said once and short: the speaker as the source names them, else the assessment; the publisher only in the
    // provenance line.
    expect(captions).toEqual(['— The assessment', '— A Foreign Office spokesperson, welcoming the assessment']);
    expect(detail.textContent.match(/GCHQ/g)).toHaveLength(1);
  });

  it('the site switch turns the tab’s site off and on with one click each, in storage', async () => {
    await saveSettings({ ...defaultSettings(), cardOpen: 'click', sites: { 'other.org': false } });
    show(webTab);
    const on = await screen.findByRole('switch', { name: /On for example\.com/ });
    expect(on.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(on);
    const off = await screen.findByRole('switch', { name: /Off for example\.com/ });
    expect(off.getAttribute('aria-checked')).toBe('false');
    expect(await getSettings()).toEqual({
      ...defaultSettings(),
      cardOpen: 'click',
      sites: { 'other.org': false, 'example.com': false },
    });
    expect(screen.getByText(/Fact Context is off for this site/)).toBeTruthy();
    fireEvent.click(off);
    await screen.findByRole('switch', { name: /On for example\.com/ });
    expect((await getSettings()).sites).toEqual({ 'other.org': false });
  });

  it('follows setting changes made elsewhere (the keyboard command, the options page)', async () => {
    show(webTab);
    await screen.findByRole('switch', { name: /On for example\.com/ });
    await saveSettings({ ...defaultSettings(), sites: { 'example.com': false } });
    await screen.findByRole('switch', { name: /Off for example\.com/ });
  });

  it.each([
    ['chrome://extensions/', /their own pages/],
    ['about:addons', /their own pages/],
    ['https://chromewebstore.google.com/detail/x', /add-on store/],
    ['https://addons.mozilla.org/en-US/firefox/', /add-on store/],
    ['https://example.com/paper.pdf', /PDF/],
    ['file:///home/me/a.html', /files from your computer/],
  ])('on %s it says why instead of showing a switch', async (url, reason) => {
    show({ id: 3, url });
    await screen.findByText(reason);
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByText(/On this page/)).toBeNull();
  });

  it('a tab with no address and no content script is treated as out of reach', async () => {
    show({ id: 3 }, new FakePage(undefined));
    await screen.findByText(/cannot run on this page/);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('takes the site from the page’s own answer when the browser hides the tab’s address', async () => {
    show({ id: 3 }, new FakePage({ ...mentions, url: 'https://news.example.org/a' }));
    fireEvent.click(await screen.findByRole('switch', { name: /On for news\.example\.org/ }));
    await screen.findByRole('switch', { name: /Off for news\.example\.org/ });
    expect((await getSettings()).sites).toEqual({ 'news.example.org': false });
  });

  it('lists the page’s mentions and reveals the one chosen', async () => {
    const page = new FakePage(mentions);
    show(webTab, page);
    await waitFor(() => expect(screen.getByTestId('mention-count').textContent).toBe('2'));
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.mention')];
    expect(buttons.map((b) => b.dataset.findingId)).toEqual(['unlimited-partnership', 'energy-dedollarisation']);
    expect(buttons[1]!.textContent).toContain('Power of Siberia 2');
    fireEvent.click(buttons[1]!);
    await waitFor(() => expect(page.revealed).toEqual([1]));
  });

  it('says so when no content script answers', async () => {
    show(webTab, new FakePage(undefined));
    await screen.findByText(/Reload it to use Fact Context here/);
  });

  it('with the global switch off it offers to turn it back on', async () => {
    await saveSettings({ ...defaultSettings(), enabled: false });
    show(webTab);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn it on' }));
    await screen.findByRole('switch', { name: /On for example\.com/ });
    expect((await getSettings()).enabled).toBe(true);
  });

  it('with the global switch off it says so plainly, never "off for this site"', async () => {
    await saveSettings({ ...defaultSettings(), enabled: false });
    show(webTab);
    await screen.findByTestId('global-off');
    expect(document.body.textContent).toContain('off everywhere');
    expect(document.body.textContent).not.toContain('off for this site');
  });

  it('puts “On this page” first and folds the full list when the page has mentions', async () => {
    show(webTab);
    await waitFor(() => expect(screen.getByTestId('mention-count').textContent).toBe('2'));
    const scroll = screen.getByTestId('popup-scroll');
    expect(scroll.firstElementChild?.matches('section.on-page')).toBe(true);
    const all = scroll.querySelector('details.all-findings')!;
    expect(all.hasAttribute('open')).toBe(false);
    expect(searchBox().getAttribute('aria-expanded')).toBe('false');
  });

  it('without mentions the full list comes first, unfolded', async () => {
    show(webTab, new FakePage({ enabled: true, mentions: [] }));
    await screen.findByText(/Nothing on this page/);
    const scroll = screen.getByTestId('popup-scroll');
    expect(scroll.firstElementChild?.matches('details.all-findings[open]')).toBe(true);
  });

  it('an empty result offers the way back to the full list', async () => {
    show(webTab);
    fireEvent.input(await waitFor(() => searchBox()), { target: { value: 'zzzzqqqq' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Show all findings' }));
    await waitFor(() => expect(results().length).toBe(PACK.findings.length));
    expect(searchBox()).toHaveProperty('value', '');
  });
});

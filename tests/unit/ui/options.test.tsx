// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, exportSettings, getSettings, saveSettings, type Settings } from '../../../src/settings';
import { Options } from '../../../src/ui/options/Options';

const saved: Settings = {
  ...defaultSettings(),
  enabled: true,
  sites: { 'example.com': false, 'news.example.com': true },
  cardOpen: 'click',
  markStyle: 'underline',
};

function show() {
  const downloads: { name: string; text: string }[] = [];
  render(<Options download={(name, text) => downloads.push({ name, text })} />);
  return downloads;
}

function chooseFile(text: string, name = 'settings.json') {
  const input = screen.getByTestId<HTMLInputElement>('import-file');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('options page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings(saved);
  });
  afterEach(() => cleanup());

  it('lists the site rules and removes one', async () => {
    show();
    await screen.findByText('news.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the rule for example.com' }));
    await waitFor(async () => expect((await getSettings()).sites).toEqual({ 'news.example.com': true }));
  });

  it('adds a site typed in any usual form, and refuses what is not a site', async () => {
    show();
    const input = await screen.findByLabelText('Site');
    fireEvent.input(input, { target: { value: 'https://www.Bücher.de/page' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await getSettings()).sites['xn--bcher-kva.de']).toBe(false));
    expect(await screen.findByText('bücher.de')).toBeTruthy();

    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.submit(input.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('“not a site” is not a site name');
  });

  it('changes the other settings', async () => {
    show();
    fireEvent.click(await screen.findByLabelText(/When the pointer rests/));
    fireEvent.click(screen.getByLabelText(/Light background tint/));
    fireEvent.click(screen.getByLabelText(/Mark phrases on web pages/));
    await waitFor(async () =>
      expect(await getSettings()).toEqual({ ...saved, cardOpen: 'hover', markStyle: 'highlight', enabled: false }),
    );
  });

  it('switches to the allow-list mode, and new rules then default to "on"', async () => {
    show();
    fireEvent.click(await screen.findByLabelText('Only on sites I list'));
    await waitFor(async () => expect((await getSettings()).siteMode).toBe('listed'));
    expect(await screen.findByText(/runs only on the sites switched on here/)).toBeTruthy();
    const input = screen.getByLabelText('Site');
    fireEvent.input(input, { target: { value: 'reader.org' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await getSettings()).sites['reader.org']).toBe(true));
  });

  it('sets the hover delay, and the key of quiet mode', async () => {
    await saveSettings({ ...saved, cardOpen: 'hover' });
    show();
    const delay = await screen.findByLabelText('Wait before opening');
    fireEvent.change(delay, { target: { value: '900' } });
    await waitFor(async () => expect((await getSettings()).hoverDelayMs).toBe(900));
    fireEvent.click(screen.getByLabelText(/Quiet mode/));
    fireEvent.change(await screen.findByLabelText('Key to hold'), { target: { value: 'Shift' } });
    await waitFor(async () => expect(await getSettings()).toMatchObject({ cardOpen: 'click', quietKey: 'Shift' }));
  });

  it('lists what the cards hid, and each undo shows it again', async () => {
    const wrong = {
      phrase: 'no limits',
      sentence: 'There are no limits to this squad.',
      findingId: 'no-limits',
      site: 'example.com',
      at: '2026-12-01T10:00:00.000Z',
    };
    await saveSettings({
      ...saved,
      hiddenPhrases: ['economic growth', 'ties with Europe'],
      hiddenFindings: ['transactional'],
      wrongMarks: [wrong],
    });
    show();
    expect(await screen.findByText('There are no limits to this squad.')).toBeTruthy();
    expect(screen.getByText('Transactional, not ideological')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show marks for “economic growth” again' }));
    await waitFor(async () => expect((await getSettings()).hiddenPhrases).toEqual(['ties with Europe']));
    fireEvent.click(screen.getByRole('button', { name: 'Show “Transactional, not ideological” again' }));
    await waitFor(async () => expect((await getSettings()).hiddenFindings).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Show the mark “no limits” again' }));
    await waitFor(async () => expect((await getSettings()).wrongMarks).toEqual([]));
    expect(await screen.findByText('None.')).toBeTruthy();
  });

  it('exports the settings as a file that imports back', async () => {
    const downloads = show();
    fireEvent.click(await screen.findByRole('button', { name: /Export settings/ }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('fact-context-settings.json');
    expect(JSON.parse(downloads[0]!.text)).toEqual({ format: 'fact-context-settings', version: 3, settings: saved });
  });

  it('imports a valid file', async () => {
    show();
    await screen.findByText('news.example.com');
    chooseFile(exportSettings({ ...defaultSettings(), sites: { 'a.org': false } }));
    expect((await screen.findByTestId('import-status')).textContent).toContain('1 site rule');
    expect(await getSettings()).toEqual({ ...defaultSettings(), sites: { 'a.org': false } });
  });

  it.each([
    ['broken JSON', '{"format": "fact-context-settings", ', /not valid JSON/],
    ['another extension’s file', '{"rules": [], "theme": "dark"}', /not a Fact Context settings file/],
    [
      'a bad value',
      JSON.stringify({ format: 'fact-context-settings', version: 3, settings: { ...saved, cardOpen: 'always' } }),
      /settings\.cardOpen/,
    ],
  ])('refuses %s with a specific error and changes nothing', async (_, text, message) => {
    show();
    await screen.findByText('news.example.com');
    chooseFile(text);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Nothing was changed\./);
    expect(alert.textContent).toMatch(message);
    expect(await getSettings()).toEqual(saved);
  });

  it('tells what was wrong with corrupt stored settings, keeping the rest', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...saved, markStyle: 'neon' } });
    show();
    const notice = await screen.findByText(/were not valid/);
    expect(notice.closest('.notice')?.textContent).toContain('markStyle');
    expect(screen.getByText('news.example.com')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/Faint dotted underline/).checked).toBe(true);
  });
});

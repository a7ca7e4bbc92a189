// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACK } from '../../../../src/pack/index';
import { Card } from '../../../../src/ui/card/Card';
import { matchNote, shortQuote } from '../../../../src/ui/card/card-text';

afterEach(cleanup);

function renderCard(overrides: Partial<Parameters<typeof Card>[0]> = {}) {
  const props = {
    phrase: 'axis of convenience',
    trigger: 'axis of convenience',
    findings: PACK.findings.slice(0, 4),
    report: PACK.report,
    reportHref: (id: string) => `chrome-extension://x/report.html#${id}`,
    onOpenReport: vi.fn(),
    onClose: vi.fn(),
    takeFocus: false,
    ...overrides,
  };
  return { props, ...render(<Card {...props} />) };
}

describe('the context card', () => {
  it('is a labelled dialog showing the best finding, the others behind "more"', () => {
    const { container, props, getByRole } = renderCard();
    const dialog = container.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toContain('axis of convenience');
    const ids = () =>
      [...container.querySelectorAll('[data-finding-id]')].map((e) => e.getAttribute('data-finding-id'));
    expect(ids()).toEqual([props.findings[0]!.id]);
    const more = getByRole('button', { name: '3 more findings' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(ids()).toEqual(props.findings.map((finding) => finding.id));
    expect(getByRole('button', { name: 'Fewer' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('has no "more" control when there is one finding', () => {
    const { queryByRole } = renderCard({ findings: PACK.findings.slice(0, 1) });
    expect(queryByRole('button', { name: /more finding/ })).toBeNull();
  });

  it('says the provenance once, short, with the publisher once', () => {
    const { container } = renderCard();
    const text = container.textContent;
    expect(text).not.toMatch(/Declassified.*Declassified/);
    expect(text).not.toMatch(/\(Government Communications Headquarters \(GCHQ\)\)/);
    expect(container.querySelectorAll('.fc-provenance')).toHaveLength(1);
    expect(container.querySelector('.fc-provenance')!.textContent).toContain('GCHQ');
    // The link to the report's "about" is the source's own short name.
    expect(container.querySelector('.fc-provenance a')!.textContent).toBe(
      'Declassified British intelligence assessment (GCHQ)',
    );
    expect(container.querySelector('.fc-provenance')!.textContent).toContain('does not rate this article');
  });

  it('offers the dismiss actions and their undo', async () => {
    const undo = vi.fn(() => Promise.resolve());
    const onAction = vi.fn(() => Promise.resolve(undo));
    const { getByRole, findByRole, container } = renderCard({ onAction });
    fireEvent.click(getByRole('button', { name: 'Hide…' }));
    for (const name of ['Hide marks for this phrase', 'Hide this finding', 'Off on this site', 'This mark is wrong'])
      expect(getByRole('button', { name })).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'This mark is wrong' }));
    expect(onAction).toHaveBeenCalledWith('wrong-mark', PACK.findings[0]!.id);
    expect((await findByRole('status')).textContent).toContain('never sent');
    fireEvent.click(getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(container.querySelector('[data-finding-id]')).not.toBeNull());
  });

  it('shows "Hide…" in place of the finding (the card keeps its size), focus on its first item, Back returns', async () => {
    const onAction = vi.fn(() => Promise.resolve(() => Promise.resolve()));
    const { getByRole, container } = renderCard({ onAction });
    const hide = getByRole('button', { name: 'Hide…' });
    fireEvent.click(hide);
    expect(container.querySelector('[data-finding-id]')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Hide marks for this phrase'));
    fireEvent.click(getByRole('button', { name: 'Back' }));
    expect(container.querySelector('[data-finding-id]')).not.toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Hide…'));
  });

  it('shows title, summary and the quote with its attribution, and the provenance line', () => {
    const finding = PACK.findings.find((candidate) => shortQuote(candidate)?.attribution)!;
    const { container } = renderCard({ findings: [finding] });
    const item = container.querySelector(`[data-finding-id="${finding.id}"]`)!;
    expect(item.textContent).toContain(finding.title);
    expect(item.textContent).toContain(finding.summary);
    const quote = shortQuote(finding)!;
    expect(item.querySelector('blockquote')!.textContent).toContain(quote.text);
    expect(item.querySelector('figcaption')!.textContent).toBe(`— ${quote.attribution}`);
  });

  it('renders page text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">axis of convenience';
    const { container } = renderCard({ phrase: hostile, trigger: 'axis of convenience' });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toContain(hostile);
  });

  it('names the trigger when the page used other words', () => {
    const { container } = renderCard({ phrase: 'marriage of convenience', trigger: 'axis of convenience' });
    expect(container.querySelector('.fc-trigger')?.textContent).toContain('axis of convenience');
    cleanup();
    const same = renderCard();
    expect(same.container.querySelector('.fc-trigger')).toBeNull();
  });

  it.each([
    ["'no limits' partnership", 'no limits partnership', undefined],
    ['No-Limits partnership', 'no limits partnership', undefined],
    ['joint exercise', 'joint exercises', undefined],
    ['weeks before the invasion', 'declared in February 2022', 'declared in February 2022'],
    ['transactional and limited in scope', 'limited in scope', undefined],
    ['unlimited', 'limited', 'limited'],
  ])('"why matched" for %j → %j: %j', (phrase, trigger, note) => {
    expect(matchNote(phrase, trigger)).toBe(note);
  });

  it('links each finding to the report page and asks the background to open it', () => {
    const { container, props } = renderCard();
    const first = props.findings[0]!;
    const link = container.querySelector<HTMLAnchorElement>(`[data-finding-id="${first.id}"] a`)!;
    expect(link.textContent).toBe('Read in the assessment');
    expect(link.getAttribute('href')).toBe(`chrome-extension://x/report.html#${first.id}`);
    fireEvent.click(link);
    expect(props.onOpenReport).toHaveBeenCalledWith(first.id);
  });

  it('closes from its close button', () => {
    const { container, props } = renderCard();
    fireEvent.click(container.querySelector('button[aria-label="Close"]')!);
    expect(props.onClose).toHaveBeenCalledOnce();
  });
});

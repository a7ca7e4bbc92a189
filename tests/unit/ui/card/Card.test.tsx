// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACK } from '../../../../src/pack/index';
import { Card, MAX_CARD_FINDINGS } from '../../../../src/ui/card/Card';
import { provenanceText } from '../../../../src/ui/shared/FindingDetails';

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
  it('is a labelled dialog listing the top findings best first, each with data-finding-id', () => {
    const { container, props } = renderCard();
    const dialog = container.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toContain('axis of convenience');
    const ids = [...container.querySelectorAll('[data-finding-id]')].map((element) =>
      element.getAttribute('data-finding-id'),
    );
    expect(ids).toEqual(props.findings.slice(0, MAX_CARD_FINDINGS).map((finding) => finding.id));
  });

  it('shows title, summary and the quote with its attribution, and the provenance line', () => {
    const finding = PACK.findings.find((candidate) => candidate.quotes.some((quote) => quote.attribution))!;
    const { container } = renderCard({ findings: [finding] });
    const item = container.querySelector(`[data-finding-id="${finding.id}"]`)!;
    expect(item.textContent).toContain(finding.title);
    expect(item.textContent).toContain(finding.summary);
    expect(item.querySelector('blockquote')!.textContent).toContain(finding.quotes[0]!.text);
    expect(item.querySelector('figcaption')!.textContent).toMatch(/assessment/);
    expect(container.textContent).toContain(provenanceText(PACK.report));
  });

  it('renders page text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">axis of convenience';
    const { container } = renderCard({ phrase: hostile, trigger: 'axis of convenience' });
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });

  it('names the trigger when the page used other words', () => {
    const { container } = renderCard({ phrase: 'marriage of convenience', trigger: 'axis of convenience' });
    expect(container.querySelector('.fc-trigger')?.textContent).toContain('axis of convenience');
    cleanup();
    const same = renderCard();
    expect(same.container.querySelector('.fc-trigger')).toBeNull();
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

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PACK } from '../../../src/pack';
import { Report } from '../../../src/ui/report/Report';
import { findOccurrences, segmentText } from '../../../src/ui/report/segments';

import TEXT from '../../../assets/pack/assessment.txt?raw';

describe('segmentText', () => {
  it('cuts at every boundary so overlapping layers keep their marks', () => {
    const segments = segmentText(
      10,
      [
        { start: 2, end: 6, kind: 'quote', findingId: 'a' },
        { start: 4, end: 8, kind: 'quote', findingId: 'b' },
        { start: 5, end: 7, kind: 'hit' },
      ],
      new Map([
        ['a', 2],
        ['b', 4],
      ]),
    );
    expect(segments.map((s) => [s.start, s.end, s.findingIds.join('+'), s.hit, s.anchors.join()])).toEqual([
      [0, 2, '', false, ''],
      [2, 4, 'a', false, 'a'],
      [4, 5, 'a+b', false, 'b'],
      [5, 6, 'a+b', true, ''],
      [6, 7, 'b', true, ''],
      [7, 8, 'b', false, ''],
      [8, 10, '', false, ''],
    ]);
  });

  it('ignores quotes the compiler could not place', () => {
    expect(segmentText(5, [{ start: -1, end: 3, kind: 'quote', findingId: 'x' }], new Map())).toHaveLength(1);
  });
});

describe('findOccurrences', () => {
  it('finds a phrase ignoring case and line breaks', () => {
    const text = 'An Axis of\nconvenience, an axis of convenience.';
    expect(findOccurrences(text, 'axis of convenience').map((h) => text.slice(h.start, h.end))).toEqual([
      'Axis of\nconvenience',
      'axis of convenience',
    ]);
  });

  it('treats the query as text, not a pattern', () => {
    expect(findOccurrences('a (b) c', '(b)')).toHaveLength(1);
    expect(findOccurrences('abc', '.*')).toHaveLength(0);
  });
});

describe('report page', () => {
  afterEach(() => cleanup());

  it('shows the whole text with every quote marked, and the provenance', () => {
    render(<Report pack={PACK} text={TEXT} initialQuery="" currentId={undefined} />);
    const article = document.querySelector('article.assessment')!;
    expect(article.textContent).toBe(TEXT);
    const marked = [...article.querySelectorAll('mark.quote')].map((m) => m.textContent).join('');
    for (const finding of PACK.findings) for (const quote of finding.quotes) expect(marked).toContain(quote.text);
    expect(screen.getByTestId('provenance').textContent).toContain(PACK.report.publisher);
  });

  it('gives each finding an anchor at its first quote and emphasises the one in the address', () => {
    render(<Report pack={PACK} text={TEXT} initialQuery="" currentId="weapons-requests" />);
    for (const finding of PACK.findings) expect(document.getElementById(finding.id)).not.toBeNull();
    const current = [...document.querySelectorAll('mark.current')].map((m) => m.textContent).join('');
    expect(current).toBe(
      PACK.findings
        .find((f) => f.id === 'weapons-requests')!
        .quotes.map((q) => q.text)
        .join(''),
    );
    expect(document.querySelector('aside.current-finding')?.getAttribute('data-finding-id')).toBe('weapons-requests');
  });

  it('searches from ?q= and as you type: places in the text and matching findings', async () => {
    render(<Report pack={PACK} text={TEXT} initialQuery="axis of convenience" currentId={undefined} />);
    expect(
      [...document.querySelectorAll('mark.hit')]
        .map((m) => m.textContent)
        .join('')
        .toLowerCase(),
    ).toContain('axis of convenience');
    expect(document.querySelector('.report-results [data-finding-id]')?.getAttribute('data-finding-id')).toBe(
      'axis-of-convenience',
    );
    fireEvent.input(screen.getByLabelText('Search the assessment'), { target: { value: 'submarine' } });
    await waitFor(() => expect(screen.getByTestId('search-summary').textContent).toMatch(/^1 place in the text/));
  });

  it('shows a query that looks like HTML as text', () => {
    render(<Report pack={PACK} text={TEXT} initialQuery={'<img src=x onerror=alert(1)>'} currentId={undefined} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Search the assessment').value).toBe('<img src=x onerror=alert(1)>');
  });
});

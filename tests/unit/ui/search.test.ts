import { describe, expect, it } from 'vitest';
import { PACK } from '../../../src/pack';
import { createPopupSearch, searchFindings, splitMarked, trimAround } from '../../../src/ui/popup/search';
import { FINDING_GROUPS, groupFindings } from '../../../src/ui/popup/groups';

describe('splitMarked', () => {
  it('splits around inclusive ranges', () => {
    expect(splitMarked({ text: 'no limits here', ranges: [[3, 8]] })).toEqual([
      { text: 'no ', marked: false },
      { text: 'limits', marked: true },
      { text: ' here', marked: false },
    ]);
  });

  it('ignores overlapping, reversed and out-of-range ranges instead of garbling the text', () => {
    const parts = splitMarked({
      text: 'abcdef',
      ranges: [
        [0, 2],
        [1, 3],
        [5, 4],
        [10, 12],
      ],
    });
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['abc']);
  });
});

describe('trimAround', () => {
  it('keeps short values whole', () => {
    expect(trimAround({ value: 'short', indices: [[0, 1]] })).toEqual({ text: 'short', ranges: [[0, 1]] });
  });

  it('cuts long values around the first match and shifts the ranges', () => {
    const value = `${'a'.repeat(200)}TARGET${'b'.repeat(200)}`;
    const { text, ranges } = trimAround({ value, indices: [[200, 205]] });
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    const [start, end] = ranges[0]!;
    expect(text.slice(start, end + 1)).toBe('TARGET');
  });
});

describe('searchFindings over the bundled pack', () => {
  const search = createPopupSearch(PACK);

  it('finds the finding a phrase belongs to, with the matched words emphasised', () => {
    const [first] = searchFindings(search, 'no limits');
    expect(first?.id).toBe('unlimited-partnership');
    const marked = splitMarked(first!.title)
      .filter((p) => p.marked)
      .map((p) => p.text);
    expect(marked.join(' ').toLowerCase()).toContain('no limits');
  });

  it('reaches words that only a quote or keyword has', () => {
    const results = searchFindings(search, 'submarine');
    expect(results[0]?.id).toBe('weapons-requests');
    expect(
      results[0]?.snippet && splitMarked(results[0].snippet).some((p) => /submarine/i.test(p.text) && p.marked),
    ).toBe(true);
  });

  it('an empty query gives nothing (the popup shows the groups instead)', () => {
    expect(searchFindings(search, '   ')).toEqual([]);
  });
});

describe('groupFindings', () => {
  it('places every finding of the pack in a named group, once', () => {
    const groups = groupFindings(PACK.findings);
    expect(groups.map((g) => g.title)).not.toContain('More findings');
    expect(groups.flatMap((g) => g.findings.map((f) => f.id)).sort()).toEqual(PACK.findings.map((f) => f.id).sort());
  });

  it('names only findings that exist', () => {
    const ids = new Set(PACK.findings.map((f) => f.id));
    expect(FINDING_GROUPS.flatMap((g) => g.ids).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('shows findings nobody placed under "More findings"', () => {
    const extra = { id: 'new-one', title: 'New', summary: 's', quotes: [] };
    const groups = groupFindings([...PACK.findings, extra]);
    expect(groups.at(-1)).toEqual({ title: 'More findings', findings: [extra] });
  });
});

describe('snippets', () => {
  it('never show a trigger variant in its pattern form', () => {
    const search = createPopupSearch(PACK);
    for (const query of ['sanctions', 'growth', 'economy', 'defence', 'partnership']) {
      for (const result of searchFindings(search, query)) expect(result.snippet?.text ?? '').not.toMatch(/\(.*\|.*\)/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { PageDetails, PageResult } from '../../../scripts/bench/measure-page';
import type { NoSubjectPageResult } from '../../../scripts/bench/measure-sentinel';
import { formatTable, verdicts, type BenchReport, type ReportContext } from '../../../scripts/bench/report';
import { tasksBetween } from '../../../scripts/bench/trace';

function page(sizeKb: number, overrides: Partial<PageResult> = {}): PageResult {
  return {
    subject: true,
    size_kb: sizeKb,
    floor_ms: 10,
    ours_ms: 20,
    markjs_ms: 400,
    fuse_naive_ms: 30_000,
    max_task_ms: 12,
    long_tasks: 0,
    highlight_frame_ms: 5,
    highlight_frame_base_ms: 4,
    marks_after_dcl_ms: 120,
    mutation_ms: 0.01,
    mutation_base_ms: 0.01,
    heap_kb: 500,
    mentions_expected: 10,
    mentions_found: 10,
    ...overrides,
  };
}

const detail = (overrides: Partial<PageDetails> = {}): PageDetails => ({
  fuseCapped: true,
  fuseSearched: '10 of 100 sentences',
  markjsCount: 10,
  markjsCapped: false,
  slow: [],
  missing: [],
  extra: [],
  correct: true,
  liveRanges: 10,
  tasksTraced: 4,
  longestTaskInside: '',
  loadMs: 1,
  engineMs: 1,
  mutationMarksOnlyMs: 0.01,
  mutationEmptyObserverMs: 0.012,
  mutationMinimalObserverMs: 0.011,
  parts: { extractMs: 1, extractNoStyleMs: 1, createEngineMs: 1, scanMs: 1 },
  ...overrides,
});

const offTopic = (overrides: Partial<NoSubjectPageResult> = {}): NoSubjectPageResult => ({
  subject: false,
  size_kb: 1024,
  floor_ms: 10,
  sentinel_ms: 14,
  scripts_loaded: 1,
  ...overrides,
});

function report(pages: (PageResult | NoSubjectPageResult)[]): BenchReport {
  return {
    pages,
    bundle_gzip_kb: { content: 20, sentinel: 3, engine: 20, popup: 30, background: 10 },
    search_ms: {
      real_pack_ms: 0.5,
      real_pack_p95_ms: 1,
      findings_10000_ms: 10,
      findings_10000_p95_ms: 14,
      keystrokes: 90,
    },
    trigger_scaling: [
      { triggers: 30, ms: 10 },
      { triggers: 300, ms: 10 },
      { triggers: 3000, ms: 11 },
      { triggers: 30000, ms: 15 },
    ],
  };
}

const context = (details: PageDetails[]): ReportContext => ({
  details,
  machine: 'test machine',
  runs: 5,
  fuseCapMs: 30_000,
  dataGzipKb: { 'compiled.json': 5 },
  noSubject: { evalMs: 1 },
  scalingMentions: [10, 10, 10, 10],
});

describe('bench verdicts', () => {
  it('meets every target when the figures are inside them', () => {
    const pages = [page(100), page(1024), page(5120, { ours_ms: 15 })];
    const all = verdicts(report([...pages, offTopic()]), context(pages.map(() => detail())));
    expect(all.filter((v) => !v.met)).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(20);
  });

  it('misses the ratio targets by the issue’s limits, and says why', () => {
    const pages = [page(1024, { ours_ms: 31 }), page(5120, { ours_ms: 21, markjs_ms: 200 })];
    const all = verdicts(report(pages), context(pages.map(() => detail())));
    const missed = all.filter((v) => !v.met).map((v) => v.target);
    expect(missed).toEqual(
      expect.arrayContaining([
        'ours_ms ≤ 3× floor_ms at 1.0 MB',
        'ours_ms ≤ 2× floor_ms at 5.0 MB (stretch 1.5×)',
        'markjs_ms / ours_ms ≥ 10 at 5.0 MB',
      ]),
    );
    const note = all.find((v) => v.target.startsWith('ours_ms ≤ 3×'))?.note;
    expect(note).toMatch(/loading the engine/);
    expect(note).toMatch(/^missed by 1\.0 ms \(1\.03× the limit\)/);
  });

  it('misses correctness when the marks differ from the planted mentions, and the table says WRONG', () => {
    const pages = [page(100, { mentions_found: 9 })];
    const details = [detail({ correct: false, missing: ['axis of convenience'] })];
    const all = verdicts(report(pages), context(details));
    expect(all[0]).toMatchObject({ met: false });
    expect(all[0]?.note).toContain('axis of convenience');
    expect(formatTable(report(pages), context(details))).toContain('9/10 WRONG');
  });

  it('misses the long-task, mutation, bundle, search and scaling targets past their limits', () => {
    const pages = [page(5120, { long_tasks: 2, max_task_ms: 80, mutation_ms: 0.016 })];
    const r = report(pages);
    r.bundle_gzip_kb.engine = 31;
    r.search_ms.real_pack_ms = 2.5;
    r.search_ms.findings_10000_ms = 17;
    r.trigger_scaling[3]!.ms = 21;
    const missed = verdicts(r, context([detail()]))
      .filter((v) => !v.met)
      .map((v) => v.target);
    expect(missed).toHaveLength(6);
  });

  it('counts the card with the engine for the engine + card target, and prints both parts', () => {
    const r = report([page(1024)]);
    r.bundle_gzip_kb.engine = 20;
    r.bundle_gzip_kb.card = 11;
    const verdict = verdicts(r, context([detail()])).find((v) => v.target.startsWith('scanning engine + card'));
    expect(verdict?.met).toBe(false);
    expect(verdict?.measured).toContain('31.0 kB: engine 20.0 kB + card 11.0 kB');
    expect(formatTable(r, context([detail()]))).toContain('engine 20 kB + card 11 kB (loaded on the first card)');
  });

  it('says what an empty observer costs a change when the mutation target is missed, with our options and the least', () => {
    const r = report([page(1024, { mutation_ms: 0.02 })]);
    const note = verdicts(r, context([detail()])).find((v) => v.target.startsWith('mutation_ms'))?.note ?? '';
    expect(note).toContain('with the same options alone makes a change 12.0 µs');
    expect(note).toContain('childList + subtree only (the least that sees text arriving later) 11.0 µs');
  });

  it('says a long task happened in another run than the traced one, instead of a negative miss', () => {
    const pages = [page(5120, { long_tasks: 1, max_task_ms: 46.5 })];
    const verdict = verdicts(report(pages), context([detail()])).find((v) => v.target.startsWith('0 tasks over 50 ms'));
    expect(verdict?.met).toBe(false);
    expect(verdict?.note).toMatch(/^a task over 50 ms in the worst run, not in the traced one \(46\.5 ms\)/);
  });
});

describe('bench verdicts of the sentinel/engine split', () => {
  it('misses the sentinel, frame, marks-after-DCL and sentinel-bundle targets past their limits, saying by how much', () => {
    const pages = [page(1024, { highlight_frame_ms: 9, marks_after_dcl_ms: 150 })];
    const r = report([...pages, offTopic({ sentinel_ms: 16, scripts_loaded: 2 })]);
    r.bundle_gzip_kb.sentinel = 5.5;
    const missed = verdicts(r, context([detail()])).filter((v) => !v.met);
    expect(missed.map((v) => v.target)).toEqual([
      '1.0 MB without the subject: sentinel_ms ≤ 1.5× floor_ms',
      '1.0 MB without the subject: the sentinel is the only script of ours the page loads',
      'highlight_frame_ms ≤ 2× highlight_frame_base_ms at 1.0 MB',
      'marks after DOMContentLoaded (built extension) ≤ 2× ours_ms + 100 ms at 1.0 MB',
      'sentinel ≤ 5 kB gzipped',
    ]);
    expect(missed[0]?.note).toMatch(/^missed by 1\.0 ms \(1\.07× the limit\)/);
    expect(missed[2]?.note).toMatch(/^missed by 1\.0 ms/);
    expect(missed[3]?.note).toMatch(/^missed by 10\.0 ms/);
  });

  it('explains a late first mark with the timeline marks of the built extension', () => {
    const pages = [page(100, { marks_after_dcl_ms: 400 })];
    const timeline = { 'sentinel-start': 150, 'subject-checked': 158, 'engine-start': 330, 'scan-done': 399 };
    const all = verdicts(report(pages), {
      ...context([detail()]),
      extension: [{ sizeKb: 100, expected: [], found: [], ms: 400, timeline }],
    });
    const note = all.find((v) => v.target.startsWith('marks after DOMContentLoaded'))?.note;
    expect(note).toMatch(/^missed by 260\.0 ms/);
    expect(note).toContain('the sentinel started at 150.0 ms (document_end), had read the page at 158.0 ms');
    expect(note).toContain('the injected engine started at 330.0 ms, read the settings at ?');
  });

  it("says when the page's own first frame after DOMContentLoaded is past the limit before our scripts run", () => {
    const pages = [page(5120, { ours_ms: 1000, marks_after_dcl_ms: 4000, first_frame_after_dcl_ms: 3300 })];
    const timeline = { 'sentinel-start': 3400, 'subject-checked': 3430, 'engine-start': 3500, 'scan-done': 3950 };
    const all = verdicts(report(pages), {
      ...context([detail()]),
      extension: [{ sizeKb: 5120, expected: [], found: [], ms: 4000, timeline, firstFrameMs: 3300 }],
    });
    const note = all.find((v) => v.target.startsWith('marks after DOMContentLoaded'))?.note;
    expect(note).toMatch(/^missed by 1\.90 s/);
    expect(note).toContain("the page's own style and layout at the end of parsing ran until its first frame at 3.30 s");
    expect(note).toContain("the page's own first frame after DOMContentLoaded (3.30 s) is past the limit");
  });

  it('puts the page without the subject in its own line of the table', () => {
    const pages = [page(1024)];
    const table = formatTable(report([...pages, offTopic()]), context([detail()]));
    expect(table).toContain(
      '1.0 MB without the subject: floor 10.0 ms, sentinel 14.0 ms (1.4×), scripts of ours loaded 1',
    );
    // A report from before the card had its own bundle (no `card`): the engine carried it.
    expect(table).toContain('sentinel 3 kB · engine 20 kB (card in engine) · popup');
  });
});

describe('tasksBetween', () => {
  const meta = {
    name: 'thread_name',
    cat: '__metadata',
    ph: 'M',
    ts: 0,
    pid: 1,
    tid: 7,
    args: { name: 'CrRendererMain' },
  };
  const mark = (name: string, ts: number) => ({ name, cat: 'blink.user_timing', ph: 'R', ts, pid: 1, tid: 7 });
  const task = (ts: number, durMs: number, tid = 7) => ({
    name: 'RunTask',
    cat: 'disabled-by-default-devtools.timeline',
    ph: 'X',
    ts,
    dur: durMs * 1000,
    pid: 1,
    tid,
  });

  it('finds the longest main-thread task between the marks and counts those over 50 ms', () => {
    const events = [
      meta,
      mark('a', 1_000),
      task(1_000, 10),
      task(20_000, 60),
      task(90_000, 5),
      task(2_000, 500, 9),
      mark('b', 100_000),
      task(200_000, 300),
    ];
    expect(tasksBetween(events, 'a', 'b')).toMatchObject({ max: 60, over50: 1, tasks: 3 });
  });

  it('is undefined without the marks', () => {
    expect(tasksBetween([meta, task(0, 10)], 'a', 'b')).toBeUndefined();
  });
});

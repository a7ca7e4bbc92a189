/**
 * The longest main-thread task while our code runs, from a Chromium performance trace (the same data as the
 * DevTools Performance panel). The Long Tasks API only reports tasks over 50 ms; the trace gives every task.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing', '__metadata'];
/**
 * A cheaper trace (`--compare --trace`): the scheduler's own tasks (`ThreadControllerImpl::RunTask`) and the
 * garbage collector's phases, without DevTools' detailed timeline, which took ~50 s per 5 MB run to collect.
 */
export const LIGHT_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'];
export const LIGHT_TASK = 'ThreadControllerImpl::RunTask';

export async function startTrace(cdp: CDPSession, categories = CATEGORIES): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/**
 * Main-thread tasks of the page's renderer between two user-timing marks: the longest, in ms, and how many
 * ran over 50 ms. Undefined when the marks are not in the trace.
 */
export function tasksBetween(
  events: TraceEvent[],
  startMark: string,
  endMark: string,
  taskName = 'RunTask',
): { max: number; over50: number; tasks: number; inside: string } | undefined {
  const start = events.find((e) => e.name === startMark && e.cat.includes('user_timing'));
  const end = events.find((e) => e.name === endMark && e.cat.includes('user_timing'));
  if (!start || !end) return undefined;
  const mainThread = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'CrRendererMain',
  );
  const tid = mainThread?.tid ?? start.tid;
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === taskName &&
      e.pid === start.pid &&
      e.tid === tid &&
      e.ts + (e.dur ?? 0) >= start.ts &&
      e.ts <= end.ts,
  );
  const durations = tasks.map((e) => (e.dur ?? 0) / 1000);
  const longest = tasks.reduce<TraceEvent | undefined>(
    (a, b) => (!a || (b.dur ?? 0) > (a.dur ?? 0) ? b : a),
    undefined,
  );
  return {
    max: Math.max(0, ...durations),
    over50: durations.filter((d) => d > 50).length,
    tasks: tasks.length,
    inside: longest ? inside(events, longest) : '',
  };
}

/** What the longest task spent its time on: the biggest trace events nested in it (script, style, layout...). */
function inside(events: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + (task.dur ?? 0);
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e === task || e.ph !== 'X' || e.pid !== task.pid || e.tid !== task.tid || e.ts < task.ts || e.ts > end)
      continue;
    if (
      !e.name.startsWith('V8.GC_') &&
      ![
        'FunctionCall',
        'EvaluateScript',
        'v8.evaluateModule',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'MajorGC',
        'MinorGC',
        'V8.GC_MARK_COMPACTOR',
        'ParseHTML',
        'RunMicrotasks',
      ].includes(e.name)
    )
      continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
    .join(', ');
}

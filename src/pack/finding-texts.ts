/**
 * The card's texts travel on demand: the scanning engine carries finding ids only, and the content script asks the
 * background (which bundles the pack) for the texts of the findings its marks carry, right after each scan, so
 * that a card (above all one the keyboard opens) renders in the task that opens it. Answers are cached for the
 * life of the page: each finding is asked for once.
 */
import type { FindingView } from './compile';
import type { ReportMeta } from './schema';

export interface FindingTexts {
  report: ReportMeta;
  /** In the order asked for; ids the pack does not have are left out. */
  findings: FindingView[];
}

/** A page's marks carry a few findings; a longer request is cut, not refused (the loader asks in parts). */
const MAX_FINDINGS_PER_REQUEST = 16;

/** The background's answer, from the bundled pack. Tolerates any input (a message is untrusted data). */
export function answerFindingTexts(
  pack: { report: ReportMeta; findingById: (id: string) => FindingView | undefined },
  ids: unknown,
): FindingTexts {
  const wanted = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  const findings = [...new Set(wanted)]
    .slice(0, MAX_FINDINGS_PER_REQUEST)
    .map((id) => pack.findingById(id))
    .filter((finding): finding is FindingView => finding !== undefined);
  return { report: pack.report, findings };
}

export interface FindingTextsLoader {
  /**
   * The texts of these findings (best first, as given); rejects only if the background cannot be reached. Any
   * number of ids: they are asked for in requests of at most MAX_FINDINGS_PER_REQUEST, each id once at a time.
   */
  load(ids: readonly string[]): Promise<FindingTexts>;
  /** The texts if every one of these ids was loaded before (a card can then render at once), else undefined. */
  cached(ids: readonly string[]): FindingTexts | undefined;
}

/** The loader the card calls; `ask` sends the getFindingTexts message (see createBackgroundFindingTexts). */
export function createFindingTextsLoader(ask: (ids: string[]) => Promise<FindingTexts>): FindingTextsLoader {
  const known = new Map<string, FindingView>();
  /** Ids in a request not answered yet: a card opened while the page's texts are being prefetched waits for them. */
  const asking = new Map<string, Promise<void>>();
  let report: ReportMeta | undefined;
  const cached = (ids: readonly string[]): FindingTexts | undefined => {
    if (!report || !ids.every((id) => known.has(id))) return undefined;
    return { report, findings: ids.map((id) => known.get(id) as FindingView) };
  };
  const request = (ids: string[]): void => {
    const answered = ask(ids)
      .then((answer) => {
        report = answer.report;
        for (const finding of answer.findings) known.set(finding.id, finding);
      })
      .finally(() => ids.forEach((id) => asking.delete(id)));
    ids.forEach((id) => asking.set(id, answered));
  };
  return {
    cached,
    async load(ids) {
      const hit = cached(ids);
      if (hit) return hit;
      const missing = [...new Set(ids)].filter((id) => !known.has(id) && !asking.has(id));
      for (let at = 0; at < missing.length; at += MAX_FINDINGS_PER_REQUEST) {
        request(missing.slice(at, at + MAX_FINDINGS_PER_REQUEST));
      }
      await Promise.all(new Set(ids.flatMap((id) => asking.get(id) ?? [])));
      // The provenance comes with every answer; with no id to ask for, an empty request brings it.
      report ??= (await ask([])).report;
      // Ids the pack does not know stay unknown: the card shows the findings it got.
      return { report, findings: ids.flatMap((id) => known.get(id) ?? []) };
    },
  };
}

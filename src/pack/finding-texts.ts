/**
 * The card's texts travel on demand: the scanning engine carries finding ids only, and the card asks the
 * background (which bundles the pack) for the texts of the findings it shows, when it opens. Answers are cached
 * for the life of the page, so a card opened twice asks once.
 */
import type { FindingView } from './compile';
import type { ReportMeta } from './schema';

export interface FindingTexts {
  report: ReportMeta;
  /** In the order asked for; ids the pack does not have are left out. */
  findings: FindingView[];
}

/** A card never shows more than a few findings; a longer request is cut, not refused. */
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
  /** The texts of these findings (best first, as given); rejects only if the background cannot be reached. */
  load(ids: readonly string[]): Promise<FindingTexts>;
  /** The texts if every one of these ids was loaded before (a card can then render at once), else undefined. */
  cached(ids: readonly string[]): FindingTexts | undefined;
}

/** The loader the card calls; `ask` sends the getFindingTexts message (see createBackgroundFindingTexts). */
export function createFindingTextsLoader(ask: (ids: string[]) => Promise<FindingTexts>): FindingTextsLoader {
  const known = new Map<string, FindingView>();
  let report: ReportMeta | undefined;
  const cached = (ids: readonly string[]): FindingTexts | undefined => {
    if (!report || !ids.every((id) => known.has(id))) return undefined;
    return { report, findings: ids.map((id) => known.get(id) as FindingView) };
  };
  return {
    cached,
    async load(ids) {
      const hit = cached(ids);
      if (hit) return hit;
      const answer = await ask(ids.filter((id) => !known.has(id)));
      report = answer.report;
      for (const finding of answer.findings) known.set(finding.id, finding);
      // Ids the pack does not know stay unknown: the card shows the findings it got.
      return { report, findings: ids.flatMap((id) => known.get(id) ?? []) };
    },
  };
}

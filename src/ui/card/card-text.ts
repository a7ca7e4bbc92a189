import type { FindingView, QuoteView } from '../../pack/compile';
import type { ReportMeta } from '../../pack/schema';
import { looseText } from '../../settings/dismissals';

/** A quote is "short" up to this many characters; the card shows the first short one (else the first). */
const SHORT_QUOTE = 220;

export function shortQuote(finding: FindingView): QuoteView | undefined {
  return finding.quotes.find((quote) => quote.text.length <= SHORT_QUOTE) ?? finding.quotes[0];
}

/** The publisher's short name: the acronym in its parentheses ("… Headquarters (GCHQ)" → "GCHQ"), else the name. */
function shortPublisher(report: ReportMeta): string {
  return /\(([^()]+)\)\s*$/.exec(report.publisher)?.[1] ?? report.publisher;
}

/** The provenance, once: "Declassified British intelligence assessment (GCHQ)". */
export function cardProvenance(report: ReportMeta): string {
  const publisher = shortPublisher(report);
  return report.kind.includes(publisher) ? report.kind : `${report.kind} (${publisher})`;
}

/**
 * "Why matched", only where it helps: the pack's trigger when it says something the phrase on the page does not
 * (another wording of the concept). Not for case, quotes, apostrophes, hyphens or an added plural/possessive, and not
 * when the page's phrase already contains the trigger's words ("transactional and limited in scope").
 */
export function matchNote(phrase: string, trigger: string): string | undefined {
  const a = ` ${looseText(phrase).replace(/s\b/g, '')} `;
  const b = ` ${looseText(trigger).replace(/s\b/g, '')} `;
  return a.includes(b) ? undefined : trigger;
}

import type { FindingView, QuoteView } from '../../pack/compile';
import type { ReportMeta } from '../../pack/schema';

/** Who a quote is attributed to: the speaker the report names, else the assessment itself. */
function quoteAttribution(quote: QuoteView, report: ReportMeta): string {
  return quote.attribution
    ? `${quote.attribution}, as reported in the assessment`
    : `The assessment (${report.publisher})`;
}

export interface FindingDetailsProps {
  finding: FindingView;
  report: ReportMeta;
  /** Heading level of the title inside its container. */
  headingLevel?: 2 | 3;
  /** How many of the finding's quotes to show (the first ones). */
  maxQuotes?: number;
  /** The "Read in the assessment" link target; no link when absent. */
  reportHref?: string;
  onOpenReport?: (event: MouseEvent) => void;
}

/**
 * One finding as the card and the popup show it: title, our summary, the report's own words (attributed) and a
 * link to the full text. Everything is rendered as text (never as HTML).
 */
export function FindingDetails({
  finding,
  report,
  headingLevel = 3,
  maxQuotes = 1,
  reportHref,
  onOpenReport,
}: FindingDetailsProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading class="fc-finding-title">{finding.title}</Heading>
      <p class="fc-finding-summary">{finding.summary}</p>
      {finding.quotes.slice(0, maxQuotes).map((quote) => (
        <figure class="fc-quote" key={quote.start}>
          <blockquote>{`“${quote.text}”`}</blockquote>
          <figcaption>— {quoteAttribution(quote, report)}</figcaption>
        </figure>
      ))}
      {reportHref && (
        <a class="fc-report-link" href={reportHref} target="_blank" rel="noopener noreferrer" onClick={onOpenReport}>
          Read in the assessment
        </a>
      )}
    </>
  );
}

/** The one provenance line: what the assessment is and how it became public. */
export function provenanceText(report: ReportMeta): string {
  const forWhom = report.prepared_for ? `, prepared for the ${report.prepared_for}` : '';
  return `${report.kind} by ${report.publisher}${forWhom}. ${report.release}.`;
}

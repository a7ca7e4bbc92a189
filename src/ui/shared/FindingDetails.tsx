import type { ComponentChildren } from 'preact';
import type { FindingView, QuoteView } from '../../pack/compile';
import type { ReportMeta } from '../../pack/schema';

/**
 * Who a quote is attributed to, said once and short: the speaker the source names ("A Foreign Office spokesperson,
 * welcoming the assessment"), else the assessment. The publisher and the source are named once, in the provenance
 * line beside it, not again in every attribution.
 */
function quoteAttribution(quote: QuoteView): string {
  return quote.attribution ?? 'The assessment';
}

export interface FindingDetailsProps {
  finding: FindingView;
  /** Heading level of the title inside its container. */
  headingLevel?: 2 | 3;
  /** The quotes to show (the report's own words); by default the finding's first. */
  quotes?: QuoteView[];
  /** The "Read in the assessment" link target; no link when absent. */
  reportHref?: string;
  onOpenReport?: (event: MouseEvent) => void;
  /** More controls on the link's line (the card's "more" and "Hide…"). */
  children?: ComponentChildren;
}

/**
 * One finding as the card, the popup and the first-run page show it: title, our summary, the report's own words
 * (attributed) and a link to the full text. Everything is rendered as text (never as HTML).
 */
export function FindingDetails({
  finding,
  headingLevel = 3,
  quotes = finding.quotes.slice(0, 1),
  reportHref,
  onOpenReport,
  children,
}: FindingDetailsProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading class="fc-finding-title">{finding.title}</Heading>
      <p class="fc-finding-summary">{finding.summary}</p>
      {quotes.map((quote) => (
        <figure class="fc-quote" key={quote.start}>
          <blockquote>{`“${quote.text}”`}</blockquote>
          <figcaption>— {quoteAttribution(quote)}</figcaption>
        </figure>
      ))}
      {(reportHref || children) && (
        <div class="fc-link-row">
          {reportHref && (
            <a
              class="fc-report-link"
              href={reportHref}
              target="_blank"
              rel="noopener noreferrer"
              onClick={onOpenReport}
            >
              Read in the assessment
            </a>
          )}
          {children}
        </div>
      )}
    </>
  );
}

/** The one provenance line: what the assessment is and how it became public. */
export function provenanceText(report: ReportMeta): string {
  const forWhom = report.prepared_for ? `, prepared for the ${report.prepared_for}` : '';
  return `${report.kind} by ${report.publisher}${forWhom}. ${report.release}.`;
}

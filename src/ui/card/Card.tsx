import { useEffect, useRef } from 'preact/hooks';
import type { FindingView } from '../../pack/compile';
import type { ReportMeta } from '../../pack/schema';
import { FindingDetails, provenanceText } from '../shared/FindingDetails';

/** Most findings a card shows; the rest are one click away in the report page. */
export const MAX_CARD_FINDINGS = 3;

export interface CardProps {
  /** The phrase as found on the page (page text: rendered as text only). */
  phrase: string;
  /** The pack's trigger phrase that matched. */
  trigger: string;
  /** Best first. */
  findings: FindingView[];
  report: ReportMeta;
  reportHref: (findingId: string) => string;
  onOpenReport: (findingId: string) => void;
  onClose: () => void;
  /** Move focus into the card when it opens (keyboard command, popup); hover never steals focus. */
  takeFocus: boolean;
}

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the card: from the last stop back to the first and the other way round. */
function cycleFocus(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const stops = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const root = container.getRootNode() as ShadowRoot | Document;
  const active = root.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** The context card: what the assessment says about a marked phrase. It never rates the article. */
export function Card({ phrase, trigger, findings, report, reportHref, onOpenReport, onClose, takeFocus }: CardProps) {
  const dialog = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeFocus) dialog.current?.focus({ preventScroll: true });
  }, [takeFocus, phrase]);

  const shown = findings.slice(0, MAX_CARD_FINDINGS);
  const sameWords = phrase.trim().toLowerCase() === trigger.trim().toLowerCase();
  return (
    <section
      ref={dialog}
      class="fc-card"
      role="dialog"
      aria-modal="false"
      aria-label={`Fact Context: what the assessment says about “${phrase}”`}
      tabIndex={-1}
      onKeyDown={(event) => dialog.current && cycleFocus(event, dialog.current)}
    >
      {/* Plain divs, not <header>/<footer>: inside role="dialog" those become page-level banner/contentinfo landmarks. */}
      <div class="fc-card-header">
        <div>
          <p class="fc-eyebrow">What the assessment says</p>
          <p class="fc-phrase">
            <span class="fc-phrase-text">{`“${phrase}”`}</span>
            {!sameWords && <span class="fc-trigger"> matched “{trigger}”</span>}
          </p>
        </div>
        <button type="button" class="fc-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      <ol class="fc-findings">
        {shown.map((finding) => (
          <li class="fc-finding" data-finding-id={finding.id} key={finding.id}>
            <FindingDetails
              finding={finding}
              report={report}
              headingLevel={2}
              reportHref={reportHref(finding.id)}
              onOpenReport={(event) => {
                event.preventDefault();
                onOpenReport(finding.id);
              }}
            />
          </li>
        ))}
      </ol>
      <div class="fc-provenance">
        <p>{provenanceText(report)}</p>
        <p class="fc-disclaimer">Shows what the assessment says; it does not rate this article.</p>
      </div>
    </section>
  );
}

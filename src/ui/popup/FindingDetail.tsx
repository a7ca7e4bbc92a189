import { useEffect, useRef } from 'preact/hooks';
import { reportUrl } from '../report/report-url';
import type { FindingView } from '../../pack/compile';
import type { ReportMeta } from '../../pack/schema';
import { FindingDetails, provenanceText } from '../shared/FindingDetails';

interface Props {
  finding: FindingView;
  report: ReportMeta;
  onBack: () => void;
  onOpenReport: (findingId: string) => void;
}

/**
 * A finding in full (the card's own FindingDetails, with every quote), where it comes from, and the way back to the
 * list. Esc anywhere in it goes back too.
 */
export function FindingDetail({ finding, report, onBack, onOpenReport }: Props) {
  const backButton = useRef<HTMLButtonElement>(null);
  // The list this replaced had the focus: move it here so the keyboard keeps its place (Esc or Enter goes back).
  useEffect(() => backButton.current?.focus(), [finding.id]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    }
  };
  return (
    <article class="detail" data-finding-id={finding.id} aria-label={finding.title} onKeyDown={onKeyDown}>
      <button type="button" class="back" ref={backButton} onClick={onBack}>
        ← All findings
      </button>
      <FindingDetails
        finding={finding}
        headingLevel={2}
        quotes={finding.quotes}
        reportHref={reportUrl({ findingId: finding.id })}
        onOpenReport={(event) => {
          event.preventDefault();
          onOpenReport(finding.id);
        }}
      />
      <p class="provenance">{provenanceText(report)}</p>
    </article>
  );
}

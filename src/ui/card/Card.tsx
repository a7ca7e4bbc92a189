import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FindingView } from '../../pack/compile';
import type { ReportMeta } from '../../pack/schema';
import { FindingDetails } from '../shared/FindingDetails';
import { cardProvenance, matchNote, shortQuote } from './card-text';

/** The card's dismiss actions (src/content/dismiss.ts carries them out and returns their undo). */
export type CardAction = 'hide-phrase' | 'hide-finding' | 'site-off' | 'wrong-mark';

const ACTION_LABELS: Record<CardAction, string> = {
  'hide-phrase': 'Hide marks for this phrase',
  'hide-finding': 'Hide this finding',
  'site-off': 'Off on this site',
  'wrong-mark': 'This mark is wrong',
};
const DONE_TEXT: Record<CardAction, string> = {
  'hide-phrase': 'Marks for this phrase are hidden.',
  'hide-finding': 'This finding is hidden on every page.',
  'site-off': 'Fact Context is off on this site.',
  'wrong-mark': 'Noted on this device (never sent). This mark will not show again.',
};

export interface CardProps {
  /** The phrase as found on the page (page text: rendered as text only). */
  phrase: string;
  /** The pack's trigger phrase that matched. */
  trigger: string;
  /** Best first (already without the ones the reader hid). */
  findings: FindingView[];
  report: ReportMeta;
  reportHref: (findingId: string) => string;
  onOpenReport: (findingId: string) => void;
  onClose: () => void;
  /** Carries out a dismissal; resolves to its undo. */
  onAction?: (action: CardAction, findingId: string) => Promise<() => Promise<void>>;
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

/**
 * The context card, compact: the best finding (title, two-line summary, one short quote, attribution), "Read in the
 * assessment", the other findings behind "more", the dismiss actions behind "Hide…", the provenance once.
 * It never rates the article.
 */
export function Card(props: CardProps) {
  const { phrase, trigger, findings, report, takeFocus, onClose } = props;
  const dialog = useRef<HTMLElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [menu, setMenu] = useState(false);
  const [done, setDone] = useState<{ action: CardAction; undo: () => Promise<void> }>();
  const hideButton = useRef<HTMLButtonElement>(null);
  const backFromMenu = useRef(false);
  useEffect(() => {
    // Back from the "Hide…" menu: the keyboard returns to the button that opened it.
    if (!menu && backFromMenu.current) hideButton.current?.focus({ preventScroll: true });
    backFromMenu.current = false;
  }, [menu]);
  useEffect(() => {
    if (takeFocus) dialog.current?.focus({ preventScroll: true });
  }, [takeFocus, phrase]);

  const [best, ...others] = findings;
  const note = matchNote(phrase, trigger);
  const moreLabel = `${others.length} more finding${others.length === 1 ? '' : 's'}`;
  const act = (action: CardAction) => {
    if (!best || !props.onAction) return;
    setMenu(false);
    void props.onAction(action, best.id).then((undo) => {
      setDone({ action, undo });
      // The card's content is gone: keep keyboard focus in the card.
      dialog.current?.focus({ preventScroll: true });
    });
  };

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
        <p class="fc-eyebrow">
          What the assessment says
          {note && (
            // Its own line, cut to one (the whole text is its title and stays in the DOM for screen readers).
            <span class="fc-trigger" title={note}>
              {' '}
              about “{note}”
            </span>
          )}
        </p>
        <button type="button" class="fc-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      {done ? (
        <div class="fc-done" role="status">
          <p>{DONE_TEXT[done.action]}</p>
          <p class="fc-muted">Undo it here, or later in Fact Context’s settings.</p>
          <div class="fc-actions">
            <button
              type="button"
              class="fc-button"
              onClick={() => {
                void done.undo().then(() => setDone(undefined));
              }}
            >
              Undo
            </button>
            <button type="button" class="fc-button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : menu ? (
        // In place of the finding, so that the card keeps its size (a menu below it made it scroll inside).
        <HideMenu
          onPick={act}
          onBack={() => {
            setMenu(false);
            backFromMenu.current = true;
          }}
        />
      ) : (
        best && (
          <ol class="fc-findings">
            <FindingItem finding={best} {...props}>
              {others.length > 0 && (
                <button
                  type="button"
                  class="fc-link-button"
                  aria-expanded={expanded}
                  // Short on screen (it shares the line with "Read in the assessment"), whole when read out.
                  aria-label={expanded ? undefined : moreLabel}
                  title={expanded ? undefined : moreLabel}
                  onClick={() => setExpanded(!expanded)}
                >
                  {expanded ? 'Fewer' : `${others.length} more`}
                </button>
              )}
              {props.onAction && (
                <button type="button" class="fc-link-button" ref={hideButton} onClick={() => setMenu(true)}>
                  Hide…
                </button>
              )}
            </FindingItem>
            {expanded && others.map((finding) => <FindingItem key={finding.id} finding={finding} {...props} />)}
          </ol>
        )
      )}
      {/* The provenance, once: the link (to the report's "about") is the source's own name. */}
      <p class="fc-provenance">
        <a
          href={props.reportHref('provenance')}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(event) => {
            event.preventDefault();
            props.onOpenReport('provenance');
          }}
        >
          {cardProvenance(report)}
        </a>
        . It does not rate this article.
      </p>
    </section>
  );
}

/** The dismiss actions ("Hide…"), shown in the card's body; the first takes the focus, "Back" returns. */
function HideMenu({ onPick, onBack }: { onPick: (action: CardAction) => void; onBack: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus({ preventScroll: true }), []);
  return (
    <div class="fc-hide">
      <p class="fc-muted" id="fc-hide-title">
        What should Fact Context hide?
      </p>
      <ul class="fc-menu" aria-labelledby="fc-hide-title">
        {(Object.keys(ACTION_LABELS) as CardAction[]).map((action, i) => (
          <li key={action}>
            <button
              type="button"
              class="fc-menu-item"
              data-action={action}
              ref={i === 0 ? first : undefined}
              onClick={() => onPick(action)}
            >
              {ACTION_LABELS[action]}
            </button>
          </li>
        ))}
      </ul>
      <div class="fc-actions">
        <button type="button" class="fc-button" onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}

/** One finding of the card: the shared FindingDetails with its one short quote; `children` join its link's line. */
function FindingItem({
  finding,
  reportHref,
  onOpenReport,
  children,
}: CardProps & { finding: FindingView; children?: ComponentChildren }) {
  const quote = shortQuote(finding);
  return (
    <li class="fc-finding" data-finding-id={finding.id}>
      <FindingDetails
        finding={finding}
        headingLevel={2}
        quotes={quote ? [quote] : []}
        reportHref={reportHref(finding.id)}
        onOpenReport={(event) => {
          event.preventDefault();
          onOpenReport(finding.id);
        }}
      >
        {children}
      </FindingDetails>
    </li>
  );
}

import { findingById } from '../../pack/index';
import {
  displaySite,
  forgetWrongMark,
  showFindingAgain,
  showPhraseAgain,
  type Settings,
  type WrongMark,
} from '../../settings';

const titleOf = (id: string) => findingById(id)?.title ?? `${id} (no longer in the assessment pack)`;

/**
 * What the card's "Hide marks for this phrase", "Hide this finding" and "This mark is wrong" put away, each with its
 * undo. ("Off on this site" is a site rule: it is in the site list above.)
 */
export function Dismissals({ settings, save }: { settings: Settings; save: (next: Settings) => void }) {
  const { hiddenPhrases, hiddenFindings, wrongMarks } = settings;
  return (
    <section aria-labelledby="hidden-title">
      <h2 id="hidden-title">Hidden marks</h2>
      <p class="muted">What you hid from a card. Everything here stays on this device.</p>

      <h3 id="hidden-phrases-title">Phrases</h3>
      {hiddenPhrases.length === 0 ? (
        <p class="muted">No hidden phrases.</p>
      ) : (
        <ul class="sites" aria-labelledby="hidden-phrases-title">
          {hiddenPhrases.map((phrase) => (
            <li key={phrase} data-hidden-phrase={phrase}>
              <span class="site-name">“{phrase}”</span>
              <button
                type="button"
                aria-label={`Show marks for “${phrase}” again`}
                onClick={() => save(showPhraseAgain(settings, phrase))}
              >
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 id="hidden-findings-title">Findings</h3>
      {hiddenFindings.length === 0 ? (
        <p class="muted">No hidden findings.</p>
      ) : (
        <ul class="sites" aria-labelledby="hidden-findings-title">
          {hiddenFindings.map((id) => (
            <li key={id} data-hidden-finding={id}>
              <span class="site-name">{titleOf(id)}</span>
              <button
                type="button"
                aria-label={`Show “${titleOf(id)}” again`}
                onClick={() => save(showFindingAgain(settings, id))}
              >
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 id="wrong-marks-title">Marks you reported as wrong</h3>
      <p class="muted">
        Kept only here and in an exported settings file; never sent anywhere. Each one no longer shows that finding for
        that phrase in that sentence.
      </p>
      {wrongMarks.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="wrong-marks" aria-labelledby="wrong-marks-title">
          {wrongMarks.map((mark) => (
            <WrongMarkItem
              key={`${mark.at}|${mark.phrase}`}
              mark={mark}
              onForget={() => save(forgetWrongMark(settings, mark))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function WrongMarkItem({ mark, onForget }: { mark: WrongMark; onForget: () => void }) {
  const date = new Date(mark.at);
  return (
    <li data-wrong-mark={mark.phrase}>
      <p>
        <strong>“{mark.phrase}”</strong> → {titleOf(mark.findingId)}
      </p>
      <blockquote>{mark.sentence}</blockquote>
      <p class="muted">
        {mark.site ? `${displaySite(mark.site)}, ` : ''}
        <time dateTime={mark.at}>{Number.isNaN(date.getTime()) ? mark.at : date.toLocaleString()}</time>
      </p>
      <button type="button" aria-label={`Show the mark “${mark.phrase}” again`} onClick={onForget}>
        Show this mark again
      </button>
    </li>
  );
}

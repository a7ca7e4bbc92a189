import { findingById } from '../../pack/index';
import {
  displaySite,
  forgetWrongMark,
  showFindingAgain,
  showPhraseAgain,
  type Settings,
  type WrongMark,
} from '../../settings';
import { UndoList } from './controls';

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
      <UndoList
        items={hiddenPhrases}
        empty="No hidden phrases."
        labelledBy="hidden-phrases-title"
        keyOf={(phrase) => phrase}
        data={(phrase) => ({ 'data-hidden-phrase': phrase })}
        label={(phrase) => <span class="site-name">“{phrase}”</span>}
        button="Show again"
        buttonLabel={(phrase) => `Show marks for “${phrase}” again`}
        onPick={(phrase) => save(showPhraseAgain(settings, phrase))}
      />

      <h3 id="hidden-findings-title">Findings</h3>
      <UndoList
        items={hiddenFindings}
        empty="No hidden findings."
        labelledBy="hidden-findings-title"
        keyOf={(id) => id}
        data={(id) => ({ 'data-hidden-finding': id })}
        label={(id) => <span class="site-name">{titleOf(id)}</span>}
        button="Show again"
        buttonLabel={(id) => `Show “${titleOf(id)}” again`}
        onPick={(id) => save(showFindingAgain(settings, id))}
      />

      <h3 id="wrong-marks-title">Marks you reported as wrong</h3>
      <p class="muted">
        Kept only here and in an exported settings file; never sent anywhere. Each one no longer shows that finding for
        that phrase in that sentence.
      </p>
      <UndoList
        items={wrongMarks}
        empty="None."
        labelledBy="wrong-marks-title"
        listClass="wrong-marks"
        keyOf={(mark) => `${mark.at}|${mark.phrase}`}
        data={(mark) => ({ 'data-wrong-mark': mark.phrase })}
        label={(mark) => <WrongMarkText mark={mark} />}
        button="Show this mark again"
        buttonLabel={(mark) => `Show the mark “${mark.phrase}” again`}
        onPick={(mark) => save(forgetWrongMark(settings, mark))}
      />
    </section>
  );
}

function WrongMarkText({ mark }: { mark: WrongMark }) {
  const date = new Date(mark.at);
  return (
    <>
      <p>
        <strong>“{mark.phrase}”</strong> → {titleOf(mark.findingId)}
      </p>
      <blockquote>{mark.sentence}</blockquote>
      <p class="muted">
        {mark.site ? `${displaySite(mark.site)}, ` : ''}
        <time dateTime={mark.at}>{Number.isNaN(date.getTime()) ? mark.at : date.toLocaleString()}</time>
      </p>
    </>
  );
}

import type { CompiledPack } from '../../pack/compile';
import { FindingDetails, provenanceText } from '../shared/FindingDetails';
import { Shortcuts, type Shortcut } from '../popup/Shortcuts';

/** The finding the sample card shows: the phrase most articles use. */
const SAMPLE_FINDING = 'unlimited-partnership';

interface Props {
  pack: CompiledPack;
  loadShortcuts: () => Promise<Shortcut[]>;
  onOpenOptions: () => void;
}

/**
 * The first-run page (opened once, on install): what a mark and a card are, how to switch a site off, and that
 * nothing leaves the device. The sample card is the real card content of a real finding; nothing here is remote.
 */
export function Welcome({ pack, loadShortcuts, onOpenOptions }: Props) {
  const finding = pack.findings.find((f) => f.id === SAMPLE_FINDING) ?? pack.findings[0];
  return (
    <main class="page welcome">
      <header class="welcome-head">
        <img src="/icon/48.png" width={48} height={48} alt="" />
        <h1>Fact Context is ready</h1>
      </header>
      <p class="lead">
        When a news article mentions something that a declassified UK assessment of the China–Russia partnership speaks
        to, Fact Context marks the phrase and shows what the assessment found. It reports what the assessment says; it
        does not rate the article.
      </p>

      <section aria-labelledby="mark-title">
        <h2 id="mark-title">A mark</h2>
        <p>A marked phrase has a quiet underline, like this:</p>
        <p class="sample-sentence">
          The two leaders reaffirmed their <span class="sample-mark">“no limits” partnership</span> at the summit.
        </p>
        <p>Rest the pointer on it, click it, or move to it with the keyboard to open its card.</p>
      </section>

      {finding && (
        <section aria-labelledby="card-title">
          <h2 id="card-title">A card</h2>
          <p>The card says what the assessment found, in its own words, and where they come from:</p>
          <div class="sample-card" role="group" aria-label="A sample card">
            <p class="sample-eyebrow">What the assessment says</p>
            <FindingDetails finding={finding} headingLevel={3} />
            <p class="provenance">{provenanceText(pack.report)}</p>
          </div>
        </section>
      )}

      <section aria-labelledby="off-title">
        <h2 id="off-title">Switching a site off</h2>
        <ol>
          <li>
            Click the Fact Context button in the browser’s toolbar (pin it from the extensions menu if it is hidden).
          </li>
          <li>
            Click the switch “On for <em>site</em>”: the marks on that site go at once, and stay off there.
          </li>
        </ol>
        <Shortcuts load={loadShortcuts} />
        <p>
          The list of sites, how cards open and how marks look are in the{' '}
          <button type="button" class="link-button" onClick={onOpenOptions}>
            settings
          </button>
          .
        </p>
      </section>

      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">Nothing leaves your device</h2>
        <p>
          The assessment, the matching and your settings are all inside the extension. Fact Context reads the page on
          your computer and never sends anything over the network: no account, no analytics, no remote look-ups.
        </p>
      </section>
    </main>
  );
}

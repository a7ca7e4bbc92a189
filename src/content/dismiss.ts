import {
  dismissalFilter,
  forgetWrongMark,
  hideFinding,
  hidePhrase,
  recordWrongMark,
  showFindingAgain,
  showPhraseAgain,
} from '../settings/dismissals';
import type { Settings } from '../settings/schema';
import { setSiteEnabled, siteKeyFor } from '../settings/sites';
// Through the background: the engine's script bundles neither the storage nor the validation code.
import { updateSettingsRemotely as updateSettings } from '../messaging/settings';
import type { CardAction } from '../ui/card/Card';
import type { PlacedMention } from '../dom/placement';

const BLOCK = 'p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6, article, section, div, body';

/** The sentence of the page a mark is in (for "This mark is wrong"): its block's text, cut with Intl.Segmenter. */
function sentenceOf(placed: PlacedMention): string {
  const block = placed.start.node.parentElement?.closest(BLOCK);
  if (!block) return placed.mention.text;
  const before = placed.start.node.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(placed.start.node, placed.start.offset);
  const at = before.toString().length;
  const text = block.textContent;
  for (const { segment, index } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    if (at >= index && at < index + segment.length) return segment.trim();
  }
  return text.trim();
}

/** The findings of a placed mark still shown under these settings (empty: the mark is not shown). */
export function visibilityFilter(settings: Settings): (placed: PlacedMention) => string[] {
  const filter = dismissalFilter(settings);
  return (placed) =>
    filter({ phrase: placed.mention.text, findings: placed.mention.findings, sentence: () => sentenceOf(placed) });
}

/**
 * Carries out a card's dismissal in settings (every open tab hears it through watchSettings and re-filters its marks
 * at once) and returns its undo. Settings are read fresh for the undo, so that changes made meanwhile are kept.
 */
export async function dismiss(
  action: CardAction,
  placed: PlacedMention,
  findingId: string,
  url: string,
): Promise<() => Promise<void>> {
  const phrase = placed.mention.text;
  const undoWith = (change: (s: Settings) => Settings) => async () => {
    await updateSettings(change);
  };
  switch (action) {
    case 'hide-phrase':
      await updateSettings((s) => hidePhrase(s, phrase));
      return undoWith((s) => showPhraseAgain(s, phrase));
    case 'hide-finding':
      await updateSettings((s) => hideFinding(s, findingId));
      return undoWith((s) => showFindingAgain(s, findingId));
    case 'site-off':
      // The card was open, so the site was on: undo switches it on again, in either site mode.
      await updateSettings((s) => setSiteEnabled(s, url, false));
      return undoWith((s) => setSiteEnabled(s, url, true));
    case 'wrong-mark': {
      const report = { phrase, sentence: sentenceOf(placed), findingId, site: siteKeyFor(url) ?? '' };
      const next = await updateSettings((s) => recordWrongMark(s, report));
      const recorded = next.wrongMarks.at(-1);
      return undoWith((s) => (recorded ? forgetWrongMark(s, recorded) : s));
    }
  }
}

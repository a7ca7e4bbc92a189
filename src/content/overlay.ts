import { reportUrl } from '../ui/report/report-url';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCompiledEngine, type Engine } from '../matching/engine';
import { sendMessage } from '../messaging/protocol';
import { createBackgroundFindingTexts } from '../messaging/finding-texts';
import { COMPILED_AUTOMATON } from '../pack/automaton';
import { ENGINE_DATA } from '../pack/engine';
import { createRemoteRanking } from '../messaging/ranking';
import SUBJECT_TERMS from '../pack/generated/subject-terms.json';
import { dismissalsDiffer } from '../settings/dismissals';
import type { Settings } from '../settings/schema';
import { isSiteEnabled } from '../settings/sites';
import { readSettings, takeHandedSettings, watchSettingsRemotely } from '../messaging/settings';
import { dismiss, visibilityFilter } from './dismiss';
import { lazyCardLayer, loadCardLayer, type LazyCardLayer } from './card-loader';
import { rangeReference } from '../ui/card/position';
import { MentionCountReport } from './count-report';
import { installHighlightStyle } from '../dom/highlight-style';
import { CardController, HOVER_OPEN_DELAY_MS } from './interaction';
import { isPlacementValid, MarkLayer, rangeOf } from '../dom/marks';
import { startPageScan, type PageScan } from './page-scan';
import { TIMELINE_MARKS } from './timeline';
import { SubjectCheck } from '../checks/subject-check';
import { compareDocumentOrder, type PlacedMention } from '../dom/placement';

/** One run of the overlay on one page (a new one after in-app navigation or when the site is switched back on). */
interface Run {
  abort: AbortController;
  /** Set once the subject check passed and the engine is ready. */
  scan: PageScan | undefined;
  /** Created with the scan (hit-testing needs its marks). */
  cards: CardController | undefined;
  style: ReturnType<typeof installHighlightStyle> | undefined;
}

/**
 * The content script's state machine: on/off per the site setting (live), one Run while on, the card layer,
 * and the answers to the popup and background.
 */
export class Overlay {
  private engine: Promise<Engine> | undefined;
  private run: Run | undefined;
  private settings: Settings | undefined;
  /** The ranking of the marks' findings, fuse.js in the background (created with the engine). */
  private ranking: ReturnType<typeof createRemoteRanking> | undefined;
  /** The cards' texts, from the background; prefetched for the page's marks after every scan (refilter). */
  private readonly texts = createBackgroundFindingTexts();
  /**
   * The card's layer, shared by every run: its bundle is injected when a card may first be asked for (the pointer
   * comes onto a mark, before the hover delay; a card is asked for), and its host joins the page when the first card
   * opens.
   */
  private readonly layer: LazyCardLayer = lazyCardLayer(() =>
    loadCardLayer(this.ctx, {
      onCloseRequest: () => this.run?.cards?.close({ restoreFocus: true }),
      onPointerEnter: () => this.run?.cards?.pointerEnteredCard(),
      onPointerLeave: () => this.run?.cards?.pointerLeftCard(),
      onOpenReport: (findingId) => void sendMessage('openReport', findingId).catch(() => undefined),
      reportHref: (findingId) => reportUrl({ findingId }),
      texts: this.texts,
    }),
  );
  /** Whether the next run may skip the subject check (the sentinel passed it before injecting this script). */
  private subjectKnown: boolean;
  /** The findings of a mark the reader's dismissals still show (empty: no mark). */
  private visible: (placed: PlacedMention) => string[] = (placed) => placed.mention.findings;

  constructor(
    private readonly ctx: ContentScriptContext,
    /** The run's mention count, for the badge (`now`: not throttled; the first scan is done or the run stopped). */
    private readonly onCount: (count: number, now: boolean) => void,
    options: { subjectKnown?: boolean } = {},
  ) {
    this.subjectKnown = options.subjectKnown ?? false;
  }

  get enabled(): boolean {
    return this.settings !== undefined && isSiteEnabled(location.href, this.settings);
  }

  applySettings(settings: Settings): void {
    const wasEnabled = this.enabled;
    const refilter = !this.settings || dismissalsDiffer(this.settings, settings);
    this.settings = settings;
    if (refilter) {
      this.visible = visibilityFilter(settings);
      if (this.run) this.refilter(this.run);
    }
    if (this.enabled && !this.run) this.start();
    else if (!this.enabled && wasEnabled) this.stop();
    this.run?.style?.update(settings.markStyle);
  }

  /** After in-app navigation (`wxt:locationchange`): the page's text is new, and the site may differ. */
  restart(): void {
    this.stop();
    // The navigation event can come before the app renders the new page (pushState first, DOM after):
    // start on the next task. The new run's MutationObserver catches whatever the app renders later.
    this.ctx.setTimeout(() => {
      if (this.enabled && !this.run) this.start();
    }, 0);
  }

  /** Mentions in document order (the popup's "On this page" list and its indexes). */
  mentions(): PlacedMention[] {
    return [...(this.run?.scan?.placed() ?? [])]
      .filter((placed) => this.ranked(placed) && isPlacementValid(placed) && this.visible(placed).length > 0)
      .sort(compareDocumentOrder);
  }

  /**
   * Shows or hides every placed mention per the dismissals (after a scan or a settings change: effect at once), and
   * asks the background for the texts of the findings the shown marks carry that it has not asked for yet: a card,
   * above all one the keyboard opens and focuses, then renders in the task that opens it.
   */
  private refilter(run: Run): number {
    const scan = run.scan;
    if (!scan) return 0;
    const shown = new Set<string>();
    for (const placed of scan.placed()) {
      // Not ranked yet (its ranking queries are on their way): left as it is until prepared() runs this again.
      if (!this.ranked(placed)) continue;
      const findings = this.visible(placed);
      if (findings.length > 0) {
        scan.marks.add(placed);
        scan.index.add(placed);
        for (const id of findings) shown.add(id);
      } else {
        scan.marks.remove(placed);
        scan.index.remove(placed);
      }
    }
    if (shown.size > 0 && !this.texts.cached([...shown])) {
      this.texts.load([...shown]).catch((error: unknown) => {
        // A card opened later asks again (and says so if it cannot).
        if (!run.abort.signal.aborted) console.debug('[Fact Context] prefetching the cards’ texts failed:', error);
      });
    }
    return scan.marks.size;
  }

  /**
   * Scrolls to a mention and opens its card with focus inside (keyboard command, popup). Answers once the card's
   * bundle is loaded, so that the card is drawn and focused in the task that opens it (its texts are prefetched).
   */
  async reveal(placed: PlacedMention): Promise<boolean> {
    if (!this.run?.cards || !isPlacementValid(placed)) return false;
    return (await this.cardReady()) && this.revealNow(placed);
  }

  /**
   * Loads the card's bundle (once per page; a failed load is tried again by the next card asked for): false if it
   * could not be, said on the console unless this script was invalidated (the extension reloaded or removed).
   */
  private cardReady(): Promise<boolean> {
    return this.layer.ready().then(
      () => true,
      (error: unknown) => {
        if (!this.ctx.isInvalid) console.error('[Fact Context] the card’s bundle could not be loaded:', error);
        return false;
      },
    );
  }

  private revealNow(placed: PlacedMention): boolean {
    const cards = this.run?.cards;
    if (!cards || !isPlacementValid(placed)) return false;
    const element = placed.start.node.parentElement;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    cards.open(placed, { takeFocus: true, pinned: true });
    return true;
  }

  /**
   * The next mention after the open card's, else the first one at or below the top of the viewport. The marks are on
   * the page before their findings can be read (the background's ranking answers after the first scan): the command
   * pressed in between waits for that answer instead of finding no mention.
   */
  async revealNext(): Promise<boolean> {
    const texts = this.run?.scan ? placedTexts(this.run.scan) : [];
    // Failed: the extension went away (prepared() reports the rest); the marks it could not rank are not revealed.
    await this.ranking?.prepare(texts).catch(() => undefined);
    const all = this.mentions();
    if (all.length === 0) return false;
    const current = this.run?.cards?.openMention;
    let next: PlacedMention | undefined;
    if (current) {
      const at = all.indexOf(current);
      next = all[(at + 1) % all.length];
    } else {
      next = all.find((placed) => rangeOf(placed).getBoundingClientRect().top >= 0) ?? all[0];
    }
    return next ? await this.reveal(next) : false;
  }

  /** Loaded once per page from the automaton compiled at build time (a linear copy: nothing to slice). */
  private getEngine(): Promise<Engine> {
    this.engine ??= Promise.resolve().then(() => {
      this.ranking = createRemoteRanking(ENGINE_DATA);
      return createCompiledEngine(this.ranking.source, COMPILED_AUTOMATON);
    });
    return this.engine;
  }

  /** Whether a mark's findings may be read: ranked on first read and kept, so only once its ranking is prepared. */
  private ranked(placed: PlacedMention): boolean {
    return this.ranking?.ready(placed.mention.text) ?? false;
  }

  /**
   * After a scan: the background's ranking hits for the new marks' texts first (one message for all of them), then
   * the marks with their findings (refilter), and `then` (the badge count).
   */
  private prepared(run: Run, then: (count: number) => void): void {
    const scan = run.scan;
    if (!scan || !this.ranking) return;
    this.ranking.prepare(placedTexts(scan)).then(
      () => {
        if (this.run === run) then(this.refilter(run));
      },
      (error: unknown) => {
        // The extension went away (reloaded or removed): reading ctx.isInvalid notices it, and ctx's abort stops
        // this run and takes its marks away (as the count report does when it cannot be sent).
        if (this.ctx.isInvalid || run.abort.signal.aborted) return;
        console.error('[Fact Context] ranking this page’s marks failed:', error);
      },
    );
  }

  private start(): void {
    // lib.dom types `body` as always there; it is null on a document without one (XHTML, SVG, a frameset).
    const body = document.body as HTMLElement | null;
    if (!body || this.ctx.isInvalid) return;
    const abort = new AbortController();
    // Ends with the content script (ctx) or with this run, whichever comes first. An invalidated script (extension
    // reloaded or updated, or a newer instance injected) also takes its marks and stylesheet away: nothing it
    // leaves behind would work any more, and a new instance adds its own.
    this.ctx.signal.addEventListener('abort', () => this.stop(), { signal: abort.signal });
    const signal = abort.signal;
    const run: Run = { abort, scan: undefined, cards: undefined, style: undefined };
    this.run = run;
    // The sentinel checked the subject before this script was injected (first run); after in-app navigation or a
    // switch back on, the page is looked at again: a page that cannot hold a mention gets no scan.
    const subject = this.subjectKnown ? Promise.resolve(true) : new SubjectCheck(SUBJECT_TERMS).readPage(body, signal);
    this.subjectKnown = false;
    const scanned = subject.then(async (passed) => {
      if (!passed) return this.watchForSubject(run, body);
      // The stylesheet goes in before the engine is even ready, long before the first mark: the page restyles
      // for it in a frame of its own, and registering the marks later restyles nothing.
      run.style = installHighlightStyle(document, this.settings?.markStyle ?? 'dotted');
      const engine = await this.getEngine();
      signal.throwIfAborted();
      performance.mark(TIMELINE_MARKS.scanStart);
      run.scan = startPageScan(
        body,
        engine,
        {
          scanned: () => this.prepared(run, (count) => this.onCount(count, true)),
          changed: () => {
            run.cards?.closeIfStale();
            this.prepared(run, (count) => this.onCount(count, false));
          },
        },
        signal,
      );
      run.cards = new CardController({
        document,
        signal,
        index: run.scan.index,
        layer: this.layer,
        // The pointer came onto a mark: a card may be asked for next (after the hover delay, on a click or the quiet
        // key); its bundle is injected meanwhile (a few ms), once per page.
        anticipate: () => void this.cardReady(),
        behaviour: () => ({
          mode: this.settings?.cardOpen ?? 'hover',
          hoverDelayMs: this.settings?.hoverDelayMs ?? HOVER_OPEN_DELAY_MS,
          quietKey: this.settings?.quietKey ?? 'Alt',
        }),
        // A card asked for before the first scan's ranking answered waits for that same request (or asks for its
        // own mark's text, when the scan has not sent one yet: a mark is hit-tested from the moment it is placed).
        whenReadable: (placed) => (this.ranked(placed) ? undefined : this.ranking?.prepare([placed.mention.text])),
        showCard: (placed, takeFocus, pointerY) => {
          if (signal.aborted) return;
          this.layer.show(
            {
              phrase: placed.mention.text,
              trigger: placed.mention.trigger,
              findingIds: this.visible(placed),
              reference: rangeReference(() => rangeOf(placed), placed.start.node.parentElement ?? undefined, pointerY),
              onAction: (action, findingId) => dismiss(action, placed, findingId, location.href),
            },
            { takeFocus },
          );
        },
      });
      return run.scan.firstScan.then(() => void performance.mark(TIMELINE_MARKS.scanDone));
    });
    scanned.catch((error: unknown) => {
      if (!signal.aborted) console.error('[Fact Context] scanning this page failed:', error);
    });
  }

  /**
   * A page without the subject, after navigation or a switch back on: `fact-context-mention` is registered empty
   * (the page has been looked at), and the run starts over once text with the subject arrives.
   */
  private watchForSubject(run: Run, body: HTMLElement): void {
    const empty = new MarkLayer();
    empty.attach();
    run.abort.signal.addEventListener('abort', () => empty.detach(), { once: true });
    this.onCount(0, true);
    new SubjectCheck(SUBJECT_TERMS).watch(body, run.abort.signal, () => {
      if (this.run !== run) return;
      this.stop();
      this.subjectKnown = true;
      this.start();
    });
  }

  private stop(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    run.cards?.close({ restoreFocus: true });
    run.abort.abort();
    run.scan?.marks.detach();
    run.scan?.index.clear();
    run.style?.remove();
    // At once: a count of the next run equal to the last one sent before this stop must still be sent (the popup
    // re-reads the page on each count it hears).
    this.onCount(0, true);
  }
}

/** Starts the overlay: reads the site setting first, then follows its changes live. */
export async function startOverlay(
  ctx: ContentScriptContext,
  options: { subjectKnown?: boolean } = {},
): Promise<Overlay> {
  const counts = new MentionCountReport(ctx);
  const overlay = new Overlay(ctx, (count, now) => counts.report(count, now), options);
  // The settings the background read to decide on injecting this script, handed over with it: the first run
  // starts without a round trip for them. Read again at once all the same (they may have changed since), and then on
  // every change of the stored item: settings and the site switch act at once.
  const handed = takeHandedSettings();
  overlay.applySettings(handed ?? (await readSettings()));
  performance.mark(TIMELINE_MARKS.settingsRead);
  watchSettingsRemotely(ctx.signal, (settings) => overlay.applySettings(settings), { now: handed !== undefined });
  // In-app navigation: a new page in the same document. A change of the #fragment alone is the same page.
  const withoutHash = (url: string | URL) => String(url).replace(/#.*$/, '');
  let page = withoutHash(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    if (withoutHash(newUrl) === page) return;
    page = withoutHash(newUrl);
    overlay.restart();
  });
  return overlay;
}

/** The texts of a scan's placed mentions: what the ranking is asked about before their findings are read. */
function placedTexts(scan: PageScan): string[] {
  return [...scan.placed()].map((placed) => placed.mention.text);
}

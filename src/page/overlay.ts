import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCompiledEngine, type Engine } from '../matching/engine';
import { sendMessage } from '../messaging/protocol';
import { COMPILED_AUTOMATON } from '../pack/automaton';
import { PACK } from '../pack/index';
import { getSettings, isSiteEnabled, watchSettings, type Settings } from '../settings';
import { CARD_HOST_TAG, createCardLayer, lazyCardLayer, type CardLayer } from '../ui/card/layer';
import { rangeReference } from '../ui/card/position';
import { OWN_UI_ATTRIBUTE } from './extract-rules';
import { installHighlightStyle } from './highlight-style';
import { MentionIndex } from './hit-test';
import { CardController } from './interaction';
import { isPlacementValid, MarkLayer, rangeOf } from './marks';
import { watchMutations } from './mutations';
import { PageText, type PageTextEvents } from './page-text';
import { SubjectCheck } from './subject-check';
import { compareDocumentOrder, type PlacedMention } from './placement';

/** One run of the overlay on one page (a new one after in-app navigation or when the site is switched back on). */
interface Run {
  abort: AbortController;
  marks: MarkLayer;
  index: MentionIndex;
  /** Set once the engine is ready (it is built in slices on the first run). */
  text: PageText | undefined;
  cards: CardController;
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
  /** The card's layer, shared by every run; its host joins the page when the first card opens. */
  private readonly layer: CardLayer = lazyCardLayer(() =>
    createCardLayer(this.ctx, {
      onCloseRequest: () => this.run?.cards.close({ restoreFocus: true }),
      onPointerEnter: () => this.run?.cards.pointerEnteredCard(),
      onPointerLeave: () => this.run?.cards.pointerLeftCard(),
      onOpenReport: (findingId) => void sendMessage('openReport', findingId).catch(() => undefined),
      reportHref: (findingId) => `${browser.runtime.getURL('/report.html')}#${encodeURIComponent(findingId)}`,
    }),
  );
  private lastCount = -1;

  constructor(private readonly ctx: ContentScriptContext) {}

  get enabled(): boolean {
    return this.settings !== undefined && isSiteEnabled(location.href, this.settings);
  }

  applySettings(settings: Settings): void {
    const wasEnabled = this.enabled;
    this.settings = settings;
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
    if (!this.run) return [];
    return [...(this.run.text?.marks() ?? [])].filter(isPlacementValid).sort(compareDocumentOrder);
  }

  /** Scrolls to a mention and opens its card with focus inside (keyboard command, popup). */
  reveal(placed: PlacedMention): boolean {
    if (!this.run || !isPlacementValid(placed)) return false;
    const element = placed.start.node.parentElement;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    this.run.cards.open(placed, { takeFocus: true, pinned: true });
    return true;
  }

  /** The next mention after the open card's, else the first one at or below the top of the viewport. */
  revealNext(): boolean {
    const all = this.mentions();
    if (all.length === 0) return false;
    const current = this.run?.cards.openMention;
    let next: PlacedMention | undefined;
    if (current) {
      const at = all.indexOf(current);
      next = all[(at + 1) % all.length];
    } else {
      next = all.find((placed) => rangeOf(placed).getBoundingClientRect().top >= 0) ?? all[0];
    }
    return next ? this.reveal(next) : false;
  }

  /** Loaded once per page from the automaton compiled at build time (a linear copy: nothing to slice). */
  private getEngine(): Promise<Engine> {
    this.engine ??= Promise.resolve().then(() => createCompiledEngine(PACK, COMPILED_AUTOMATON));
    return this.engine;
  }

  private start(): void {
    const body = document.body;
    if (!body || this.ctx.isInvalid) return;
    const abort = new AbortController();
    // Ends with the content script (ctx) or with this run, whichever comes first. An invalidated script (extension
    // reloaded or updated, or a newer instance injected) also takes its marks and stylesheet away: nothing it
    // leaves behind would work any more, and a new instance adds its own.
    this.ctx.signal.addEventListener('abort', () => this.stop(), { signal: abort.signal });
    const signal = abort.signal;
    const marks = new MarkLayer();
    const index = new MentionIndex();
    // The stylesheet goes in with the first mark (a page without mentions gets nothing added), but never in the
    // middle of the first scan: a new stylesheet makes the next computed-style check restyle the whole page.
    let scanned = false;
    const ensureStyle = () => {
      run.style ??= installHighlightStyle(document, this.settings?.markStyle ?? 'underline');
    };
    const textEvents: PageTextEvents = {
      added: (placed) => {
        if (scanned) ensureStyle();
        for (const one of placed) {
          marks.add(one);
          index.add(one);
        }
        this.reportCount();
      },
      removed: (placed) => {
        for (const one of placed) {
          marks.remove(one);
          index.remove(one);
        }
        run.cards.closeIfStale();
        this.reportCount();
      },
    };
    const cards = new CardController({
      document,
      signal,
      index,
      layer: this.layer,
      openMode: () => this.settings?.cardOpen ?? 'hover',
      showCard: (placed, takeFocus) => {
        if (signal.aborted) return;
        this.layer.show(
          {
            phrase: placed.mention.text,
            trigger: placed.mention.trigger,
            findingIds: placed.mention.findings,
            reference: rangeReference(() => rangeOf(placed), placed.start.node.parentElement ?? undefined),
          },
          { takeFocus },
        );
      },
    });
    const run: Run = { abort, marks, index, text: undefined, cards, style: undefined };
    this.run = run;
    // The quick check: a page that cannot hold a single mention gets no engine and no extraction, only a cheap
    // look at its raw text (in slices) and at text that arrives later (subject-check.ts).
    // `fact-context-mention` is registered either way, once the page has been looked at.
    const check = new SubjectCheck(PACK.matcher);
    let subjectFound!: () => void;
    const subject = new Promise<void>((resolve) => (subjectFound = resolve));
    void check
      .readPage(body, signal)
      .then((passed) => {
        if (passed) return subjectFound();
        marks.attach();
        this.reportCount(true);
      })
      .catch(() => undefined); // cancelled with the run
    // Watch from the start: text that changes while the first scan runs is read again after it.
    const firstScan = subject
      .then(() => this.getEngine())
      .then((engine) => {
        signal.throwIfAborted();
        run.text = new PageText(
          body,
          engine.createSession(),
          {}, // visibility: markup rules, then checkVisibility() for the elements that hold a mention
          textEvents,
          signal,
        );
        return run.text.scanAll();
      })
      .then(() => {
        if (signal.aborted) return;
        scanned = true;
        if (marks.size > 0) ensureStyle();
        // Registered once the first scan is done: `CSS.highlights.has('fact-context-mention')` means "scanned".
        marks.attach();
        this.reportCount(true);
      });
    watchMutations(body, {
      signal,
      isOwn: isOwnNode,
      onBatch: async (batch) => {
        // Before the subject appears there is nothing to rescan: the first scan will read the whole page.
        if (!check.passed) {
          for (const node of batch.changed) check.feed(node.textContent ?? '');
          if (check.passed) subjectFound();
          return;
        }
        await firstScan;
        await run.text?.rescan(batch.changed, batch.removals, batch.styled);
        marks.attach();
      },
    });
    firstScan.catch((error: unknown) => {
      if (!signal.aborted) console.error('[Fact Context] scanning this page failed:', error);
    });
  }

  private stop(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    run.cards.close({ restoreFocus: true });
    run.abort.abort();
    run.marks.detach();
    run.index.clear();
    run.style?.remove();
    this.reportCount();
  }

  private countTimer: number | undefined;

  /** Tells the background the tab's mention count (badge), at most once per 100 ms, only when it changed. */
  private reportCount(now = false): void {
    if (this.countTimer !== undefined && !now) return;
    const send = () => {
      this.countTimer = undefined;
      const count = this.run ? this.run.marks.size : 0;
      if (count === this.lastCount || this.ctx.isInvalid) return;
      this.lastCount = count;
      void sendMessage('mentionCount', count).catch(() => undefined);
    };
    if (now) {
      if (this.countTimer !== undefined) clearTimeout(this.countTimer);
      send();
    } else {
      this.countTimer = this.ctx.setTimeout(send, 100);
    }
  }
}

/** Our card host, our stylesheet, and anything inside them. */
function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element !== null && element.closest(`${CARD_HOST_TAG}, [${OWN_UI_ATTRIBUTE}]`) !== null;
}

/** Starts the overlay: reads the site setting first, then follows its changes live. */
export async function startOverlay(ctx: ContentScriptContext): Promise<Overlay> {
  const overlay = new Overlay(ctx);
  overlay.applySettings(await getSettings());
  const stopWatching = watchSettings((settings) => overlay.applySettings(settings));
  ctx.onInvalidated(() => {
    try {
      stopWatching();
    } catch {
      // The extension was reloaded or removed: its storage listener went with it ("Extension context invalidated").
    }
  });
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

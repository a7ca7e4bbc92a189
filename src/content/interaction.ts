import type { QuietKey } from '../settings';
import type { CardLayer } from '../ui/card/layer';
import { ActiveMark } from '../dom/highlight-style';
import { mentionAtPoint, type MentionIndex } from '../dom/hit-test';
import { isPlacementValid, rangeOf } from '../dom/marks';
import type { PlacedMention } from '../dom/placement';

/** Default pointer rest before a card opens on hover (settings.hoverDelayMs), and the grace time before it closes after the pointer left, ms. */
export const HOVER_OPEN_DELAY_MS = 500;
const HOVER_CLOSE_DELAY_MS = 400;

/** How cards open, read at each pointer move (settings change live). */
export interface OpenBehaviour {
  /** 'hover' opens on pointer rest and on click; 'click' (quiet mode) on click, or at once while `quietKey` is held. */
  mode: 'hover' | 'click';
  hoverDelayMs: number;
  quietKey: QuietKey;
}

const MODIFIER_HELD: Record<QuietKey, (event: MouseEvent | KeyboardEvent) => boolean> = {
  Alt: (event) => event.altKey,
  Shift: (event) => event.shiftKey,
  Control: (event) => event.ctrlKey,
  Meta: (event) => event.metaKey,
};

export interface InteractionOptions {
  document: Document;
  signal: AbortSignal;
  index: MentionIndex;
  layer: CardLayer;
  behaviour: () => OpenBehaviour;
  /** Shows the card of `placed` in the layer; `pointerY` is the pointer's line when it was opened by the pointer. */
  showCard: (placed: PlacedMention, takeFocus: boolean, pointerY: number | undefined) => void;
  /**
   * Undefined when the findings of `placed` can be read now; else a promise that resolves once they can (the
   * marks are on the page before the background's ranking answers, and a finding list read before that answer
   * is kept in the wrong order). The card then opens when it resolves, if it is still the one asked for.
   */
  whenReadable?: (placed: PlacedMention) => Promise<void> | undefined;
  /** The pointer came onto a mark: a card may be asked for soon (the overlay loads the card's bundle). */
  anticipate?: () => void;
}

/**
 * Pointer and keyboard behaviour of the marks and the card: hover with a delay, click, staying open while the
 * pointer is on the card, closing after a grace time, Esc (with focus returned). No element of the page is
 * touched: the mark under the pointer is found by hit-testing text.
 */
export class CardController {
  private current: PlacedMention | null = null;
  /** Opened by click or keyboard: stays until Esc, the close button or a click elsewhere. */
  private pinned = false;
  private pendingOpen: { placed: PlacedMention; timer: number } | null = null;
  private closeTimer: number | undefined;
  private returnFocus: Element | null = null;
  private frame: number | undefined;
  private lastPointer: { x: number; y: number; target: EventTarget | null } | undefined;
  /** The quiet mode's key is down (from the last pointer or key event). */
  private keyHeld = false;
  private readonly active = new ActiveMark();
  private hovered: PlacedMention | null = null;
  /** Counts open() and close() calls: a card waiting for its findings opens only if nothing came after it. */
  private requests = 0;

  constructor(private readonly options: InteractionOptions) {
    const { document, signal } = options;
    const listen = { capture: true, passive: true, signal };
    document.addEventListener('pointermove', (event) => this.onPointerMove(event), listen);
    document.addEventListener('click', (event) => this.onClick(event), { capture: true, signal });
    document.addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
    document.addEventListener('keyup', (event) => this.onModifier(event), { capture: true, passive: true, signal });
    // A key released outside the page (window switch) must not leave quiet mode "held".
    window.addEventListener('blur', () => (this.keyHeld = false), { signal });
    signal.addEventListener('abort', () => {
      this.cancelTimers();
      this.active.remove();
    });
  }

  get openMention(): PlacedMention | null {
    return this.current;
  }

  open(
    placed: PlacedMention,
    { takeFocus, pinned, pointerY }: { takeFocus: boolean; pinned: boolean; pointerY?: number },
  ): void {
    this.cancelTimers();
    if (takeFocus && !this.options.layer.hasFocus()) {
      const active = this.options.document.activeElement;
      this.returnFocus = active && active !== this.options.document.body ? active : null;
    }
    this.current = placed;
    this.pinned = pinned || this.pinned;
    const request = ++this.requests;
    const waiting = this.options.whenReadable?.(placed);
    if (waiting) {
      // Failed: the extension went away (the overlay reports it and stops); no card for this mark.
      waiting.then(
        () => {
          if (request === this.requests && !this.options.signal.aborted)
            this.options.showCard(placed, takeFocus, pointerY);
        },
        () => undefined,
      );
    } else {
      this.options.showCard(placed, takeFocus, pointerY);
    }
    this.showActive();
  }

  close({ restoreFocus }: { restoreFocus: boolean }): void {
    this.cancelTimers();
    this.requests++;
    if (!this.current && !this.options.layer.isOpen) return;
    const focusWasInCard = this.options.layer.hasFocus();
    this.options.layer.hide();
    this.current = null;
    this.pinned = false;
    this.showActive();
    if (restoreFocus && focusWasInCard) {
      const target = this.returnFocus;
      if (target instanceof HTMLElement && target.isConnected) target.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  /** Closes the card if its mention left the page (the page changed its text). */
  closeIfStale(): void {
    if (this.current && !isPlacementValid(this.current)) this.close({ restoreFocus: true });
  }

  pointerEnteredCard(): void {
    this.cancelClose();
  }

  pointerLeftCard(): void {
    if (this.current && !this.pinned) this.scheduleClose();
  }

  /** The stronger look goes to the mark under the pointer, else to the one whose card is open. */
  private showActive(): void {
    const placed = this.hovered ?? this.current;
    this.active.show(placed && isPlacementValid(placed) ? rangeOf(placed) : undefined);
  }

  private onPointerMove(event: PointerEvent): void {
    this.keyHeld = MODIFIER_HELD[this.options.behaviour().quietKey](event);
    this.lastPointer = { x: event.clientX, y: event.clientY, target: event.target };
    // One hit-test per frame, however many events arrive.
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      if (!this.options.signal.aborted && this.lastPointer) this.onPointerAt(this.lastPointer);
    });
  }

  private onPointerAt({ x, y, target }: { x: number; y: number; target: EventTarget | null }): void {
    if (this.options.layer.owns(target)) {
      this.cancelClose();
      return;
    }
    const hit = mentionAtPoint(this.options.document, this.options.index, x, y);
    if (hit !== this.hovered) {
      this.hovered = hit;
      this.showActive();
      if (hit) this.options.anticipate?.();
    }
    if (hit && hit === this.current) {
      this.cancelClose();
      return;
    }
    const behaviour = this.options.behaviour();
    if (hit && behaviour.mode === 'click' && this.keyHeld) {
      this.open(hit, { takeFocus: false, pinned: false, pointerY: y });
      return;
    }
    if (hit && behaviour.mode === 'hover') {
      if (this.pendingOpen?.placed === hit) return;
      this.cancelOpen();
      const timer = window.setTimeout(() => {
        this.pendingOpen = null;
        this.open(hit, { takeFocus: false, pinned: false, pointerY: y });
      }, behaviour.hoverDelayMs);
      this.pendingOpen = { placed: hit, timer };
      return;
    }
    if (!hit) this.cancelOpen();
    if (this.current && !this.pinned) this.scheduleClose();
  }

  private onClick(event: MouseEvent): void {
    if (this.options.layer.owns(event.target)) return;
    // The end of a text selection is not a request for a card.
    if (this.options.document.getSelection()?.isCollapsed === false) return;
    const hit = mentionAtPoint(this.options.document, this.options.index, event.clientX, event.clientY);
    if (hit) this.open(hit, { takeFocus: false, pinned: true, pointerY: event.clientY });
    else if (this.current) this.close({ restoreFocus: false });
  }

  /** Quiet mode: pressing the key while the pointer rests on a mark opens its card at once. */
  private onModifier(event: KeyboardEvent): void {
    const behaviour = this.options.behaviour();
    if (event.key !== behaviour.quietKey) return;
    this.keyHeld = event.type === 'keydown';
    if (this.keyHeld && behaviour.mode === 'click' && this.lastPointer) this.onPointerAt(this.lastPointer);
  }

  private onKeyDown(event: KeyboardEvent): void {
    this.onModifier(event);
    if (event.key !== 'Escape' || !this.current) return;
    const focusInCard = this.options.layer.hasFocus();
    this.close({ restoreFocus: true });
    // Esc inside our card is ours; elsewhere the page may also want it (its own dialog).
    if (focusInCard) event.stopPropagation();
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = undefined;
      // The grace time ran out: close the card, but keep a hover that is about to open another one (the open
      // delay can be longer than this grace time).
      const pending = this.pendingOpen;
      this.pendingOpen = null;
      this.close({ restoreFocus: false });
      this.pendingOpen = pending;
    }, HOVER_CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) window.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private cancelOpen(): void {
    if (this.pendingOpen) window.clearTimeout(this.pendingOpen.timer);
    this.pendingOpen = null;
  }

  private cancelTimers(): void {
    this.cancelOpen();
    this.cancelClose();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}

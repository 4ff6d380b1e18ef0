/**
 * The write guard: what must hold for a click on the claim card to change anything stored
 * (a decision, a name added to a case). The card is one the reader opened (the content
 * script opens cards on trusted events only) and it sits in the browser's top layer, above
 * anything a page draws in its own layers. A write then needs:
 *  - the reader's own event (`isTrusted`: a page's script cannot click for them);
 *  - for a pointer click, the card itself at the click point — the topmost element there is
 *    the card, and within it the button clicked (`elementsFromPoint`);
 *  - nothing of the page's in the top layer (a modal dialog, a popover, fullscreen), which
 *    could cover the card while letting clicks through;
 *  - where the browser measures it (IntersectionObserver v2, Chromium), the card seen as
 *    visible — unoccluded, unfaded, untransformed, even by overlays with `pointer-events:
 *    none` — without a break for the last `DWELL_MS`.
 * Anything else is refused with a reason the card shows; nothing is sent.
 */

/** How long the card must have been seen whole before a click on it may write. */
export const DWELL_MS = 500;

export type Verdict = { ok: true } | { ok: false; reason: string };

interface VisibilityEntry { isVisible?: boolean; time: number }

export class WriteGuard {
  /** Since when the card has been seen visible without a break (null: hidden, or not yet reported); undefined where the browser cannot tell. */
  private visibleSince: number | null | undefined = undefined;
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly doc: Document,
    /** The card's host element in the page. */
    private readonly host: Element,
    /** The card's shadow root (closed: only this script holds it). */
    private readonly root: ShadowRoot,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Start watching the card's visibility (IntersectionObserver v2 where there is one). */
  watch(card: Element): void {
    if (typeof IntersectionObserver !== 'function' || typeof IntersectionObserverEntry !== 'function' || !('isVisible' in IntersectionObserverEntry.prototype)) return;
    this.visibleSince = null;
    const shownAt = this.now();
    let hidden = false;
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries as unknown as VisibilityEntry[]) {
        if (e.isVisible === undefined) this.visibleSince = undefined;
        else if (!e.isVisible) {
          this.visibleSince = null;
          hidden = true;
        } else if (this.visibleSince === null) {
          // The first report speaks for the card since it was shown (reports can come late on a
          // busy machine); after the card was hidden, it counts from this report on.
          this.visibleSince = hidden ? e.time : shownAt;
        }
      }
    }, { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit);
    this.observer.observe(card);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Whether this event may write, from this control of the card. */
  allows(event: Event, control: Element | null): Verdict {
    if (!event.isTrusted) return { ok: false, reason: 'Only your own click can change your case.' };
    const pointer = event as MouseEvent;
    const byPointer = typeof pointer.clientX === 'number' && pointer.detail > 0;
    if (byPointer) {
      const top = this.doc.elementsFromPoint(pointer.clientX, pointer.clientY)[0];
      const inCard = this.root.elementsFromPoint?.(pointer.clientX, pointer.clientY)[0] ?? null;
      if (top !== this.host || !control || !inCard || !control.contains(inCard)) return { ok: false, reason: 'The card was not what was under your click; nothing was changed.' };
    } else if (!control || this.root.activeElement !== control) {
      return { ok: false, reason: 'The card did not have the keyboard focus; nothing was changed.' };
    }
    if (this.pageTopLayer()) return { ok: false, reason: 'Something of the page was over the card; nothing was changed.' };
    if (this.visibleSince === null) return { ok: false, reason: 'The card was covered or faded when you clicked; nothing was changed.' };
    if (this.visibleSince !== undefined && this.now() - this.visibleSince < DWELL_MS) return { ok: false, reason: 'The card had only just appeared; click again to confirm.' };
    return { ok: true };
  }

  /** Whether the page has put something of its own in the top layer (where it could cover the card). */
  private pageTopLayer(): boolean {
    if (this.doc.fullscreenElement && this.doc.fullscreenElement !== this.host) return true;
    for (const selector of [':modal', ':popover-open']) {
      try {
        if (this.doc.querySelector(selector)) return true;
      } catch {
        // This browser does not know the selector, nor the feature.
      }
    }
    return false;
  }
}

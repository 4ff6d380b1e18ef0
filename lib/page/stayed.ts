/**
 * "Stayed on": when an article the reader opened counts as read, so that it may be listed
 * (by site and title) on the cards of other articles. It counts once the page has been in a
 * visible tab for `STAY_MS` in all and the reader has acted on it at least once with their
 * own input — a wheel turn, a touch, a key, a pointer press (`isTrusted` events; a page's
 * scripts cannot make them). A page that reloads itself, or is opened in a background tab
 * and closed, never counts.
 */

export const STAY_MS = 15_000;

const INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

export class StayTracker {
  private visibleMs = 0;
  private visibleFrom: number | null = null;
  private acted = false;
  private done = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly onStayed: () => void,
    private readonly options: { ms?: number; signal?: AbortSignal; now?: () => number } = {},
  ) {
    const listen = { capture: true, passive: true, signal: options.signal };
    for (const type of INPUTS) doc.addEventListener(type, (e) => { if (e.isTrusted) this.act(); }, listen);
    doc.addEventListener('visibilitychange', () => this.update(), { signal: options.signal });
    options.signal?.addEventListener('abort', () => this.clear());
    this.update();
  }

  private get now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  private act(): void {
    this.acted = true;
    this.update();
  }

  /** Count visible time, and finish when both conditions hold. */
  private update(): void {
    if (this.done) return;
    const visible = this.doc.visibilityState === 'visible';
    if (this.visibleFrom !== null) this.visibleMs += this.now - this.visibleFrom;
    this.visibleFrom = visible ? this.now : null;
    this.clear();
    const left = (this.options.ms ?? STAY_MS) - this.visibleMs;
    if (this.acted && left <= 0) {
      this.done = true;
      this.visibleFrom = null;
      this.onStayed();
    } else if (visible && left > 0) this.timer = setTimeout(() => this.update(), left);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

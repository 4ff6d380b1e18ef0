/**
 * Watching a page after its first check, for what would make its highlights untrue: the DOM
 * changing (text that arrives late, a framework re-rendering paragraphs) and same-document
 * navigation (`history.pushState`/`replaceState`, back and forward). The observers are
 * cheap on purpose: a MutationObserver callback only notes that something changed (nothing
 * is read or extracted there), and the page is judged once it has been quiet for `QUIET_MS`
 * (or `MAX_WAIT_MS` after the first change, for pages that never stop changing), in an idle
 * callback, one judgement at a time. Timers and listeners come from the content script's
 * context, so they all die with it.
 *
 * Navigation is seen through the Navigation API's `currententrychange` where the browser has
 * it (Chromium: it fires for `pushState` and `replaceState` too), `popstate`, and the address
 * compared at every judgement; where there is no Navigation API (Firefox ESR), the address
 * is also compared every `POLL_MS` — a string comparison.
 */

/** The timers a watcher uses (a WXT `ContentScriptContext` has them all, tied to its life). */
export interface Timers {
  setTimeout(handler: () => void, ms: number): number;
  setInterval(handler: () => void, ms: number): number;
  requestIdleCallback(handler: () => void, options?: { timeout?: number }): number;
}

/** What changed since the last judgement. */
export interface Changes {
  /** Something in the page's DOM (not the extension's own highlights or card). */
  dom: boolean;
  /** The address (without its fragment) differs from when the watcher last looked. */
  url: boolean;
}

/** How long the page must be quiet before it is judged. */
export const QUIET_MS = 300;
/** The longest a judgement waits after the first change, however busy the page. */
export const MAX_WAIT_MS = 1500;
/** The longest an idle callback may wait for an idle moment. */
export const IDLE_TIMEOUT_MS = 1000;
/** How often the address is compared where the browser has no Navigation API. */
export const POLL_MS = 500;

/** Nodes of the extension's own that the page's observers would otherwise count as the page changing. */
const OWN = new Set(['CASEFILE-MARK', 'CASEFILE-CARD']);

const ownRecord = (r: MutationRecord) =>
  OWN.has(r.target.nodeName) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => OWN.has(n.nodeName)));

/** The address without its fragment: a jump within the page is not another article. */
export const pageAddress = (href: string) => href.split('#')[0];

interface NavigationLike {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
}

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private pending: Changes = { dom: false, url: false };
  private firstChange: number | null = null;
  private timer: number | null = null;
  private judging = false;
  private again = false;
  private address: string;

  constructor(
    private readonly win: Window,
    private readonly timers: Timers & { clearTimeout?: (id: number) => void },
    private readonly judge: (changes: Changes) => Promise<void>,
    private readonly signal?: AbortSignal,
  ) {
    this.address = pageAddress(win.location.href);
  }

  /** Start watching: the DOM (if `dom`) and navigation. */
  start({ dom = true } = {}): void {
    if (dom) this.watchDom();
    const listen = { signal: this.signal };
    const navigation = (this.win as unknown as { navigation?: NavigationLike }).navigation;
    if (navigation?.addEventListener) navigation.addEventListener('currententrychange', () => this.urlMayHaveChanged(), listen);
    else this.timers.setInterval(() => this.urlMayHaveChanged(), POLL_MS);
    this.win.addEventListener('popstate', () => this.urlMayHaveChanged(), listen);
    this.signal?.addEventListener('abort', () => this.stopDom());
  }

  /** Watch the DOM (again): after a navigation, or for a page waiting for its text. */
  watchDom(): void {
    if (this.observer || this.signal?.aborted) return;
    const body = this.win.document.body ?? this.win.document.documentElement;
    const Observer = (this.win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => {
      // Cheap on purpose: runs for every change the page makes.
      for (const r of records) {
        if (ownRecord(r)) continue;
        this.changed('dom');
        return;
      }
    });
    this.observer.observe(body, { childList: true, subtree: true, characterData: true });
  }

  /** Stop watching the DOM (a page with no article after a while); navigation is still watched. */
  stopDom(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /**
   * Forget the DOM changes recorded so far that no callback has seen yet: called right after
   * the extension's own writes (drawing highlights splits the page's text nodes), in the same
   * task, so they are not taken for the page changing.
   */
  forgetOwnWrites(): void {
    this.observer?.takeRecords();
  }

  /** Note a change (also for the address) and judge the page once it is quiet. */
  changed(kind: keyof Changes): void {
    this.pending[kind] = true;
    const now = performance.now();
    this.firstChange ??= now;
    if (this.timer !== null) this.timers.clearTimeout?.(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstChange + MAX_WAIT_MS - now));
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.timers.requestIdleCallback(() => void this.judgeNow(), { timeout: IDLE_TIMEOUT_MS });
    }, wait);
  }

  private urlMayHaveChanged(): void {
    if (pageAddress(this.win.location.href) !== this.address) this.changed('url');
  }

  private async judgeNow(): Promise<void> {
    if (this.signal?.aborted) return;
    if (this.judging) {
      this.again = true;
      return;
    }
    const address = pageAddress(this.win.location.href);
    const changes: Changes = { dom: this.pending.dom, url: this.pending.url || address !== this.address };
    if (!changes.dom && !changes.url) return;
    this.address = address;
    this.pending = { dom: false, url: false };
    this.firstChange = null;
    this.judging = true;
    try {
      await this.judge(changes);
    } catch (error) {
      console.warn('Casefile: could not follow the page\'s change', error);
    } finally {
      this.judging = false;
      if (this.again || this.pending.dom || this.pending.url) {
        this.again = false;
        this.changed('dom');
      }
    }
  }
}

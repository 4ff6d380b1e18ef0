/**
 * Following a page that changes, so that what Casefile shows stays true: what to do when
 * the watcher (`watch.ts`) says the page changed, and when the reader's settings change.
 *
 * - The address changed without a load (a single-page site's navigation): the old article's
 *   highlights go, and the page is read afresh and stored under its new address.
 * - A checked page removed highlights (a framework re-rendered the paragraphs): they are
 *   drawn again on the new nodes — at most `MAX_REDRAWS` times per article; after that the
 *   ones the page keeps removing are listed as "no longer shown" rather than pointed at.
 * - A checked article's text changed (text arriving late, a correction): checked again, at
 *   most `MAX_RECHECKS` times per article (a page that never stops changing is then shown
 *   as changed, with "Check again").
 * - A page with no article text yet (`waiting`), or not an article: looked at again when its
 *   text has grown, for `LATE_TEXT_MS` after it loaded or navigated.
 * While a change is being followed the page says so (`changed`), never "no conflicts".
 */
import type { PageState } from '../messaging/protocol';
import type { PageSession } from './session';
import { readsOn, type ReadingSettings } from './settings';
import type { Changes, PageWatcher } from './watch';

export const MAX_REDRAWS = 5;
export const MAX_RECHECKS = 10;
export const LATE_TEXT_MS = 30_000;
/** Characters a page without an article must gain before it is looked at again. */
export const GROWTH_CHARS = 200;

export class PageFollower {
  private redraws = 0;
  private rechecks = 0;
  /** The reader asked for this page to be checked although it did not look like an article. */
  private forced = false;
  /** When the current address began to be watched for late text. */
  private watchedFrom: number;
  private bodyLength = 0;
  private settings: ReadingSettings | null = null;

  constructor(
    private readonly doc: Document,
    private readonly session: PageSession,
    private readonly watcher: Pick<PageWatcher, 'watchDom' | 'stopDom'>,
    /** A timer (the content script's, which dies with it). */
    private readonly later: (handler: () => void, ms: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.watchedFrom = this.now();
    this.later(() => this.lateTextOver(), LATE_TEXT_MS);
  }

  /** The time for late text is over: a page still without article text is not an article after all. */
  private lateTextOver(): void {
    if (this.now() - this.watchedFrom < LATE_TEXT_MS) return;
    this.watcher.stopDom();
    const state = this.session.state;
    if (state.status === 'waiting') this.session.state = { ...state, status: 'not-article', message: 'No article text arrived on this page.' };
  }

  /** Whether Casefile reads this page under the reader's settings. */
  get on(): boolean {
    return !!this.settings && readsOn(this.settings, this.doc.location.hostname);
  }

  /** Apply the reader's settings (at start-up, and whenever they change): read, stop, or read again in the other mode. */
  async apply(settings: ReadingSettings): Promise<PageState> {
    const before = this.settings;
    this.settings = settings;
    this.session.mode = settings.mode;
    if (!this.on) {
      this.watcher.stopDom();
      this.session.clear({ status: 'off', message: settings.enabled ? 'Casefile is off on this site.' : 'Casefile is off.' });
      return this.session.state;
    }
    const wasOn = !!before && readsOn(before, this.doc.location.hostname);
    if (wasOn && before.mode === settings.mode) return this.session.state;
    const state = await this.check();
    // The page is watched from its first check on (never before: start-up stays cheap).
    this.watcher.watchDom();
    return state;
  }

  /** Check the page now, as the reader asked ("Check again", "Check this page anyway", "Highlight them anyway"). */
  async checkAgain(options: { everything?: boolean } = {}): Promise<PageState> {
    if (!this.on) return this.session.state;
    this.forced = true;
    this.redraws = 0;
    this.rechecks = 0;
    const state = await this.check(options);
    this.watcher.watchDom();
    return state;
  }

  /** The watcher's call: the page changed (see the module's comment for what is done). */
  async judge(changes: Changes): Promise<void> {
    if (!this.on) return;
    if (changes.url) {
      this.redraws = 0;
      this.rechecks = 0;
      this.forced = false;
      this.watchedFrom = this.now();
      this.later(() => this.lateTextOver(), LATE_TEXT_MS);
      this.session.navigated();
      this.watcher.watchDom();
      await this.check();
      return;
    }
    const state = this.session.state;
    if (state.status === 'checked') {
      const { missing, textChanged } = this.session.changes();
      if (!missing.length && !textChanged) return;
      if (!textChanged) {
        if (this.redraws >= MAX_REDRAWS) return this.session.giveUp(missing);
        this.redraws += 1;
      } else if (this.rechecks >= MAX_RECHECKS) {
        return this.session.markChanged();
      } else this.rechecks += 1;
      this.session.markChanged();
      await this.check();
    } else if (state.status === 'waiting' || state.status === 'not-article') {
      if (this.now() - this.watchedFrom > LATE_TEXT_MS) return this.lateTextOver();
      // Only text that grew is worth reading again (one length, in idle time).
      const length = this.doc.body?.textContent?.length ?? 0;
      if (length < this.bodyLength + GROWTH_CHARS) return;
      await this.check();
    }
  }

  private async check(options: { everything?: boolean } = {}): Promise<PageState> {
    const state = await this.session.run(this.forced, options);
    this.bodyLength = this.doc.body?.textContent?.length ?? 0;
    return state;
  }
}

/**
 * The background's message service: the only place that opens the database. It holds what
 * the handlers share — the database, the active cases' indexes (built once per change,
 * reused for every page), article writes in flight, the analyser — and answers every message
 * through the one table (`table.ts`), which says who may send what. Web pages may only ask
 * about their own article.
 */
import bundledCase from '../cases/bundled/rust-shooting.json';
import type { CaseFile } from '../cases/format';
import { formatProblems, validateCase } from '../cases/validate';
import { CasefileDB, type StoredCase } from '../db/schema';
import { seedBundledCase } from '../db/store';
import { buildCaseIndex } from '../link/case-index';
import { dispatch, type Io, type Sender } from '../messaging/router';
import type { Result } from '../messaging/result';
import type { Analyser } from './analyser';
import type { ActiveCase, ServiceContext } from './context';
import { TABLE } from './table';

export const BUNDLED_CASE = bundledCase as unknown as CaseFile;

/** Where a message came from: a content script in a web page (with its URL), or one of the extension's own pages. */
export type MessageOrigin = Sender['origin'];

export class CasefileService implements ServiceContext {
  readonly db: CasefileDB;
  /** The bundled case's id: the one case that cannot be deleted. */
  readonly bundledId = BUNDLED_CASE.id;
  /** The active cases' indexes, built once and kept until a case changes. */
  private active: Promise<ActiveCase[]> | null = null;
  private ready: Promise<void> | null = null;
  /** Each stored case's problems, by id, as of its `updatedAt` (a broken case is reported and skipped, never fatal). */
  private readonly health = new Map<string, { updatedAt: string; problems: string[]; file: CaseFile | null }>();
  /** Pages the content script skipped or failed on, for the popup and the CLI. */
  readonly status = new Map<string, string>();
  /** Article writes in flight (answers do not wait for them; reads do). */
  writes: Promise<unknown> = Promise.resolve();

  /**
   * `analyser` extracts and recognises pages sent as HTML off their thread; without one
   * (no DOM parser here, no offscreen document) pages extract on their own and send text.
   */
  constructor(db = new CasefileDB(), readonly analyser: Analyser | null = null) {
    this.db = db;
  }

  /**
   * Answer one raw message from a sender: `origin` says whether a web page's content script
   * (speaking for `pageUrl`) or an extension page sent it. Always a `Result`.
   */
  handle(raw: unknown, origin: MessageOrigin = 'extension', pageUrl?: string, io?: Io): Promise<Result<unknown>> {
    return dispatch(TABLE, raw, { origin, url: pageUrl }, this, io);
  }

  /** Seed the bundled case once per service-worker life (and on install/upgrade). */
  ensureSeeded(): Promise<void> {
    this.ready ??= seedBundledCase(this.db, BUNDLED_CASE);
    this.ready.catch(() => { this.ready = null; });
    return this.ready;
  }

  /** The active cases that can be checked against; a broken one is reported and left out. */
  activeCases(): Promise<ActiveCase[]> {
    this.active ??= (async () => {
      await this.ensureSeeded();
      const out: ActiveCase[] = [];
      for (const c of await this.db.cases.toArray()) {
        if (!c.active) continue;
        const file = this.usable(c);
        if (!file) continue;
        try {
          out.push({ stored: { id: c.id, title: c.title, active: c.active, activeOn: c.activeOn }, index: buildCaseIndex(file) });
        } catch (error) {
          console.warn(`Casefile: the case "${c.id}" cannot be used and is skipped`, error);
        }
      }
      return out;
    })();
    this.active.catch(() => { this.active = null; });
    return this.active;
  }

  /** A stored case's problems (none when it can be used), checked once per change. */
  problemsOf(c: StoredCase): string[] {
    return this.checked(c).problems;
  }

  /** A stored case's file as validated (optional lists filled), or null when it is broken (reported once). */
  usable(c: StoredCase): CaseFile | null {
    return this.checked(c).file;
  }

  private checked(c: StoredCase): { problems: string[]; file: CaseFile | null } {
    const known = this.health.get(c?.id);
    if (known && known.updatedAt === c.updatedAt) return known;
    let entry: { updatedAt: string; problems: string[]; file: CaseFile | null };
    const result = validateCase(c?.file);
    if (result.ok) entry = { updatedAt: c.updatedAt, problems: [], file: result.value };
    else {
      entry = { updatedAt: c?.updatedAt, problems: formatProblems(result.problems), file: null };
      console.warn(`Casefile: the stored case "${String(c?.id)}" is broken and is skipped: ${entry.problems.slice(0, 3).join('; ')}`);
    }
    if (typeof c?.id === 'string') this.health.set(c.id, entry);
    return entry;
  }

  /** Something about the cases changed: indexes are built again when next needed. */
  changed(): void {
    this.active = null;
  }

  /** Resolves when every article write so far has landed (for tests and orderly shutdown). */
  settled(): Promise<unknown> {
    return this.writes;
  }
}

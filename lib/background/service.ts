/**
 * The background's message service: the only place that opens the database. It keeps the
 * active case's index warm (built once per case version, rebuilt when the service worker
 * wakes), links and checks articles, stores them, and answers the popup and the CLI.
 */
import bundledCase from '../cases/bundled/rust-shooting.json';
import type { CaseFile } from '../cases/format';
import { checkArticle } from '../check/check';
import { buildCaseIndex, type CaseIndex } from '../link/case-index';
import { PAGE_MESSAGE_TYPES, parseBackgroundMessage, type BackgroundMessage, type BackgroundRequests, type CaseSummary } from '../messaging/protocol';
import { CasefileDB, type StoredCase } from '../db/schema';
import { activeCase, articleKey, otherArticles, saveArticle, seedBundledCase } from '../db/store';
import { formatProblems, validateCase } from '../cases/validate';
import type { Annotation, ArticleText } from '../types';
import { recogniseMentions } from '../recognise/mentions';

export const BUNDLED_CASE = bundledCase as unknown as CaseFile;

type Response<K extends keyof BackgroundRequests> = BackgroundRequests[K]['response'];

/** Where a message came from: a content script in a web page, or one of the extension's own pages. */
export type MessageOrigin = 'page' | 'extension';

export class CasefileService {
  private readonly db: CasefileDB;
  /** The active cases' indexes, built once and kept until a case is imported or (de)activated. */
  private active: Promise<CaseIndex[]> | null = null;
  private ready: Promise<void> | null = null;
  /** Pages the content script skipped or failed on, for the popup and the CLI. */
  private readonly status = new Map<string, string>();
  /** Article writes in flight (answers do not wait for them). */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(db = new CasefileDB()) {
    this.db = db;
  }

  /** Seed the bundled case once per service-worker life (and on install/upgrade). */
  ensureSeeded(): Promise<void> {
    this.ready ??= seedBundledCase(this.db, BUNDLED_CASE);
    return this.ready;
  }

  /** Indexes of the active cases; the database is read only when something changed. */
  private activeIndexes(): Promise<CaseIndex[]> {
    this.active ??= (async () => {
      await this.ensureSeeded();
      const cases = await this.db.cases.toArray();
      const active = cases.filter((c) => c.active);
      return active.map((c) => buildCaseIndex(c.file));
    })();
    this.active.catch(() => { this.active = null; });
    return this.active;
  }

  /** Handle one raw message; malformed or misplaced messages get an error answer and change nothing. */
  async handle(raw: unknown, origin: MessageOrigin = 'extension'): Promise<unknown> {
    const message = parseBackgroundMessage(raw);
    if (!message) return { error: 'malformed message' };
    if (origin === 'page' && !PAGE_MESSAGE_TYPES.has(message.type)) return { error: `${message.type} is not allowed from a web page` };
    return this.dispatch(message);
  }

  /** Resolves when every article write so far has landed (for tests and orderly shutdown). */
  settled(): Promise<unknown> {
    return this.writes;
  }

  private async dispatch(m: BackgroundMessage): Promise<unknown> {
    switch (m.type) {
      case 'check-article': return this.check(m.article);
      case 'page-skipped':
        this.status.set(articleKey(m.url), m.reason);
        return { ok: true } satisfies Response<'page-skipped'>;
      case 'get-article': {
        await this.writes;
        const url = articleKey(m.url);
        const article = (await this.db.articles.get(url)) ?? null;
        return { article, status: article ? 'checked' : this.status.get(url) ?? null } satisfies Response<'get-article'>;
      }
      case 'get-case':
        await this.ensureSeeded();
        return { case: await activeCase(this.db) } satisfies Response<'get-case'>;
      case 'list-cases':
        await this.ensureSeeded();
        return { cases: (await this.db.cases.toArray()).map(summary) } satisfies Response<'list-cases'>;
      case 'import-case': return this.importCase(m.file, m.activate ?? true);
      case 'set-active-cases': return this.setActive(m.ids);
    }
  }

  /** Validate a whole case file, then store it in one write: a file with any problem changes nothing. */
  private async importCase(file: unknown, activate: boolean): Promise<Response<'import-case'>> {
    await this.ensureSeeded();
    const result = validateCase(file);
    if (!result.ok) return { ok: false, problems: formatProblems(result.problems) };
    const value = result.value;
    const existing = await this.db.cases.get(value.id);
    if (existing?.bundled) return { ok: false, problems: [`id: "${value.id}" is the bundled case's id; give your case another id`] };
    const record: StoredCase = { id: value.id, title: value.title, bundled: false, active: activate, file: value, updatedAt: new Date().toISOString() };
    await this.db.cases.put(record);
    this.active = null;
    return { ok: true, case: summary(record) };
  }

  private async setActive(ids: string[]): Promise<Response<'set-active-cases'>> {
    await this.ensureSeeded();
    const wanted = new Set(ids);
    const missing: string[] = [];
    await this.db.transaction('rw', this.db.cases, async () => {
      const all = await this.db.cases.toArray();
      for (const id of wanted) if (!all.some((c) => c.id === id)) missing.push(id);
      if (missing.length) return;
      for (const c of all) if (c.active !== wanted.has(c.id)) await this.db.cases.update(c.id, { active: wanted.has(c.id) });
    });
    this.active = null;
    return missing.length ? { ok: false, error: `no such case: ${missing.join(', ')}` } : { ok: true };
  }

  private async check(article: ArticleText): Promise<Response<'check-article'>> {
    const started = performance.now();
    const mentions = recogniseMentions(article.text, article.published);
    const recognised = performance.now();
    const indexes = await this.activeIndexes();
    const url = articleKey(article.url);
    const annotations = mergeCases(indexes.map((index) => checkArticle({ ...article, url }, mentions, index)));
    const others = await otherArticles(this.db, url, annotations);
    for (const a of annotations) if (a.claimKey) a.others = others.get(a.claimKey) ?? [];
    // The page gets its answer now; the article is stored right after (reads wait for it).
    const write = saveArticle(this.db, {
      url, title: article.title, site: article.site, published: article.published, checkedAt: new Date().toISOString(),
      caseId: indexes[0]?.caseId ?? null, text: article.text, annotations,
    }).then(() => this.status.set(url, 'checked'), (error) => console.error('Casefile: could not store the article', error));
    this.writes = this.writes.then(() => write);
    return {
      annotations,
      caseTitle: indexes.map((i) => i.title).join(', '),
      timings: { recognise: recognised - started, linkAndCheck: performance.now() - recognised },
    };
  }
}

function summary(c: StoredCase): CaseSummary {
  const f = c.file;
  return {
    id: c.id, title: c.title, bundled: c.bundled, active: c.active, updatedAt: c.updatedAt,
    counts: { people: f.people.length, events: f.events.length, facts: f.facts.length, sources: f.sources.length },
  };
}

const RANK: Record<string, number> = { conflict: 3, consistent: 2, unknown: 1 };

/**
 * One list of annotations from several cases: where two cases mark the same words, the one
 * that says more wins (a conflict over agreement, agreement over a bare name).
 */
function mergeCases(perCase: Annotation[][]): Annotation[] {
  if (perCase.length === 1) return perCase[0];
  const best = new Map<string, Annotation>();
  for (const list of perCase) {
    for (const a of list) {
      const key = `${a.start}:${a.end}:${a.kind}`;
      const held = best.get(key);
      const score = (x: Annotation) => RANK[x.verdict] * 2 + (x.entity ? 1 : 0);
      if (!held || score(a) > score(held)) best.set(key, a);
    }
  }
  return [...best.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

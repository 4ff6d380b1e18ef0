/**
 * The background's message service: the only place that opens the database. It keeps the
 * active case's index warm (built once per case version, rebuilt when the service worker
 * wakes), links and checks articles, stores them, and answers the popup and the CLI.
 */
import bundledCase from '../cases/bundled/rust-shooting.json';
import type { CaseFile } from '../cases/format';
import { checkArticle } from '../check/check';
import { buildCaseIndex, type CaseIndex } from '../link/case-index';
import { parseBackgroundMessage, type BackgroundMessage, type BackgroundRequests } from '../messaging/protocol';
import { CasefileDB } from '../db/schema';
import { activeCase, articleKey, otherArticles, saveArticle, seedBundledCase } from '../db/store';

export const BUNDLED_CASE = bundledCase as unknown as CaseFile;

type Response<K extends keyof BackgroundRequests> = BackgroundRequests[K]['response'];

export class CasefileService {
  private readonly db: CasefileDB;
  private index: { key: string; index: CaseIndex } | null = null;
  private ready: Promise<void> | null = null;
  /** Pages the content script skipped or failed on, for the popup and the CLI. */
  private readonly status = new Map<string, string>();

  constructor(db = new CasefileDB()) {
    this.db = db;
  }

  /** Seed the bundled case once per service-worker life (and on install/upgrade). */
  ensureSeeded(): Promise<void> {
    this.ready ??= seedBundledCase(this.db, BUNDLED_CASE);
    return this.ready;
  }

  private async caseIndex(): Promise<CaseIndex | null> {
    await this.ensureSeeded();
    const file = await activeCase(this.db);
    if (!file) return null;
    const key = `${file.id}@${file.updated ?? ''}:${file.people.length}:${file.events.length}:${file.facts.length}`;
    if (this.index?.key !== key) this.index = { key, index: buildCaseIndex(file) };
    return this.index.index;
  }

  /** Handle one raw message; malformed messages get an error answer and change nothing. */
  async handle(raw: unknown): Promise<unknown> {
    const message = parseBackgroundMessage(raw);
    if (!message) return { error: 'malformed message' };
    return this.dispatch(message);
  }

  private async dispatch(m: BackgroundMessage): Promise<unknown> {
    switch (m.type) {
      case 'check-article': return this.check(m.article, m.mentions);
      case 'page-skipped':
        this.status.set(articleKey(m.url), m.reason);
        return { ok: true } satisfies Response<'page-skipped'>;
      case 'get-article': {
        const url = articleKey(m.url);
        const article = (await this.db.articles.get(url)) ?? null;
        return { article, status: article ? 'checked' : this.status.get(url) ?? null } satisfies Response<'get-article'>;
      }
      case 'get-case':
        await this.ensureSeeded();
        return { case: await activeCase(this.db) } satisfies Response<'get-case'>;
    }
  }

  private async check(article: Parameters<typeof checkArticle>[0], mentions: Parameters<typeof checkArticle>[1]): Promise<Response<'check-article'>> {
    const index = await this.caseIndex();
    if (!index) return { annotations: [], caseTitle: '' };
    const url = articleKey(article.url);
    const annotations = checkArticle({ ...article, url }, mentions, index);
    const others = await otherArticles(this.db, url, annotations);
    for (const a of annotations) if (a.claimKey) a.others = others.get(a.claimKey) ?? [];
    await saveArticle(this.db, {
      url, title: article.title, site: article.site, published: article.published, checkedAt: new Date().toISOString(), caseId: index.caseId, text: article.text, annotations,
    });
    this.status.set(url, 'checked');
    return { annotations, caseTitle: index.title };
  }
}

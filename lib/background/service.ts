/**
 * The background's message service: the only place that opens the database. It keeps the
 * active cases' indexes warm (built once per change, reused for every page), recognises,
 * links and checks articles, stores them, and answers the popup, the options page and the
 * CLI. Every message is validated on arrival; web pages may only ask about their own article.
 */
import { hostOf } from '../util/url';
import bundledCase from '../cases/bundled/rust-shooting.json';
import { addCsv, csvPath } from '../cases/csv';
import type { CaseEdit } from '../cases/edits';
import { CASE_FORMAT, CASE_FORMAT_VERSION, type CaseFile } from '../cases/format';
import { serializeCase } from '../cases/serialize';
import { formatProblems, validateCase } from '../cases/validate';
import { checkArticle } from '../check/check';
import { CasefileDB, type StoredCase } from '../db/schema';
import {
  activeCase, activeOnSite, articleKey, editCase, exportBackup, importBackup, importedCase, otherArticles, saveArticle, saveDecision,
  seedBundledCase, withDecisions, decisionsOf, applyDecisions,
} from '../db/store';
import type { Analyser } from './analyser';
import type { PageAnalysis } from '../analysis/analyse';
import { parseBackup } from '../db/backup';
import { fromW3C } from '../export/w3c';
import { buildCaseIndex, type CaseIndex } from '../link/case-index';
import { PAGE_MESSAGE_TYPES, parseBackgroundMessage, type BackgroundMessage, type CheckAnswer, type BackgroundRequests, type CaseSummary, type StoredArticle } from '../messaging/protocol';
import { recogniseMentions } from '../recognise/mentions';
import { anchorAnnotations } from '../anchor/quote';
import { annotationKey, type Annotation, type ArticleText, type Mention } from '../types';

export const BUNDLED_CASE = bundledCase as unknown as CaseFile;

type Response<K extends keyof BackgroundRequests> = BackgroundRequests[K]['response'];

/** Where a message came from: a content script in a web page (with its URL), or one of the extension's own pages. */
export type MessageOrigin = 'page' | 'extension';

interface ActiveCase {
  stored: Pick<StoredCase, 'id' | 'title' | 'active' | 'activeOn'>;
  index: CaseIndex;
}

export class CasefileService {
  private readonly db: CasefileDB;
  /** The active cases' indexes, built once and kept until a case changes. */
  private active: Promise<ActiveCase[]> | null = null;
  private ready: Promise<void> | null = null;
  /** Pages the content script skipped or failed on, for the popup and the CLI. */
  private readonly status = new Map<string, string>();
  /** Article writes in flight (answers do not wait for them; reads do). */
  private writes: Promise<unknown> = Promise.resolve();

  /**
   * `analyser` extracts and recognises pages sent as HTML off their thread; without one
   * (no DOM parser here, no offscreen document) pages extract on their own and send text.
   */
  constructor(db = new CasefileDB(), private readonly analyser: Analyser | null = null) {
    this.db = db;
  }

  /** Seed the bundled case once per service-worker life (and on install/upgrade). */
  ensureSeeded(): Promise<void> {
    this.ready ??= seedBundledCase(this.db, BUNDLED_CASE);
    this.ready.catch(() => { this.ready = null; });
    return this.ready;
  }

  private activeCases(): Promise<ActiveCase[]> {
    this.active ??= (async () => {
      await this.ensureSeeded();
      const cases = await this.db.cases.toArray();
      return cases.filter((c) => c.active).map((c) => ({ stored: { id: c.id, title: c.title, active: c.active, activeOn: c.activeOn }, index: buildCaseIndex(c.file) }));
    })();
    this.active.catch(() => { this.active = null; });
    return this.active;
  }

  private changed(): void {
    this.active = null;
  }

  /**
   * Handle one raw message; malformed or misplaced messages get an error answer and change
   * nothing. `pageUrl` is the URL of the page a content script speaks for.
   */
  async handle(raw: unknown, origin: MessageOrigin = 'extension', pageUrl?: string): Promise<unknown> {
    const message = parseBackgroundMessage(raw);
    if (!message) return { error: 'malformed message' };
    if (origin === 'page') {
      if (!PAGE_MESSAGE_TYPES.has(message.type)) return { error: `${message.type} is not allowed from a web page` };
      const about = message.type === 'get-article' || message.type === 'set-decision' || message.type === 'set-page-text' ? message.url
        : message.type === 'add-to-case' ? message.page.url : message.type === 'check-article' ? message.article.url
        : message.type === 'check-html' ? message.url : null;
      if (about !== null && pageUrl !== undefined && articleKey(about) !== articleKey(pageUrl)) {
        return { error: 'a page may only speak about its own article' };
      }
    }
    return this.dispatch(message);
  }

  /** Resolves when every article write so far has landed (for tests and orderly shutdown). */
  settled(): Promise<unknown> {
    return this.writes;
  }

  private async dispatch(m: BackgroundMessage): Promise<unknown> {
    switch (m.type) {
      case 'check-article': return this.check(m.article);
      case 'check-html': return this.checkHtml(m);
      case 'page-skipped':
        this.status.set(articleKey(m.url), m.reason);
        return { ok: true } satisfies Response<'page-skipped'>;
      case 'set-page-text': {
        await this.writes;
        const url = articleKey(m.url, m.canonical);
        const stored = await this.db.articles.get(url);
        if (!stored || stored.text.length !== m.map.articleLength) return { ok: false } satisfies Response<'set-page-text'>;
        await this.db.articles.update(url, { pageText: m.map });
        return { ok: true } satisfies Response<'set-page-text'>;
      }
      case 'get-article': {
        await this.writes;
        const url = articleKey(m.url, m.canonical);
        const stored = (await this.db.articles.get(url)) ?? null;
        const article = stored ? { ...stored, annotations: await withDecisions(this.db, url, stored.annotations) } : null;
        return { article, status: article ? 'checked' : this.status.get(url) ?? null } satisfies Response<'get-article'>;
      }
      case 'get-case':
        await this.ensureSeeded();
        return { case: await activeCase(this.db) } satisfies Response<'get-case'>;
      case 'list-cases':
        await this.ensureSeeded();
        return { cases: (await this.db.cases.toArray()).map(summary) } satisfies Response<'list-cases'>;
      case 'get-case-file': {
        await this.ensureSeeded();
        const c = await this.db.cases.get(m.id);
        return { case: c?.file ?? null, bundled: c?.bundled ?? false, edits: c?.edits.length ?? 0 } satisfies Response<'get-case-file'>;
      }
      case 'import-case': return this.importCase(m.file, m.activate ?? true);
      case 'import-csv': return this.importCsv(m);
      case 'export-case': {
        await this.ensureSeeded();
        const c = await this.db.cases.get(m.id);
        return c ? { text: serializeCase(c.file), name: `${c.id}.case.json` } : { error: `no such case: ${m.id}` };
      }
      case 'delete-case': {
        const c = await this.db.cases.get(m.id);
        if (!c) return { ok: false, error: `no such case: ${m.id}` };
        if (c.bundled) return { ok: false, error: 'the bundled case cannot be deleted (deactivate it instead)' };
        await this.db.cases.delete(m.id);
        this.changed();
        return { ok: true };
      }
      case 'set-active-cases': return this.setActive(m.ids);
      case 'set-case-sites': {
        await this.ensureSeeded();
        const updated = await this.db.cases.update(m.id, { activeOn: m.sites?.length ? m.sites.map((h) => h.toLowerCase().replace(/^www\./, '')) : null });
        this.changed();
        return updated ? { ok: true } : { ok: false, error: `no such case: ${m.id}` };
      }
      case 'edit-case': {
        const at = new Date().toISOString();
        return this.edit(m.id, m.edit.op === 'put'
          ? { op: 'put', list: m.edit.list, record: m.edit.record as { id: string } & Record<string, unknown>, at }
          : { op: 'remove', list: m.edit.list, id: m.edit.id, at });
      }
      case 'add-to-case': return this.addToCase(m);
      case 'set-decision': {
        const record = await saveDecision(this.db, articleKey(m.url, m.canonical), m.key, m.verdict, m.note);
        return { ok: true, decision: record ? { verdict: record.verdict, note: record.note, at: record.at } : null } satisfies Response<'set-decision'>;
      }
      case 'export-backup':
        await this.ensureSeeded();
        await this.writes;
        return { backup: await exportBackup(this.db) } satisfies Response<'export-backup'>;
      case 'import-backup': {
        this.progress('checking the backup');
        const parsed = parseBackup(m.backup);
        if (!parsed.ok) return parsed;
        this.progress('restoring');
        const counts = await importBackup(this.db, parsed.backup);
        this.changed();
        return { ok: true, counts } satisfies Response<'import-backup'>;
      }
      case 'list-articles': {
        await this.writes;
        const articles = await this.db.articles.orderBy('checkedAt').reverse().toArray();
        return { articles: await Promise.all(articles.map(async (a) => ({ ...a, annotations: await withDecisions(this.db, a.url, a.annotations) }))) } satisfies Response<'list-articles'>;
      }
      case 'import-annotations': return this.importAnnotations(m.collection);
    }
  }

  /**
   * An import with progress: the options page hears each phase while the background parses,
   * validates and stores, and its own thread stays free. Refuses anything but an import.
   */
  async handleImport(raw: unknown, progress: (phase: string) => void): Promise<unknown> {
    const message = parseBackgroundMessage(raw);
    if (!message || (message.type !== 'import-case' && message.type !== 'import-csv' && message.type !== 'import-backup')) return { ok: false, problems: ['not an import'] };
    this.progress = progress;
    try {
      return await this.dispatch(message);
    } finally {
      this.progress = () => undefined;
    }
  }

  private progress: (phase: string) => void = () => undefined;

  /** Validate a whole case file (or its JSON text), then store it in one write: a file with any problem changes nothing. */
  private async importCase(input: unknown, activate: boolean): Promise<Response<'import-case'>> {
    await this.ensureSeeded();
    let file = input;
    if (typeof input === 'string') {
      this.progress(`parsing ${(input.length / 1e6).toFixed(1)} MB`);
      try {
        file = JSON.parse(input);
      } catch (error) {
        return { ok: false, problems: [`$: the file is not JSON (${(error as Error).message})`] };
      }
    }
    const records = ['people', 'organizations', 'places', 'matters', 'events', 'facts', 'sources'].reduce((n, k) => n + (Array.isArray((file as Record<string, unknown>)?.[k]) ? ((file as Record<string, unknown[]>)[k]).length : 0), 0);
    this.progress(`validating ${records.toLocaleString('en')} records`);
    const result = validateCase(file);
    if (!result.ok) return { ok: false, problems: formatProblems(result.problems) };
    const existing = await this.db.cases.get(result.value.id);
    if (existing?.bundled) return { ok: false, problems: [`id: "${result.value.id}" is the bundled case's id; give your case another id`] };
    const record = importedCase(result.value, activate);
    this.progress('storing');
    await this.db.cases.put(record);
    this.changed();
    return { ok: true, case: summary(record) };
  }

  /** CSV rows into a case: a new case made of them, or edits on an existing one — validated whole either way. */
  private async importCsv(m: BackgroundRequests['import-csv']['request']): Promise<Response<'import-csv'>> {
    await this.ensureSeeded();
    const existing = await this.db.cases.get(m.caseId);
    const base: CaseFile = existing?.file ?? {
      format: CASE_FORMAT, version: CASE_FORMAT_VERSION, id: m.caseId, title: m.title || m.caseId,
      people: [], organizations: [], places: [], matters: [], events: [], facts: [], sources: [],
    };
    const firstNew = base[m.kind].length;
    const added = addCsv(base, m.kind, m.text, m.name);
    if ('problems' in added) return { ok: false, problems: added.problems.map((p) => `${p.path}: ${p.message}`) };
    const result = validateCase(added.file);
    if (!result.ok) return { ok: false, problems: result.problems.map((p) => `${csvPath(p.path, m.kind, firstNew, m.name)}: ${p.message}`) };
    if (!existing) {
      const record = importedCase(result.value, true);
      await this.db.cases.put(record);
      this.changed();
      return { ok: true, case: summary(record) };
    }
    const at = new Date().toISOString();
    const result2 = await editCase(this.db, existing.id, (current) => {
      const again = addCsv(current, m.kind, m.text, m.name);
      if ('problems' in again) return [];
      return [
        ...again.file.sources.slice(current.sources.length).map((record) => ({ op: 'put' as const, list: 'sources' as const, record: { ...record }, at })),
        ...(again.file[m.kind] as { id: string }[]).slice(current[m.kind].length).map((record) => ({ op: 'put' as const, list: m.kind, record: { ...record }, at })),
      ];
    }, (next) => validated(next, (path) => csvPath(path, m.kind, firstNew, m.name)));
    if (!result2.ok) return result2;
    this.changed();
    return { ok: true, case: summary(result2.stored) };
  }

  private async edit(id: string, edit: CaseEdit): Promise<Response<'edit-case'>> {
    await this.ensureSeeded();
    const result = await editCase(this.db, id, () => [edit], (next) => validated(next));
    if (!result.ok) return result;
    this.changed();
    return { ok: true, case: summary(result.stored) };
  }

  /** A recognised name into a case, with the page it was read on as its source. */
  private async addToCase(m: BackgroundRequests['add-to-case']['request']): Promise<Response<'add-to-case'>> {
    await this.ensureSeeded();
    const c = await this.db.cases.get(m.caseId);
    if (!c) return { ok: false, problems: [`no such case: ${m.caseId}`] };
    const at = new Date().toISOString();
    const url = articleKey(m.page.url, m.page.canonical);
    const list = m.kind === 'person' ? 'people' : m.kind === 'organization' ? 'organizations' : 'places';
    let id = '';
    const result = await editCase(this.db, c.id, (current) => {
      const edits: CaseEdit[] = [];
      let source = current.sources.find((s) => s.url === url);
      if (!source) {
        const host = hostOf(url) || 'page';
        source = {
          id: uniqueId(current, `src_${slug(m.page.site ?? host)}_${slug(m.page.title).slice(0, 24)}`),
          publisher: m.page.site || host, title: m.page.title || url, url,
          ...(m.page.published ? { published: m.page.published } : {}),
        };
        edits.push({ op: 'put', list: 'sources', record: { ...source }, at });
      }
      id = uniqueId(current, slug(m.name));
      edits.push({ op: 'put', list, record: { id, name: m.name.trim(), sources: [source.id] }, at });
      return edits;
    }, (next) => validated(next));
    if (!result.ok) return result;
    this.changed();
    return { ok: true, case: summary(result.stored), id };
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
    this.changed();
    return missing.length ? { ok: false, error: `no such case: ${missing.join(', ')}` } : { ok: true };
  }

  private async importAnnotations(collection: unknown): Promise<Response<'import-annotations'>> {
    const parsed = fromW3C(collection);
    if (!parsed.ok) return parsed;
    await this.db.transaction('rw', this.db.articles, this.db.claims, async () => {
      for (const page of parsed.pages) {
        const url = articleKey(page.url);
        const existing = await this.db.articles.get(url);
        await saveArticle(this.db, {
          url, title: page.title || existing?.title || url, site: existing?.site ?? null, published: page.published ?? existing?.published ?? null,
          checkedAt: existing?.checkedAt ?? new Date().toISOString(), caseId: page.annotations.find((a) => a.caseId)?.caseId ?? null,
          text: existing?.text ?? '', annotations: page.annotations,
        });
      }
    });
    return { ok: true, articles: parsed.pages.length, annotations: parsed.pages.reduce((n, p) => n + p.annotations.length, 0) };
  }

  private async checkHtml(m: BackgroundRequests['check-html']['request']): Promise<Response<'check-html'>> {
    if (!this.analyser) return { unavailable: 'no DOM parser in this browser\'s background' };
    let analysis: PageAnalysis | null;
    try {
      analysis = await this.analyser(m);
    } catch (error) {
      console.warn('Casefile: the page could not be analysed here; it will extract on its own', error);
      return { unavailable: String((error as Error)?.message ?? error) };
    }
    if (!analysis) return { article: null };
    const checked = await this.check(analysis.article, analysis.mentions);
    const { recognise, ...extract } = analysis.timings;
    return { article: analysis.article, segments: analysis.segments, ...checked, timings: { ...checked.timings, recognise, extract } };
  }

  /** Link and check an article's mentions (recognised here unless given), answer, then store it. */
  private async check(article: ArticleText, recognised?: Mention[]): Promise<CheckAnswer> {
    const started = performance.now();
    const mentions = recognised ?? recogniseMentions(article.text, article.published);
    const linking = performance.now();
    const host = hostOf(article.url);
    const cases = (await this.activeCases()).filter((c) => activeOnSite(c.stored, host));
    const url = articleKey(article.url, article.canonical);
    // Reads that need only the URL go out now and are served while the claims are checked.
    const decisionsRead = decisionsOf(this.db, url);
    const previousRead = this.db.articles.get(url);
    for (const read of [decisionsRead, previousRead]) read.catch(() => undefined); // met below, where awaited
    const perCase = cases.map((c) => checkArticle({ ...article, url }, mentions, c.index).map((a) => (a.caseId ? { ...a, caseTitle: c.stored.title } : a)));
    const merged = perCase.length ? mergeCases(perCase) : checkArticle({ ...article, url }, mentions, emptyIndex());
    const [others, decisions, previous] = await Promise.all([otherArticles(this.db, url, merged), decisionsRead, previousRead]);
    for (const a of merged) if (a.claimKey) a.others = others.get(a.claimKey) ?? [];
    const annotations = applyDecisions(merged, decisions);
    const orphans = applyDecisions(orphansOf(previous, article.text, merged), decisions);
    // The page gets its answer now; the article is stored right after (reads wait for it).
    const write = saveArticle(this.db, {
      url, title: article.title, site: article.site, published: article.published, checkedAt: new Date().toISOString(),
      caseId: cases[0]?.stored.id ?? null, text: article.text, annotations: merged, orphans,
    }).then(() => this.status.set(url, 'checked'), (error) => console.error('Casefile: could not store the article', error));
    this.writes = this.writes.then(() => write);
    return {
      annotations,
      orphans,
      caseTitle: cases.map((c) => c.stored.title).join(', '),
      timings: { recognise: recognised ? 0 : linking - started, linkAndCheck: performance.now() - linking },
    };
  }
}

/** Validate a case, with problems as lines (paths optionally mapped, e.g. to CSV lines). */
function validated(file: CaseFile, path: (p: string) => string = (p) => p): { ok: true; value: CaseFile } | { ok: false; problems: string[] } {
  const result = validateCase(file);
  return result.ok ? { ok: true, value: result.value } : { ok: false, problems: result.problems.map((p) => `${path(p.path)}: ${p.message}`) };
}

function summary(c: Pick<StoredCase, 'id' | 'title' | 'bundled' | 'active' | 'activeOn' | 'updatedAt' | 'file'> & { edits?: unknown[] }): CaseSummary {
  const f = c.file;
  return {
    id: c.id, title: c.title, bundled: c.bundled, active: c.active, activeOn: c.activeOn, updatedAt: c.updatedAt, edits: c.edits?.length ?? 0,
    counts: { people: f.people.length, events: f.events.length, facts: f.facts.length, sources: f.sources.length },
  };
}

/**
 * What an earlier visit marked that this text no longer holds: neither checked again under
 * the same key, nor found by its selectors. Kept so the popup can list it.
 */
function orphansOf(previous: StoredArticle | undefined, text: string, current: Annotation[]): Annotation[] {
  if (!previous) return [];
  const keys = new Set(current.map(annotationKey));
  return [...previous.annotations, ...(previous.orphans ?? [])].filter((a) => !keys.has(annotationKey(a)) && anchorAnnotations(text, [a]).orphans.length === 1);
}

const RANK: Record<string, number> = { conflict: 3, consistent: 2, unknown: 1 };

/**
 * One list of annotations from several cases: where two cases mark the same words, the one
 * that says more wins (a conflict over agreement, agreement over a bare name).
 */
function mergeCases(perCase: Annotation[][]): Annotation[] {
  if (perCase.length === 1) return perCase[0];
  const best = new Map<string, Annotation>();
  const score = (x: Annotation) => RANK[x.verdict] * 2 + (x.entity ? 1 : 0);
  for (const list of perCase) {
    for (const a of list) {
      const key = `${a.start}:${a.end}:${a.kind}`;
      const held = best.get(key);
      if (!held || score(a) > score(held)) best.set(key, a);
    }
  }
  return [...best.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

let empty: CaseIndex | null = null;

/** With no case active, names and dates are still shown, linked to nothing. */
function emptyIndex(): CaseIndex {
  empty ??= buildCaseIndex({
    format: CASE_FORMAT, version: CASE_FORMAT_VERSION, id: 'none', title: '', people: [], organizations: [], places: [], matters: [], events: [], facts: [], sources: [],
  });
  return empty;
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 48) || 'record';
}

/** An id not yet used anywhere in the case (ids are unique across the whole file). */
function uniqueId(file: CaseFile, wanted: string): string {
  const used = new Set<string>();
  for (const list of ['people', 'organizations', 'places', 'matters', 'events', 'facts', 'sources'] as const) for (const r of file[list] ?? []) used.add(r.id);
  let id = /^[a-z0-9]/.test(wanted) ? wanted : `x${wanted}`;
  for (let n = 2; used.has(id); n++) id = `${wanted}_${n}`;
  return id;
}

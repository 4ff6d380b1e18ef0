/**
 * Storage operations over the schema: cases (seeding and upgrading the bundled one, imports,
 * edits, activation), checked articles and their claims, the user's decisions, and the
 * backup of everything. Every multi-record change is one transaction: it lands whole or not
 * at all.
 */
import Dexie from 'dexie';
import { applyEdits, type CaseEdit } from '../cases/edits';
import type { CaseFile } from '../cases/format';
import { annotationKey, type Annotation, type OtherArticle } from '../types';
import { siteOf } from '../util/site';
import type { PageTextMap } from '../anchor/page-text';
import { articleSize, type CasefileDB, type ClaimRecord, type DecisionRecord, type SiteUsage, type StoredArticle, type StoredCase } from './schema';

/**
 * Put the bundled case in place on install, and replace its base on upgrade — keeping the
 * user's edits, which are laid on the new base again, and whether it is active.
 */
export async function seedBundledCase(db: CasefileDB, file: CaseFile): Promise<void> {
  await db.transaction('rw', db.cases, async () => {
    const current = await db.cases.get(file.id);
    if (current?.bundled && JSON.stringify(current.base) === JSON.stringify(file)) return;
    const edits = current?.edits ?? [];
    await db.cases.put({
      id: file.id, title: file.title, bundled: true, active: current?.active ?? true, activeOn: current?.activeOn ?? null,
      base: file, edits, file: applyEdits(file, edits), updatedAt: new Date().toISOString(),
    });
  });
}

/** A new stored case from an imported file (not bundled, no edits). */
export function importedCase(file: CaseFile, active: boolean): StoredCase {
  return { id: file.id, title: file.title, bundled: false, active, activeOn: null, base: file, edits: [], file, updatedAt: new Date().toISOString() };
}

/** The first active case (for views that show one case). */
export async function activeCase(db: CasefileDB): Promise<CaseFile | null> {
  const all = await db.cases.toArray();
  return (all.find((c) => c.active) ?? all[0])?.file ?? null;
}

/** Whether a case is used on a site. */
export function activeOnSite(c: Pick<StoredCase, 'active' | 'activeOn'>, host: string): boolean {
  if (!c.active) return false;
  if (!c.activeOn?.length) return true;
  return c.activeOn.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * Add edits to a case in one transaction: the edits are made from the case as it is inside
 * the transaction (so two writers at once both land), the result is validated there, and
 * nothing is written when `validate` finds problems.
 */
export async function editCase(
  db: CasefileDB,
  id: string,
  makeEdits: (current: CaseFile) => CaseEdit[],
  validate: (next: CaseFile) => { ok: true; value: CaseFile } | { ok: false; problems: string[] },
): Promise<{ ok: true; stored: StoredCase } | { ok: false; problems: string[] }> {
  return db.transaction('rw', db.cases, async () => {
    const c = await db.cases.get(id);
    if (!c) return { ok: false as const, problems: [`no such case: ${id}`] };
    const edits = makeEdits(c.file);
    const result = validate(applyEdits(c.file, edits));
    if (!result.ok) return result;
    const stored: StoredCase = { ...c, edits: [...c.edits, ...edits], file: result.value, updatedAt: new Date().toISOString() };
    await db.cases.put(stored);
    return { ok: true as const, stored };
  });
}

/**
 * What one site may keep: its articles, and the characters they hold (text, quotes). Past
 * either, the site's oldest articles are dropped first. A site is a registrable domain
 * (`siteOf`), so neither subdomains nor query strings buy more room.
 */
export const SITE_CAPS = { articles: 200, chars: 5_000_000 } as const;

/** Annotations of earlier visits kept per article (a page that rewrites itself cannot pile them up). */
export const MAX_ORPHANS = 500;

/**
 * Remember a checked article and its claims, replacing what an earlier visit stored (whether
 * the reader stayed on it is kept), then hold its site to `caps`, oldest articles dropped first.
 */
export async function saveArticle(db: CasefileDB, input: StoredArticle, caps: { articles: number; chars: number } = SITE_CAPS): Promise<void> {
  const site = siteOf(input.url);
  await db.transaction('rw', db.articles, db.claims, db.sites, async () => {
    const previous = await db.articles.get(input.url);
    const article: StoredArticle = { ...input, siteKey: site, stayedAt: input.stayedAt ?? previous?.stayedAt ?? null };
    if (article.orphans && article.orphans.length > MAX_ORPHANS) article.orphans = article.orphans.slice(0, MAX_ORPHANS);
    article.size = articleSize(article);
    await db.claims.where('url').equals(article.url).delete();
    await db.articles.put(article);
    await db.claims.bulkPut(claimsOf(article));
    const usage: SiteUsage = (await db.sites.get(site)) ?? { site, articles: 0, chars: 0 };
    if (previous) {
      usage.articles -= 1;
      usage.chars -= previous.size ?? articleSize(previous);
    }
    usage.articles += 1;
    usage.chars += article.size;
    await holdToCaps(db, usage, article.url, caps);
  });
}

/** Drop a site's oldest articles (never `keep`) until it is within `caps`, and store its usage. Inside a transaction on articles, claims and sites. */
async function holdToCaps(db: CasefileDB, usage: SiteUsage, keep: string, caps: { articles: number; chars: number }): Promise<void> {
  const { site } = usage;
  while (usage.articles > caps.articles || usage.chars > caps.chars) {
    const oldest = await db.articles.where('[siteKey+checkedAt]').between([site, Dexie.minKey], [site, Dexie.maxKey]).filter((a) => a.url !== keep).first();
    if (!oldest) break;
    await db.articles.delete(oldest.url);
    await db.claims.where('url').equals(oldest.url).delete();
    usage.articles -= 1;
    usage.chars -= oldest.size ?? articleSize(oldest);
  }
  await db.sites.put(usage);
}

/**
 * Keep the page's text map with the stored article it was made for (counted in its site's
 * share, like the text): 'other-text' when the article stored now is not the text the map
 * was made from (the page changed, or was checked again, meanwhile).
 */
export async function savePageText(db: CasefileDB, url: string, map: PageTextMap, caps: { articles: number; chars: number } = SITE_CAPS): Promise<'saved' | 'not-found' | 'other-text'> {
  return db.transaction('rw', db.articles, db.claims, db.sites, async () => {
    const article = await db.articles.get(url);
    if (!article) return 'not-found';
    if (article.text.length !== map.articleLength) return 'other-text';
    const before = article.size ?? articleSize(article);
    const updated: StoredArticle = { ...article, pageText: map };
    updated.size = articleSize(updated);
    await db.articles.put(updated);
    const site = article.siteKey ?? siteOf(url);
    const usage: SiteUsage = (await db.sites.get(site)) ?? { site, articles: 1, chars: before };
    usage.chars += updated.size - before;
    await holdToCaps(db, usage, url, caps);
    return 'saved';
  });
}

/**
 * The reader stayed on this article (see README, "stayed on"): from now on it may be listed,
 * by site and title, on the cards of other articles that state the same claims.
 */
export async function markStayed(db: CasefileDB, url: string, at = new Date().toISOString()): Promise<boolean> {
  return db.transaction('rw', db.articles, db.claims, async () => {
    const article = await db.articles.get(url);
    if (!article) return false;
    if (!article.stayedAt) await db.articles.update(url, { stayedAt: at });
    await db.claims.where('url').equals(url).modify({ stayed: true });
    return true;
  });
}

/** Count again what some sites hold (after restores and imports, which write many articles at once). */
export async function recountSites(db: CasefileDB, sites: Iterable<string>): Promise<void> {
  for (const site of new Set(sites)) {
    const usage: SiteUsage = { site, articles: 0, chars: 0 };
    await db.articles.where('[siteKey+checkedAt]').between([site, Dexie.minKey], [site, Dexie.maxKey]).each((a) => {
      usage.articles += 1;
      usage.chars += a.size ?? articleSize(a);
    });
    await (usage.articles ? db.sites.put(usage) : db.sites.delete(site));
  }
}

function claimsOf(article: StoredArticle): ClaimRecord[] {
  const claims = article.annotations.filter((a) => a.claimKey && a.verdict !== 'unknown' && a.value);
  const site = article.siteKey ?? siteOf(article.url);
  return claims.map((a) => ({
    id: `${article.url} ${a.claimKey} ${a.start}`, url: article.url, claimKey: a.claimKey!, value: a.value!, verdict: a.verdict, title: article.title, published: article.published,
    site, stayed: !!article.stayedAt,
  }));
}

/**
 * Other articles the reader stayed on that state the same claims, one entry per site and
 * value (the latest published), named by site and title only; one query per distinct claim.
 */
export async function otherArticles(db: CasefileDB, url: string, annotations: Annotation[]): Promise<Map<string, OtherArticle[]>> {
  const keys = [...new Set(annotations.map((a) => a.claimKey).filter((k): k is string => !!k))];
  const out = new Map<string, OtherArticle[]>();
  if (!keys.length) return out;
  const rows = await db.claims.where('claimKey').anyOf(keys).toArray();
  for (const r of rows) {
    if (r.url === url || !r.stayed) continue;
    const list = out.get(r.claimKey) ?? [];
    const site = r.site ?? siteOf(r.url);
    const at = list.findIndex((o) => o.site === site && o.value === r.value);
    const other: OtherArticle = { site, title: r.title, published: r.published, value: r.value, agreesWithCase: r.verdict === 'consistent' };
    if (at < 0) list.push(other);
    else if ((r.published ?? '') > (list[at].published ?? '')) list[at] = other;
    out.set(r.claimKey, list);
  }
  return out;
}

/** Lay the user's stored decisions on a page's annotations. */
export async function withDecisions(db: CasefileDB, url: string, annotations: Annotation[]): Promise<Annotation[]> {
  return applyDecisions(annotations, await decisionsOf(db, url));
}

/** The user's decisions on one article, by annotation key (read once, laid on several lists). */
export async function decisionsOf(db: CasefileDB, url: string): Promise<Map<string, DecisionRecord>> {
  return new Map((await db.decisions.where('url').equals(url).toArray()).map((r) => [r.key, r]));
}

/** Lay decisions (from `decisionsOf`) on annotations. */
export function applyDecisions(annotations: Annotation[], decisions: Map<string, DecisionRecord>): Annotation[] {
  if (!decisions.size) return annotations;
  return annotations.map((a) => {
    const d = decisions.get(annotationKey(a));
    return d ? { ...a, decision: { verdict: d.verdict, note: d.note, at: d.at } } : a;
  });
}

/** Store (or clear, with verdict null and no note) what the user said of an annotation. */
export async function saveDecision(db: CasefileDB, url: string, key: string, verdict: DecisionRecord['verdict'], note: string): Promise<DecisionRecord | null> {
  const id = `${url} ${key}`;
  if (!verdict && !note.trim()) {
    await db.decisions.delete(id);
    return null;
  }
  const record: DecisionRecord = { id, url, key, verdict, note: note.trim(), at: new Date().toISOString() };
  await db.decisions.put(record);
  return record;
}

export const BACKUP_FORMAT = 'casefile/backup';
export const BACKUP_VERSION = 1;

/** Everything the user has: cases (with their edits), articles with annotations, decisions. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  cases: StoredCase[];
  articles: StoredArticle[];
  decisions: DecisionRecord[];
}

export async function exportBackup(db: CasefileDB): Promise<Backup> {
  return db.transaction('r', db.cases, db.articles, db.decisions, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    cases: await db.cases.toArray(),
    articles: await db.articles.toArray(),
    decisions: await db.decisions.toArray(),
  }));
}

/**
 * Load a backup (already validated) into the database in one transaction: records are added
 * or replaced by key, nothing else is removed; a failure part-way leaves everything as it was.
 */
export async function importBackup(db: CasefileDB, backup: Backup): Promise<{ cases: number; articles: number; decisions: number }> {
  await db.transaction('rw', [db.cases, db.articles, db.claims, db.decisions, db.sites], async () => {
    await db.cases.bulkPut(backup.cases);
    const articles = backup.articles.map((a) => ({ ...a, siteKey: siteOf(a.url), size: articleSize(a), stayedAt: a.stayedAt ?? null }));
    await db.articles.bulkPut(articles);
    for (const a of articles) {
      await db.claims.where('url').equals(a.url).delete();
      await db.claims.bulkPut(claimsOf(a));
    }
    await db.decisions.bulkPut(backup.decisions);
    await recountSites(db, articles.map((a) => a.siteKey));
  });
  return { cases: backup.cases.length, articles: backup.articles.length, decisions: backup.decisions.length };
}

export { normaliseUrl as articleKey } from '../util/url';

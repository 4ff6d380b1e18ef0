/**
 * Storage operations over the schema: cases (seeding and upgrading the bundled one, imports,
 * edits, activation), checked articles and their claims, the user's decisions, and the
 * backup of everything. Every multi-record change is one transaction: it lands whole or not
 * at all.
 */
import { applyEdits, type CaseEdit } from '../cases/edits';
import type { CaseFile } from '../cases/format';
import type { StoredArticle } from '../messaging/protocol';
import { annotationKey, type Annotation, type OtherArticle } from '../types';
import type { CasefileDB, ClaimRecord, DecisionRecord, StoredCase } from './schema';

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

/** Remember a checked article and its claims, replacing what an earlier visit stored. */
export async function saveArticle(db: CasefileDB, article: StoredArticle): Promise<void> {
  await db.transaction('rw', db.articles, db.claims, async () => {
    await db.claims.where('url').equals(article.url).delete();
    await db.articles.put(article);
    await db.claims.bulkPut(claimsOf(article));
  });
}

function claimsOf(article: StoredArticle): ClaimRecord[] {
  const claims = article.annotations.filter((a) => a.claimKey && a.verdict !== 'unknown' && a.value);
  return claims.map((a) => ({
    id: `${article.url} ${a.claimKey} ${a.start}`, url: article.url, claimKey: a.claimKey!, value: a.value!, verdict: a.verdict, title: article.title, published: article.published,
  }));
}

/** Other articles already read that state the same claims, one query per distinct claim. */
export async function otherArticles(db: CasefileDB, url: string, annotations: Annotation[]): Promise<Map<string, OtherArticle[]>> {
  const keys = [...new Set(annotations.map((a) => a.claimKey).filter((k): k is string => !!k))];
  const out = new Map<string, OtherArticle[]>();
  if (!keys.length) return out;
  const rows = await db.claims.where('claimKey').anyOf(keys).toArray();
  for (const r of rows) {
    if (r.url === url) continue;
    const list = out.get(r.claimKey) ?? [];
    if (!list.some((o) => o.url === r.url && o.value === r.value)) {
      list.push({ url: r.url, title: r.title, published: r.published, value: r.value, agreesWithCase: r.verdict === 'consistent' });
    }
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
  await db.transaction('rw', db.cases, db.articles, db.claims, db.decisions, async () => {
    await db.cases.bulkPut(backup.cases);
    await db.articles.bulkPut(backup.articles);
    for (const a of backup.articles) {
      await db.claims.where('url').equals(a.url).delete();
      await db.claims.bulkPut(claimsOf(a));
    }
    await db.decisions.bulkPut(backup.decisions);
  });
  return { cases: backup.cases.length, articles: backup.articles.length, decisions: backup.decisions.length };
}

export { normaliseUrl as articleKey } from '../util/url';

/**
 * Storage operations over the schema: seeding the bundled case, remembering checked
 * articles and their claims, and finding what other articles said about the same claim.
 */
import type { CaseFile } from '../cases/format';
import type { StoredArticle } from '../messaging/protocol';
import type { Annotation, OtherArticle } from '../types';
import type { CasefileDB } from './schema';

/** Put the bundled case in place (on install, on upgrade, or when missing). */
export async function seedBundledCase(db: CasefileDB, file: CaseFile): Promise<void> {
  const current = await db.cases.get(file.id);
  if (current && current.bundled && current.file.updated === file.updated && JSON.stringify(current.file) === JSON.stringify(file)) return;
  await db.cases.put({ id: file.id, title: file.title, bundled: true, active: current?.active ?? true, file, updatedAt: new Date().toISOString() });
}

/** The active case (the first, for now: several active cases come with case management). */
export async function activeCase(db: CasefileDB): Promise<CaseFile | null> {
  const all = await db.cases.toArray();
  return (all.find((c) => c.active) ?? all[0])?.file ?? null;
}

/** Remember a checked article and its claims, replacing what an earlier visit stored. */
export async function saveArticle(db: CasefileDB, article: StoredArticle): Promise<void> {
  await db.transaction('rw', db.articles, db.claims, async () => {
    await db.claims.where('url').equals(article.url).delete();
    await db.articles.put(article);
    const claims = article.annotations.filter((a) => a.claimKey && a.verdict !== 'unknown' && a.value);
    await db.claims.bulkPut(claims.map((a) => ({
      id: `${article.url} ${a.claimKey} ${a.start}`, url: article.url, claimKey: a.claimKey!, value: a.value!, verdict: a.verdict, title: article.title, published: article.published,
    })));
  });
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

/** Drop the fragment of a URL: the same article read at two anchors is one article. */
export function articleKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

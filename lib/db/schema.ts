/**
 * The one database schema, in the extension's origin (background and extension pages only;
 * a content script never opens it, since there it would be the page's database). Versioned:
 * every change of shape is a new `version()` with its upgrade, never an edit of an old one.
 *
 * v1 (0.1.0): cases {id, title, bundled, active, file, updatedAt}, articles, claims.
 * v2: cases keep the file as shipped or imported (`base`) and the user's `edits` apart, with
 *     `file` the two combined; `activeOn` limits a case to some sites; `decisions` holds what
 *     the user said of a claim (the checker is wrong, confirmed, a note).
 * v3: articles and claims know their site (registrable domain) and whether the reader stayed
 *     on the article; `sites` keeps each site's stored articles and characters, so one site's
 *     share is capped without reading its articles. Articles stored before v3 count as not
 *     stayed on: they are kept and exported, never listed on another article's card.
 *
 * The row types live here, next to the tables that hold them; messages and views import them
 * from here, and this module imports nothing of the messaging layer.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PageTextMap } from '../anchor/page-text';
import type { CaseEdit } from '../cases/edits';
import type { CaseFile } from '../cases/format';
import type { Annotation } from '../types';
import { siteOf } from '../util/site';

/** A checked article, as stored under its key (see `normaliseUrl`). */
export interface StoredArticle {
  url: string;
  title: string;
  /** The publisher's name as the page gives it (og:site_name), for people to read. */
  site: string | null;
  published: string | null;
  checkedAt: string;
  caseId: string | null;
  /** The extracted article text the annotations' offsets index (for re-anchoring and export). */
  text: string;
  annotations: Annotation[];
  /** Annotations of an earlier visit whose words are gone from the page (kept, listed, never re-attached elsewhere). */
  orphans?: Annotation[];
  /** The site the URL belongs to (`siteOf`): what it may store is capped per site. */
  siteKey?: string;
  /** Characters this row holds (text, quotes, notes), for the per-site cap. */
  size?: number;
  /** When the reader had stayed on the article long enough for it to count as read (see README); null until then. */
  stayedAt?: string | null;
  /** Where the article's characters sit in the page's own text (for W3C selectors other clients can use); sent by the page after drawing. */
  pageText?: PageTextMap;
}

export interface StoredCase {
  id: string;
  title: string;
  /** True for the case shipped with the extension (its base is replaced on upgrade). */
  bundled: boolean;
  active: boolean;
  /** Sites (host names) the case is used on; null for every site. */
  activeOn: string[] | null;
  /** The case as shipped or imported. */
  base: CaseFile;
  /** The user's edits, in order, applied on `base`. */
  edits: CaseEdit[];
  /** `base` with `edits` applied: what is checked against and exported. */
  file: CaseFile;
  updatedAt: string;
}

export interface ClaimRecord {
  /** `${url} ${claimKey} ${start}` */
  id: string;
  url: string;
  claimKey: string;
  value: string;
  verdict: string;
  title: string;
  published: string | null;
  /** The article's site (`siteOf`): other articles are counted by site, not by URL. */
  site?: string;
  /** Whether the reader stayed on the article: only those are shown on other articles' cards. */
  stayed?: boolean;
}

/** What one site holds: its stored articles and their characters (see `SITE_CAPS`). */
export interface SiteUsage {
  site: string;
  articles: number;
  chars: number;
}

/** What the user said of one annotation; survives re-checking (keyed by what it marks, not by position). */
export interface DecisionRecord {
  /** `${url} ${key}` */
  id: string;
  url: string;
  /** The annotation's stable key (see `annotationKey`). */
  key: string;
  /** "wrong": the checker is mistaken here; "confirmed": the flag is right; null: a note only. */
  verdict: 'wrong' | 'confirmed' | null;
  note: string;
  at: string;
}

export class CasefileDB extends Dexie {
  cases!: EntityTable<StoredCase, 'id'>;
  articles!: EntityTable<StoredArticle, 'url'>;
  claims!: EntityTable<ClaimRecord, 'id'>;
  decisions!: EntityTable<DecisionRecord, 'id'>;
  sites!: EntityTable<SiteUsage, 'site'>;

  constructor(name = 'casefile') {
    super(name);
    this.version(1).stores({
      cases: 'id, active',
      articles: 'url, checkedAt, published',
      claims: 'id, url, claimKey',
    });
    this.version(2)
      .stores({
        cases: 'id, active',
        articles: 'url, checkedAt, published',
        claims: 'id, url, claimKey',
        decisions: 'id, url',
      })
      .upgrade((tx) =>
        tx.table('cases').toCollection().modify((c: Partial<StoredCase> & { file: CaseFile }) => {
          c.base = c.file;
          c.edits = [];
          c.activeOn = null;
        }),
      );
    this.version(3)
      .stores({
        cases: 'id, active',
        articles: 'url, checkedAt, published, [siteKey+checkedAt]',
        claims: 'id, url, claimKey',
        decisions: 'id, url',
        sites: 'site',
      })
      .upgrade(async (tx) => {
        const usage = new Map<string, SiteUsage>();
        await tx.table('articles').toCollection().modify((a: StoredArticle) => {
          a.siteKey = siteOf(a.url);
          a.size = articleSize(a);
          a.stayedAt = null;
          const u = usage.get(a.siteKey) ?? { site: a.siteKey, articles: 0, chars: 0 };
          u.articles += 1;
          u.chars += a.size;
          usage.set(a.siteKey, u);
        });
        await tx.table('claims').toCollection().modify((c: ClaimRecord) => {
          c.site = siteOf(c.url);
          c.stayed = false;
        });
        await tx.table('sites').bulkPut([...usage.values()]);
      });
  }
}

/** The characters an article row holds: its text and what its annotations quote and note. */
export function articleSize(a: Pick<StoredArticle, 'url' | 'title' | 'text' | 'annotations' | 'orphans' | 'pageText'>): number {
  // A page-text map: its excerpt of the page, and its numbers (a few digits each).
  let n = a.url.length + a.title.length + a.text.length + (a.pageText ? (a.pageText.excerpt?.text.length ?? 0) + 4 * a.pageText.segments.length : 0);
  for (const x of [...a.annotations, ...(a.orphans ?? [])]) {
    n += 64 + x.exact.length + x.prefix.length + x.suffix.length + (x.explanation?.length ?? 0) + (x.claim?.length ?? 0);
    for (const s of x.sources) n += s.title.length + s.url.length + s.publisher.length;
    for (const o of x.others) n += o.title.length + o.site.length;
  }
  return n;
}

/**
 * The one database schema, in the extension's origin (background and extension pages only;
 * a content script never opens it, since there it would be the page's database). Versioned:
 * every change of shape is a new `version()` with its upgrade, never an edit of an old one.
 *
 * v1 (0.1.0): cases {id, title, bundled, active, file, updatedAt}, articles, claims.
 * v2: cases keep the file as shipped or imported (`base`) and the user's `edits` apart, with
 *     `file` the two combined; `activeOn` limits a case to some sites; `decisions` holds what
 *     the user said of a claim (the checker is wrong, confirmed, a note).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseEdit } from '../cases/edits';
import type { CaseFile } from '../cases/format';
import type { StoredArticle } from '../messaging/protocol';

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
  }
}

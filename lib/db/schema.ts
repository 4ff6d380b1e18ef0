/**
 * The one database schema, in the extension's origin (background and extension pages only;
 * a content script never opens it, since there it would be the page's database). Versioned:
 * every change of shape is a new `version()` with its upgrade, never an edit of an old one.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseFile } from '../cases/format';
import type { StoredArticle } from '../messaging/protocol';

export interface StoredCase {
  id: string;
  title: string;
  /** True for the case shipped with the extension (refreshed on upgrade). */
  bundled: boolean;
  active: boolean;
  /** The case file as imported: exported back unchanged. */
  file: CaseFile;
  updatedAt: string;
}

export interface ClaimRecord {
  /** `${url} ${claimKey}` */
  id: string;
  url: string;
  claimKey: string;
  value: string;
  verdict: string;
  title: string;
  published: string | null;
}

export class CasefileDB extends Dexie {
  cases!: EntityTable<StoredCase, 'id'>;
  articles!: EntityTable<StoredArticle, 'url'>;
  claims!: EntityTable<ClaimRecord, 'id'>;

  constructor(name = 'casefile') {
    super(name);
    this.version(1).stores({
      cases: 'id, active',
      articles: 'url, checkedAt, published',
      claims: 'id, url, claimKey',
    });
  }
}

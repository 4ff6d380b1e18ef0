/**
 * What the background's handlers share (the service implements it): the database, the active
 * cases ready to check against, the stored cases' health, article writes in flight, the
 * analyser. Its own module, so the message table's types do not depend on the service's.
 */
import type { CaseFile } from '../cases/format';
import type { CasefileDB, StoredCase } from '../db/schema';
import type { CaseIndex } from '../link/case-index';
import type { Analyser } from './analyser';

/** An active case, ready to check against. */
export interface ActiveCase {
  stored: Pick<StoredCase, 'id' | 'title' | 'active' | 'activeOn'>;
  index: CaseIndex;
}

export interface ServiceContext {
  readonly db: CasefileDB;
  /** The bundled case's id: the one case that cannot be deleted, and the only one a backup may mark bundled. */
  readonly bundledId: string;
  readonly analyser: Analyser | null;
  /** Pages the content script skipped or failed on, by article key. */
  readonly status: Map<string, string>;
  /** Article writes in flight (answers do not wait for them; reads do). */
  writes: Promise<unknown>;
  ensureSeeded(): Promise<void>;
  /** The active cases that can be checked against; a broken one is reported and left out. */
  activeCases(): Promise<ActiveCase[]>;
  /** A stored case's file as validated (optional lists filled), or null when it is broken. */
  usable(c: StoredCase): CaseFile | null;
  /** A stored case's problems (none when it can be used). */
  problemsOf(c: StoredCase): string[];
  /** Something about the cases changed: indexes are built again when next needed. */
  changed(): void;
}

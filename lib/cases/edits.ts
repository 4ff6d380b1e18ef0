/**
 * A user's changes to a case, kept apart from the case as shipped or imported: each edit
 * puts or removes one record. The case in use is the base with the edits applied, so the
 * bundled case can be replaced on upgrade and the user's corrections laid on it again.
 */
import type { CaseFile } from './format';

export type CaseList = 'people' | 'organizations' | 'places' | 'matters' | 'events' | 'facts' | 'sources';
export const CASE_LISTS: readonly CaseList[] = ['people', 'organizations', 'places', 'matters', 'events', 'facts', 'sources'];

export type CaseEdit =
  /** `from`: the article a name was added from on its card ("Add to case…"), so the popup can list and undo it. */
  | { op: 'put'; list: CaseList; record: { id: string } & Record<string, unknown>; at: string; from?: string }
  | { op: 'remove'; list: CaseList; id: string; at: string };

/** The case with edits applied in order (a put replaces the record with its id, or adds it). */
export function applyEdits(base: CaseFile, edits: readonly CaseEdit[]): CaseFile {
  if (!edits.length) return base;
  const out = { ...base } as unknown as Record<CaseList, { id: string }[]>;
  for (const list of CASE_LISTS) out[list] = [...((base[list] as { id: string }[] | undefined) ?? [])];
  for (const e of edits) {
    const records = out[e.list];
    const id = e.op === 'put' ? e.record.id : e.id;
    const at = records.findIndex((r) => r.id === id);
    if (e.op === 'remove') {
      if (at >= 0) records.splice(at, 1);
    } else if (at >= 0) records[at] = e.record;
    else records.push(e.record);
  }
  return out as unknown as CaseFile;
}

/**
 * Checking a backup before anything of it is stored: its format and version, every case
 * file valid under the case format, every article and decision of the right shape. A backup
 * with any problem is refused whole, with every problem named.
 */
import { applyEdits } from '../cases/edits';
import { formatProblems, validateCase } from '../cases/validate';
import type { StoredArticle } from '../messaging/protocol';
import type { DecisionRecord, StoredCase } from './schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './store';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function parseBackup(input: unknown): { ok: true; backup: Backup } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(input)) return { ok: false, problems: ['$: not a Casefile backup (expected a JSON object)'] };
  if (input.format !== BACKUP_FORMAT) problems.push(`format: ${JSON.stringify(input.format)} is not "${BACKUP_FORMAT}"`);
  if (input.version !== BACKUP_VERSION) problems.push(`version: ${JSON.stringify(input.version)} is not a version this Casefile reads (expected ${BACKUP_VERSION})`);
  for (const list of ['cases', 'articles', 'decisions'] as const) if (!Array.isArray(input[list])) problems.push(`${list}: not a list`);
  if (problems.length) return { ok: false, problems };

  const cases = input.cases as unknown[];
  cases.forEach((c, i) => {
    const p = `cases[${i}]`;
    if (!isObject(c)) return problems.push(`${p}: not an object`);
    if (typeof c.id !== 'string' || typeof c.title !== 'string' || typeof c.bundled !== 'boolean' || typeof c.active !== 'boolean') problems.push(`${p}: id, title, bundled and active are required`);
    if (!(c.activeOn === null || (Array.isArray(c.activeOn) && c.activeOn.every((h) => typeof h === 'string')))) problems.push(`${p}.activeOn: not a list of sites or null`);
    if (!Array.isArray(c.edits)) problems.push(`${p}.edits: not a list`);
    const base = validateCase(c.base);
    if (!base.ok) problems.push(...formatProblems(base.problems).map((m) => `${p}.base.${m}`));
    else if (Array.isArray(c.edits)) {
      const file = validateCase(applyEdits(base.value, c.edits as never));
      if (!file.ok) problems.push(...formatProblems(file.problems).map((m) => `${p} (with its edits).${m}`));
      else c.file = file.value;
    }
  });
  (input.articles as unknown[]).forEach((a, i) => {
    const p = `articles[${i}]`;
    if (!isObject(a)) return problems.push(`${p}: not an object`);
    if (typeof a.url !== 'string' || !/^https?:\/\//.test(a.url)) problems.push(`${p}.url: not an http(s) URL`);
    if (typeof a.text !== 'string' || typeof a.title !== 'string' || typeof a.checkedAt !== 'string') problems.push(`${p}: text, title and checkedAt are required`);
    if (!Array.isArray(a.annotations)) return problems.push(`${p}.annotations: not a list`);
    a.annotations.forEach((n, j) => {
      if (!isObject(n) || typeof n.start !== 'number' || typeof n.end !== 'number' || typeof n.exact !== 'string' || typeof n.kind !== 'string') {
        problems.push(`${p}.annotations[${j}]: start, end, exact and kind are required`);
      }
    });
  });
  (input.decisions as unknown[]).forEach((d, i) => {
    if (!isObject(d) || typeof d.id !== 'string' || typeof d.url !== 'string' || typeof d.key !== 'string' || typeof d.note !== 'string'
      || !(d.verdict === null || d.verdict === 'wrong' || d.verdict === 'confirmed')) problems.push(`decisions[${i}]: id, url, key, verdict and note are required`);
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: String(input.exportedAt ?? ''),
      cases: cases as StoredCase[], articles: input.articles as StoredArticle[], decisions: input.decisions as DecisionRecord[],
    },
  };
}

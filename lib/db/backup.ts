/**
 * Checking a backup before anything of it is stored, record by record with paths, as case
 * files are: its format and version; every case (a valid case file, edits of the right
 * shape that leave it valid, ids unique, only the bundled case's id may be bundled); every
 * article and its annotations and orphans; every decision. A backup with any problem is
 * refused whole, with every problem named.
 */
import { applyEdits, type CaseEdit } from '../cases/edits';
import { formatProblems, validateCase } from '../cases/validate';
import { normaliseUrl } from '../util/url';
import { boolean, httpUrl, INVALID, list, nullable, nullish, object, optional, show, text, where } from '../util/shapes';
import type { DecisionRecord, StoredArticle, StoredCase } from './schema';
import { annotation, caseEdit, decisionRecord, MAX_ANNOTATIONS, pageTextMap } from './shapes';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_ORPHANS, type Backup } from './store';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const site = where(text(253), (h) => (/^[a-z0-9.-]+$/i.test(h) ? null : `"${h}" is not a host name`));

const caseRow = object({
  id: text(64, { nonEmpty: true }),
  title: text(1000),
  bundled: boolean,
  active: boolean,
  activeOn: nullable(list(site, 200)),
  edits: list(caseEdit, 100_000),
  updatedAt: text(40),
});

const articleRow = object({
  url: httpUrl(10_000),
  title: text(2000),
  site: nullable(text(1000)),
  published: nullable(text(40)),
  checkedAt: text(40),
  caseId: nullable(text(200)),
  text: text(2_000_000),
  annotations: list(annotation, MAX_ANNOTATIONS),
  orphans: nullish(list(annotation, MAX_ORPHANS)),
  stayedAt: nullish(text(40)),
  pageText: optional(pageTextMap),
});

/** Read a backup: the records to store, or every problem with its path. `bundledId` is the one case id that may be marked bundled. */
export function parseBackup(input: unknown, bundledId = 'rust-shooting'): { ok: true; backup: Backup } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(input)) return { ok: false, problems: [`$: ${show(input)} is not a Casefile backup (expected a JSON object)`] };
  if (input.format !== BACKUP_FORMAT) problems.push(`format: ${show(input.format)} is not "${BACKUP_FORMAT}"`);
  if (input.version !== BACKUP_VERSION) problems.push(`version: ${show(input.version)} is not a version this Casefile reads (expected ${BACKUP_VERSION})`);
  for (const l of ['cases', 'articles', 'decisions'] as const) if (!Array.isArray(input[l])) problems.push(`${l}: ${show(input[l])} is not a list`);
  if (problems.length) return { ok: false, problems };

  const cases: StoredCase[] = [];
  const caseIds = new Map<string, number>();
  (input.cases as unknown[]).forEach((raw, i) => {
    const p = `cases[${i}]`;
    const row = caseRow(raw, p, problems);
    if (row === INVALID) return;
    if (caseIds.has(row.id)) problems.push(`${p}.id: "${row.id}" is also the id of cases[${caseIds.get(row.id)}] (each case once)`);
    else caseIds.set(row.id, i);
    if (row.bundled && row.id !== bundledId) problems.push(`${p}.bundled: only the case shipped with Casefile ("${bundledId}") is bundled`);
    const base = validateCase((raw as Record<string, unknown>).base);
    if (!base.ok) return void problems.push(...formatProblems(base.problems).map((m) => `${p}.base.${m}`));
    const edits = row.edits as CaseEdit[];
    const file = validateCase(applyEdits(base.value, edits));
    if (!file.ok) return void problems.push(...formatProblems(file.problems).map((m) => `${p} (with its edits).${m}`));
    if (file.value.id !== row.id) problems.push(`${p}.base.id: "${file.value.id}" is not the case's id "${row.id}"`);
    cases.push({ ...row, base: base.value, edits, file: file.value });
  });

  const articles: StoredArticle[] = [];
  const urls = new Map<string, number>();
  (input.articles as unknown[]).forEach((raw, i) => {
    const p = `articles[${i}]`;
    const row = articleRow(raw, p, problems);
    if (row === INVALID) return;
    const url = normaliseUrl(row.url);
    if (urls.has(url)) problems.push(`${p}.url: "${url}" is also the address of articles[${urls.get(url)}] (each article once)`);
    else urls.set(url, i);
    articles.push({ ...row, url } as StoredArticle);
  });

  const decisions = (input.decisions as unknown[]).map((raw, i) => decisionRecord(raw, `decisions[${i}]`, problems)).filter((d): d is DecisionRecord => d !== INVALID);

  if (problems.length) return { ok: false, problems };
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: String(input.exportedAt ?? ''), cases, articles, decisions } };
}

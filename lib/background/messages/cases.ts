/**
 * Cases: listing, importing (case files and CSV), editing, activating and exporting them —
 * the extension's own pages only — and, from a claim card the reader opened, adding a name
 * to a case used on that page's site, which the popup lists and can undo. A stored case that
 * is broken is listed with its problems and can be deleted; it never breaks the others.
 */
import { CASE_LISTS, type CaseEdit, type CaseList } from '../../cases/edits';
import { CASE_FORMAT, CASE_FORMAT_VERSION, type CaseFile } from '../../cases/format';
import { readCaseText, readCsvInto } from '../../cases/read';
import { serializeCase } from '../../cases/serialize';
import { formatProblems, validateCase } from '../../cases/validate';
import type { StoredCase } from '../../db/schema';
import { activeOnSite, articleKey, editCase, importedCase } from '../../db/store';
import { pageUrl } from '../../messaging/requests';
import { fail, ok, type Result } from '../../messaging/result';
import { route } from '../../messaging/router';
import { boolean, day, either, line, list, nullable, object, oneOf, optional, orNothing, record, text, where, type Shape } from '../../util/shapes';
import { hostOf } from '../../util/url';
import type { ServiceContext } from '../context';

/** A case as lists show it, without its records. */
export interface CaseSummary {
  id: string;
  title: string;
  bundled: boolean;
  active: boolean;
  /** Sites the case is limited to; null for all. */
  activeOn: string[] | null;
  updatedAt: string;
  /** How many edits the user made to it. */
  edits: number;
  counts: { people: number; events: number; facts: number; sources: number };
  /** Why a stored case cannot be used (it is skipped when checking); absent when it is sound. */
  problems?: string[];
}

/** A name added to a case from a page's card, still in the case. */
export interface Addition {
  caseId: string;
  caseTitle: string;
  list: CaseList;
  id: string;
  name: string;
  at: string;
}

const caseId = text(64, { nonEmpty: true });
const caseList = oneOf(...CASE_LISTS);
const site = where(text(253), (h) => (/^[a-z0-9.-]+$/i.test(h) ? null : `"${h}" is not a host name`));
/** A case file: its JSON text (parsed here, where the page's thread is not held) or the parsed value. */
const caseInput: Shape<unknown> = either(text(200_000_000), record());

export const CASES = {
  /** The case the popup shows: the first active one that can be used. */
  'get-case': route(object({}), {
    from: 'extension',
    handle: async (_m, s: ServiceContext) => {
      await s.ensureSeeded();
      const all = await s.db.cases.toArray();
      const usable = [...all.filter((c) => c.active), ...all.filter((c) => !c.active)].map((c) => s.usable(c)).find((f) => f);
      return ok({ case: usable ?? null });
    },
  }),
  'list-cases': route(object({}), {
    from: 'extension',
    handle: async (_m, s: ServiceContext) => {
      await s.ensureSeeded();
      // Only the case shipped with Casefile counts as bundled (a backup could claim it for another).
      return ok({ cases: (await s.db.cases.toArray()).map((c) => ({ ...summary(c, s.problemsOf(c)), bundled: !!c.bundled && c.id === s.bundledId })) });
    },
  }),
  /** The cases a name on this page can be added to: those in use on its site (id and title only). */
  'cases-for-page': route(object({ url: pageUrl }), {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => ok({ cases: (await casesOnSite(s, m.url)).map((c) => ({ id: c.id, title: c.title })) }),
  }),
  'get-case-file': route(object({ id: caseId }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      await s.ensureSeeded();
      const c = await s.db.cases.get(m.id);
      return ok({ case: c ? s.usable(c) ?? null : null, bundled: c?.bundled ?? false, edits: c?.edits?.length ?? 0, problems: c ? s.problemsOf(c) : [] });
    },
  }),
  /** Validate a whole case file (or its JSON text), then store it in one write: a file with any problem changes nothing. */
  'import-case': route(object({ file: caseInput, activate: optional(boolean) }), {
    from: 'extension',
    handle: async (m, s: ServiceContext, io) => {
      await s.ensureSeeded();
      if (typeof m.file === 'string') io.progress(`parsing and validating ${(m.file.length / 1e6).toFixed(1)} MB`);
      const read = typeof m.file === 'string' ? readCaseText(m.file) : validated(m.file);
      if (!read.ok) return fail('invalid', 'the case file was not imported (nothing was changed)', read.problems);
      const existing = await s.db.cases.get(read.value.id);
      if (existing?.bundled) return fail('invalid', 'the case file was not imported (nothing was changed)', [`id: "${read.value.id}" is the bundled case's id; give your case another id`]);
      const stored = importedCase(read.value, m.activate ?? true);
      io.progress('storing');
      await s.db.cases.put(stored);
      s.changed();
      return ok({ case: summary(stored) });
    },
  }),
  /** Rows of a people or events CSV, into an existing case (as edits) or a new one — validated whole either way. */
  'import-csv': route(object({ caseId, title: optional(line(1000)), kind: oneOf('people', 'events'), text: text(200_000_000), name: optional(line(200)) }), {
    from: 'extension',
    handle: async (m, s: ServiceContext, io) => {
      await s.ensureSeeded();
      io.progress('reading the rows');
      const existing = await s.db.cases.get(m.caseId);
      const refused = (problems: string[]) => fail('invalid', `${m.name ?? 'the table'} was not imported (nothing was changed)`, problems);
      if (!existing) {
        const empty: CaseFile = {
          format: CASE_FORMAT, version: CASE_FORMAT_VERSION, id: m.caseId, title: m.title || m.caseId,
          people: [], organizations: [], places: [], matters: [], events: [], facts: [], sources: [],
        };
        const read = readCsvInto(empty, m.kind, m.text, m.name);
        if (!read.ok) return refused(read.problems);
        const stored = importedCase(read.value.file, true);
        await s.db.cases.put(stored);
        s.changed();
        return ok({ case: summary(stored) });
      }
      const current = s.usable(existing);
      if (!current) return refused([`${m.caseId}: the stored case is broken; delete or restore it first`, ...s.problemsOf(existing)]);
      const first = readCsvInto(current, m.kind, m.text, m.name);
      if (!first.ok) return refused(first.problems);
      const at = new Date().toISOString();
      const result = await editCase(s.db, existing.id, (now) => {
        const again = readCsvInto(now, m.kind, m.text, m.name);
        if (!again.ok) return [];
        return [
          ...again.value.file.sources.slice(now.sources.length).map((r) => ({ op: 'put' as const, list: 'sources' as const, record: { ...r }, at })),
          ...(again.value.file[m.kind] as { id: string }[]).slice(now[m.kind].length).map((r) => ({ op: 'put' as const, list: m.kind, record: { ...r }, at })),
        ];
      }, (next) => validated(next));
      if (!result.ok) return refused(result.problems);
      s.changed();
      return ok({ case: summary(result.stored) });
    },
  }),
  'export-case': route(object({ id: caseId }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      await s.ensureSeeded();
      const c = await s.db.cases.get(m.id);
      if (!c) return fail('not-found', `no such case: ${m.id}`);
      const file = s.usable(c);
      return file ? ok({ text: serializeCase(file), name: `${c.id}.case.json` }) : fail('invalid', `the stored case "${m.id}" is broken and cannot be exported`, s.problemsOf(c));
    },
  }),
  'delete-case': route(object({ id: caseId }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      const c = await s.db.cases.get(m.id);
      if (!c) return fail('not-found', `no such case: ${m.id}`);
      if (c.bundled && c.id === s.bundledId) return fail('forbidden', 'the bundled case cannot be deleted (deactivate it instead)');
      await s.db.cases.delete(m.id);
      s.changed();
      return ok({});
    },
  }),
  'set-active-cases': route(object({ ids: list(caseId, 1000) }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      await s.ensureSeeded();
      const wanted = new Set(m.ids);
      const missing: string[] = [];
      await s.db.transaction('rw', s.db.cases, async () => {
        const all = await s.db.cases.toArray();
        for (const id of wanted) if (!all.some((c) => c.id === id)) missing.push(id);
        if (missing.length) return;
        for (const c of all) if (c.active !== wanted.has(c.id)) await s.db.cases.update(c.id, { active: wanted.has(c.id) });
      });
      s.changed();
      return missing.length ? fail('not-found', `no such case: ${missing.join(', ')}`) : ok({});
    },
  }),
  /** Limit a case to some sites (host names), or null for all. */
  'set-case-sites': route(object({ id: caseId, sites: nullable(list(site, 200)) }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      await s.ensureSeeded();
      const updated = await s.db.cases.update(m.id, { activeOn: m.sites?.length ? m.sites.map((h) => h.toLowerCase().replace(/^www\./, '')) : null });
      s.changed();
      return updated ? ok({}) : fail('not-found', `no such case: ${m.id}`);
    },
  }),
  /** Put or remove one record; the whole case is validated first and nothing changes on a problem. */
  'edit-case': route(object({
      id: caseId,
      edit: either(
        object({ op: oneOf('put'), list: caseList, record: where(record(), (r) => (typeof r.id === 'string' && r.id.length <= 64 ? null : 'the record needs an "id"')) }),
        object({ op: oneOf('remove'), list: caseList, id: caseId }),
      ),
    }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      await s.ensureSeeded();
      const at = new Date().toISOString();
      const edit: CaseEdit = m.edit.op === 'put'
        ? { op: 'put', list: m.edit.list, record: m.edit.record as { id: string } & Record<string, unknown>, at }
        : { op: 'remove', list: m.edit.list, id: m.edit.id, at };
      return changeCase(s, m.id, () => [edit]);
    },
  }),
  /**
   * A name from a page into a case used on that page's site, the page becoming its source.
   * The content script sends it only from a card the reader opened, on their own click on a
   * card that was visible where they clicked (see `lib/page/guard.ts`).
   */
  'add-to-case': route(object({
      caseId,
      kind: oneOf('person', 'organization', 'place'),
      name: line(200),
      page: object({ url: pageUrl, canonical: optional(orNothing(pageUrl)), title: line(1000), site: nullable(line(200)), published: nullable(day) }),
    }), {
    from: 'page',
    about: (m) => m.page.url,
    handle: async (m, s: ServiceContext) => {
      if (!m.name) return fail('invalid', 'there is no name to add');
      if (!(await casesOnSite(s, m.page.url)).some((c) => c.id === m.caseId)) return fail('forbidden', `the case ${m.caseId} is not used on this site`);
      const at = new Date().toISOString();
      const url = articleKey(m.page.url, m.page.canonical);
      const list: CaseList = m.kind === 'person' ? 'people' : m.kind === 'organization' ? 'organizations' : 'places';
      let id = '';
      const result = await changeCase(s, m.caseId, (current) => {
        const edits: CaseEdit[] = [];
        let source = current.sources.find((x) => x.url === url);
        if (!source) {
          const host = hostOf(url) || 'page';
          source = {
            id: uniqueId(current, `src_${slug(m.page.site ?? host)}_${slug(m.page.title).slice(0, 24)}`),
            publisher: m.page.site || host, title: m.page.title || url, url,
            ...(m.page.published ? { published: m.page.published } : {}),
          };
          edits.push({ op: 'put', list: 'sources', record: { ...source }, at, from: url });
        }
        id = uniqueId(current, slug(m.name));
        edits.push({ op: 'put', list, record: { id, name: m.name, sources: [source.id] }, at, from: url });
        return edits;
      });
      return result.ok ? ok({ caseTitle: result.value.case.title, id }) : result;
    },
  }),
  /** Names added from this page's cards that are still in their cases (the popup lists them, with Undo). */
  'page-additions': route(object({ url: pageUrl }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      const url = articleKey(m.url);
      const additions: Addition[] = [];
      for (const c of await s.db.cases.toArray()) {
        const file = s.usable(c);
        if (!file) continue;
        for (const e of c.edits ?? []) {
          if (e.op !== 'put' || e.from !== url || e.list === 'sources') continue;
          const held = (file[e.list] as { id: string; name?: string }[]).find((r) => r.id === e.record.id);
          if (held) additions.push({ caseId: c.id, caseTitle: c.title, list: e.list, id: held.id, name: held.name ?? held.id, at: e.at });
        }
      }
      return ok({ additions });
    },
  }),
  /** Take back a name added from a page: the record goes, and its source too when that addition made it and nothing else cites it. */
  'undo-addition': route(object({ caseId, id: caseId }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      const c = await s.db.cases.get(m.caseId);
      if (!c) return fail('not-found', `no such case: ${m.caseId}`);
      const added = (c.edits ?? []).find((e) => e.op === 'put' && e.from && e.list !== 'sources' && e.record.id === m.id);
      if (!added || added.op !== 'put') return fail('not-found', `${m.id} was not added from a page`);
      return changeCase(s, m.caseId, (current) => {
        const at = new Date().toISOString();
        const edits: CaseEdit[] = [{ op: 'remove', list: added.list, id: m.id, at }];
        const sourceIds = (added.record.sources as string[] | undefined) ?? [];
        for (const sid of sourceIds) {
          const madeHere = (c.edits ?? []).some((e) => e.op === 'put' && e.list === 'sources' && e.from === added.from && e.record.id === sid);
          if (madeHere && !citedElsewhere(current, sid, m.id)) edits.push({ op: 'remove', list: 'sources', id: sid, at });
        }
        return edits;
      });
    },
  }),
};

/** Validate a case, with problems as lines. */
function validated(file: unknown): { ok: true; value: CaseFile } | { ok: false; problems: string[] } {
  const result = validateCase(file);
  return result.ok ? { ok: true, value: result.value } : { ok: false, problems: formatProblems(result.problems) };
}

/** Edits on a case in one transaction, the whole case validated with them; nothing changes on a problem. */
async function changeCase(s: ServiceContext, id: string, makeEdits: (current: CaseFile) => CaseEdit[]): Promise<Result<{ case: CaseSummary }>> {
  await s.ensureSeeded();
  const stored = await s.db.cases.get(id);
  if (!stored) return fail('not-found', `no such case: ${id}`);
  if (!s.usable(stored)) return fail('invalid', `the stored case "${id}" is broken; delete or restore it first`, s.problemsOf(stored));
  const result = await editCase(s.db, id, makeEdits, validated);
  if (!result.ok) return fail('invalid', 'the case is unchanged', result.problems);
  s.changed();
  return ok({ case: summary(result.stored) });
}

/** The usable active cases used on a page's site. */
async function casesOnSite(s: ServiceContext, url: string): Promise<StoredCase[]> {
  await s.ensureSeeded();
  const host = hostOf(url);
  return (await s.db.cases.toArray()).filter((c) => activeOnSite(c, host) && s.usable(c));
}

function summary(c: StoredCase, problems: string[] = []): CaseSummary {
  const f = (c.file ?? {}) as Partial<CaseFile>;
  const count = (l: unknown) => (Array.isArray(l) ? l.length : 0);
  return {
    id: String(c.id), title: String(c.title ?? c.id), bundled: !!c.bundled, active: !!c.active, activeOn: Array.isArray(c.activeOn) ? c.activeOn : null,
    updatedAt: String(c.updatedAt ?? ''), edits: count(c.edits),
    counts: { people: count(f.people), events: count(f.events), facts: count(f.facts), sources: count(f.sources) },
    ...(problems.length ? { problems } : {}),
  };
}

/** Whether any record but `except` cites a source (in its sources, or a role's). */
function citedElsewhere(file: CaseFile, source: string, except: string): boolean {
  type Citing = { id: string; sources?: string[]; roles?: { sources?: string[] }[] };
  const cites = (r: Citing) => !!r.sources?.includes(source) || !!r.roles?.some((role) => role.sources?.includes(source));
  return CASE_LISTS.some((l) => (file[l] as unknown as Citing[]).some((r) => r.id !== except && cites(r)));
}

function slug(t: string): string {
  return t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 48) || 'record';
}

/** An id not yet used anywhere in the case (ids are unique across the whole file). */
function uniqueId(file: CaseFile, wanted: string): string {
  const used = new Set<string>();
  for (const l of CASE_LISTS) for (const r of file[l] ?? []) used.add(r.id);
  let id = /^[a-z0-9]/.test(wanted) ? wanted : `x${wanted}`;
  for (let n = 2; used.has(id); n++) id = `${wanted}_${n}`;
  return id;
}

/**
 * Builds the bundled 'Rust' case (lib/cases/bundled/rust-shooting.json) from the sourced
 * fact sheet in ../shared/research/rust-case-facts.json, in the case file format.
 *
 * The fact sheet is research notes: free-text facts, aliases tagged "(misspelling seen)",
 * descriptions instead of notes. This script keeps every sourced record, moves what the
 * format has no field for into `note` or `x-` keys, and adds the structured facts and trigger
 * words that the checker needs (each with the fact sheet's own sources). Re-run it with
 * `npm run build:case` whenever the fact sheet changes; the output is committed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseEvent, CaseFile, Fact, Person, RecordStatus, Source } from '../lib/cases/format';
import { serializeCase } from '../lib/cases/serialize';
import { formatProblems, validateCase } from '../lib/cases/validate';
import { granularityOf } from '../lib/dates/calendar';

const here = dirname(fileURLToPath(import.meta.url));
const input = resolve(here, '../../shared/research/rust-case-facts.json');
const output = resolve(here, '../lib/cases/bundled/rust-shooting.json');

type Raw = Record<string, any>;
const raw: Raw = JSON.parse(readFileSync(input, 'utf8'));
const warnings: string[] = [];

const MISSPELLING = /\s*\((misspelling|variant) seen\)\s*$/;
function aliasesOf(r: Raw) {
  const aliases: string[] = [];
  const misspellings: string[] = [];
  for (const a of (r.aliases ?? []) as string[]) {
    const clean = a.replace(MISSPELLING, '');
    aliases.push(clean);
    if (MISSPELLING.test(a)) misspellings.push(clean);
  }
  return { aliases, ...(misspellings.length ? { 'x-misspellings': misspellings } : {}) };
}

function statusOf(r: Raw): RecordStatus | undefined {
  const s = String(r.status ?? '');
  const c = String(r.confidence ?? '');
  if (s === 'disputed') return 'disputed';
  if ((s && s !== 'verified') || /low|weak/.test(c)) return 'unverified';
  return undefined;
}

function extras(r: Raw, known: string[]) {
  const out: Raw = {};
  for (const [k, v] of Object.entries(r)) {
    if (known.includes(k) || v === undefined) continue;
    if (k === 'description') continue;
    out[`x-${k}`] = v;
  }
  return out;
}

const note = (r: Raw) => [r.description, r.note].filter(Boolean).join(' ') || undefined;
const ids = (r: Raw): string[] => (r.sources ?? []) as string[];

// Each event's type, from the format's vocabulary (README, "Event types"): the checker's
// lexicon then knows its words in every inflection, and `triggers` only add the case's own.
const EVENT_TYPE: Record<string, string> = {
  shooting: 'shooting', hutchins_death: 'death', wrongful_death_filed: 'suit-filed', ohsb_citation: 'citation',
  reeb_appointed: 'appointment', fbi_omi_reports: 'report', estate_settlement: 'settlement', report_to_da: 'report',
  baldwin_cross_complaint: 'suit-filed', charges_announced: 'charges-announced', charges_filed: 'charge', parents_suit: 'suit-filed',
  enhancement_dropped: 'charge-reduced', baldwin_plea_2023: 'plea', reeb_withdrawal: 'resignation', ohsb_settlement: 'settlement',
  new_special_prosecutors: 'appointment', halls_plea: 'plea', charges_dropped_2023: 'dismissal', filming_resumed: 'production-resumed',
  settlement_approved: 'settlement-approved', grand_jury_indictment: 'indictment', baldwin_plea_2024: 'plea', gr_trial: 'trial',
  teske_ammo: 'evidence-turned-in', gr_verdict: 'verdict', gr_newtrial_denied_1: 'motion-denied', gr_sentenced: 'sentence',
  lewis_withdraws: 'resignation', baldwin_trial_start: 'trial', johnson_resigns: 'resignation', baldwin_dismissal: 'dismissal',
  preservation_letters: 'preservation-notice', motion_to_reconsider: 'reconsideration', gr_newtrial_denied_2: 'motion-denied',
  reconsider_denied: 'motion-denied', notice_of_appeal: 'appeal', premiere: 'premiere', appeal_withdrawn: 'appeal-withdrawn',
  malicious_prosecution_filed: 'suit-filed', us_release: 'release', sommer_retires: 'retirement', gr_released: 'prison-release',
  suit_dismissed_inactivity: 'suit-dismissed', suit_reinstated: 'suit-reinstated', suit_removed_federal: 'suit-removed',
};

// Trigger words of the fact sheet that its type's lexicon does not hold; and words that
// name the event beyond its type (Halls' plea came with his suspended sentence).
const TRIGGERS: Record<string, { add?: string[]; remove?: string[] }> = {
  charges_announced: { remove: ['involuntary manslaughter'] },
  halls_plea: { add: ['sentenced'] },
};

// Other days the fact sheet gives for the same event (announced vs filed, jury selection vs opening).
const OTHER_DATES: Record<string, string[]> = {
  enhancement_dropped: ['2023-02-17'], charges_dropped_2023: ['2023-04-20'], gr_trial: ['2024-02-21'], baldwin_trial_start: ['2024-07-10'],
  // "refiled (Aug) and reinstated (Sept 2025)": the label's first month.
  suit_reinstated: ['2025-08'],
};

// Who else an event involves, where the fact sheet leaves it out: the film, for its own events.
const PARTICIPANTS: Record<string, string[]> = { premiere: ['rust_film'], us_release: ['rust_film'], filming_resumed: ['rust_film'] };

// Ages the sources state (version 2), each on the day they describe, with the fact sheet's sources.
const AGES: Record<string, { age: number; on: string; sources: string[] }[]> = {
  joel_souza: [{ age: 48, on: '2021-10-21', sources: ['s_sfnm_timeline', 's_vulture_2021'] }],
  halyna_hutchins: [{ age: 42, on: '2021-10-21', sources: ['s_krqe_hutchins', 's_abc_gr_verdict'] }],
  hannah_gutierrez_reed: [{ age: 24, on: '2021-10-21', sources: ['s_looper_halls', 's_abc_gr_verdict'] }],
  alec_baldwin: [{ age: 66, on: '2024-07-09', sources: ['s_ap_jury'] }],
};

const people: Person[] = raw.people.map((p: Raw) => ({
  id: p.id,
  name: p.name,
  ...aliasesOf(p),
  roles: (p.roles ?? []).map((r: Raw) => ({
    role: r.role,
    from: r.from ?? null,
    to: r.to ?? null,
    sources: r.sources,
    ...(r.note ? { note: r.note } : {}),
    ...(r.confidence ? { 'x-confidence': r.confidence } : {}),
  })),
  ...(AGES[p.id] ? { ages: AGES[p.id] } : {}),
  sources: ids(p),
  note: note(p),
  status: statusOf(p),
  ...extras(p, ['id', 'name', 'aliases', 'roles', 'sources', 'note', 'status']),
}));

// Name variants of records that the fact sheet does not list and coverage writes.
const MORE_ALIASES: Record<string, string[]> = { la_superior_court: ['Los Angeles Superior Court'] };

const entity = (r: Raw) => ({
  id: r.id,
  name: r.name,
  ...withMore(r.id, aliasesOf(r)),
  sources: ids(r),
  note: [note(r), r.status && statusOf(r) ? `Status in the fact sheet: ${r.status}.` : ''].filter(Boolean).join(' ') || undefined,
  status: statusOf(r),
  ...extras(r, ['id', 'name', 'aliases', 'sources', 'note', 'status']),
});

function withMore(id: string, a: ReturnType<typeof aliasesOf>) {
  return { ...a, aliases: [...a.aliases, ...(MORE_ALIASES[id] ?? [])] };
}

// The maximum penalty of the charge every prosecution here brought (version 2).
const manslaughter = () => [{ name: 'involuntary manslaughter', maximumPenalty: 'P18M', sources: (raw.facts as Raw[]).find((f) => f.id === 'f_max_penalty')!.sources as string[] }];

// Matters: the suits and prosecutions the fact sheet talks about by name, with who they are against.
const matters = [
  { id: 'baldwin_v_morrissey', name: 'Baldwin v. Morrissey', aliases: ["Baldwin's malicious prosecution lawsuit", "Baldwin's civil rights lawsuit"],
    defendants: ['kari_morrissey', 'mary_carmack_altwies', 'andrea_reeb', 'jennifer_padgett_macias', 'fjda', 'alexandria_hancock', 'marissa_poppell', 'brian_brandle', 'santa_fe_county_bocc'],
    sources: ['s_complaint_baldwin_v_morrissey', 's_ap_federal'] },
  { id: 'state_v_baldwin_2023', name: 'State v. Baldwin (2023 charges)', aliases: [], defendants: ['alec_baldwin'], charges: manslaughter(), sources: ['s_ap_charges_filed', 's_ap_drop_2023'] },
  { id: 'state_v_baldwin_2024', name: 'State v. Baldwin (2024 indictment)', aliases: [], defendants: ['alec_baldwin'], charges: manslaughter(), sources: ['s_ap_indictment', 's_ap_dismissal_wbrz'] },
  { id: 'state_v_gutierrez_reed', name: 'State v. Gutierrez-Reed', aliases: [], defendants: ['hannah_gutierrez_reed'], charges: manslaughter(), sources: ['s_abc_gr_verdict', 's_iheart_gr_sentence'] },
  { id: 'hutchins_estate_suit', name: 'Hutchins estate wrongful-death suit', aliases: [], defendants: ['alec_baldwin', 'rust_movie_productions'], sources: ['s_usatoday_wrongful_death', 's_consequence_settlement'] },
];

// Works (version 2): the film, so that "Rust" is never taken for a person, organisation or place.
const works = [{ id: 'rust_film', name: 'Rust', aliases: ['Rust (the film)'], sources: ['s_slashfilm_release', 's_filming_resumed'], note: 'The Western film on whose set the shooting happened; premiered 2024-11-20, released in the US 2025-05-02.' }];

// The fact sheet names some fact subjects in words; these are the records they mean.
const SUBJECTS: Record<string, string> = {
  weapon: 'shooting',
  revolver: 'shooting',
  'involuntary manslaughter (NM)': 'state_v_gutierrez_reed',
  'firearm enhancement': 'enhancement_dropped',
  'Baldwin first case': 'state_v_baldwin_2023',
  'Baldwin case (2024)': 'state_v_baldwin_2024',
  'Teske ammunition': 'teske_ammo',
  'State motion to reconsider': 'motion_to_reconsider',
  'State appeal': 'notice_of_appeal',
  'State appeal (Nov 2024)': 'notice_of_appeal',
  'Baldwin v. Morrissey': 'baldwin_v_morrissey',
  'Rust Movie Productions, LLC': 'rust_movie_productions',
  'Rust (film)': 'rust_film',
  'Hutchins estate suit': 'hutchins_estate_suit',
  'preservation letters': 'preservation_letters',
};

const events: CaseEvent[] = raw.events.map((e: Raw) => {
  const t = TRIGGERS[e.id] ?? {};
  const triggers = [...(e.triggers as string[]).filter((w) => !t.remove?.includes(w)), ...(t.add ?? [])];
  return {
    id: e.id,
    label: e.label,
    type: EVENT_TYPE[e.id],
    date: e.date,
    granularity: e.granularity,
    ...(OTHER_DATES[e.id] ? { otherDates: OTHER_DATES[e.id] } : {}),
    participants: [...e.participants, ...(PARTICIPANTS[e.id] ?? [])],
    triggers: [...new Set(triggers)],
    sources: e.sources,
    note: e.note,
    status: statusOf(e),
    ...extras(e, ['id', 'label', 'date', 'granularity', 'participants', 'triggers', 'sources', 'note', 'status']),
  };
});

const knownIds = new Set<string>([...raw.people, ...raw.organizations, ...raw.places, ...raw.events].map((r: Raw) => r.id).concat(matters.map((m) => m.id), works.map((w) => w.id)));
const facts: Fact[] = [];
for (const f of raw.facts as Raw[]) {
  const subject = knownIds.has(f.subject) ? f.subject : SUBJECTS[f.subject];
  if (!subject) { warnings.push(`fact ${f.id}: subject "${f.subject}" names no record; left out`); continue; }
  if (!ids(f).length) { warnings.push(`fact ${f.id}: no source (the format requires one); left out`); continue; }
  const isDate = f.predicate === 'date' && granularityOf(String(f.value));
  facts.push({
    id: f.id, subject, predicate: f.predicate, type: isDate ? 'date' : 'text', value: String(f.value),
    sources: ids(f), status: statusOf(f),
    ...extras(f, ['id', 'subject', 'predicate', 'type', 'value', 'triggers', 'sources', 'note', 'status']),
  });
}

// Structured facts the checker compares, each resting on the fact sheet's sources.
const sourcesOf = (factId: string) => (raw.facts as Raw[]).find((f) => f.id === factId)!.sources as string[];
const eventSources = (eventId: string) => (raw.events as Raw[]).find((e) => e.id === eventId)!.sources as string[];
facts.push(
  { id: 'f_suit_court_filed', subject: 'malicious_prosecution_filed', predicate: 'court', type: 'ref', value: 'fjdc',
    triggers: ['filed in', 'filed the lawsuit in', 'filed suit in', 'lawsuit in', 'suit in', 'sued in'], sources: sourcesOf('f_suit_court'),
    note: 'Filed in state court (No. D-101-CV-2025-00060); the defendants removed it to federal court only in October 2025.' },
  { id: 'f_cross_complaint_court', subject: 'baldwin_cross_complaint', predicate: 'court', type: 'ref', value: 'la_superior_court',
    triggers: ['filed in', 'cross-complaint in', 'countersuit in'], sources: eventSources('baldwin_cross_complaint') },
  { id: 'f_parents_suit_court', subject: 'parents_suit', predicate: 'court', type: 'ref', value: 'la_superior_court',
    triggers: ['filed in', 'lawsuit in', 'sued in'], sources: eventSources('parents_suit') },
  { id: 'f_gr_sentence_length', subject: 'gr_sentenced', predicate: 'sentence length', type: 'duration', value: 'P18M',
    triggers: ['sentenced to', 'serving', 'sentence of', 'prison'], sources: sourcesOf('f_gr_sentence') },
  { id: 'f_halls_sentence_length', subject: 'halls_plea', predicate: 'suspended sentence length', type: 'duration', value: 'P6M',
    triggers: ['suspended sentence', 'suspended'], sources: sourcesOf('f_halls_sentence') },
  // Where each person was hit: "wounded in the shoulder" (f_souza_injury), "struck Hutchins in the chest" (the shooting's record).
  { id: 'f_souza_wound', subject: 'joel_souza', predicate: 'wounded in', type: 'text', value: 'shoulder', sources: sourcesOf('f_souza_injury') },
  { id: 'f_hutchins_wound', subject: 'halyna_hutchins', predicate: 'wounded in', type: 'text', value: 'chest', sources: eventSources('shooting') },
  // Why each dismissal was made, on the dismissal itself (the fact sheet gives them per matter, in prose).
  { id: 'f_grounds_2023', subject: 'charges_dropped_2023', predicate: 'dismissal grounds', type: 'text', value: 'new facts needing further investigation',
    sources: sourcesOf('f_2023_dismissal'), note: "The special prosecutors cited 'new facts' that demanded further investigation and forensic analysis." },
  { id: 'f_grounds_2024', subject: 'baldwin_dismissal', predicate: 'dismissal grounds', type: 'text', value: 'withheld evidence',
    sources: sourcesOf('f_dismissal_grounds'), note: 'The State withheld evidence (the ammunition Troy Teske turned in, filed under another case number): a discovery/Brady violation found intentional.' },
  { id: 'f_grounds_suit', subject: 'suit_dismissed_inactivity', predicate: 'dismissal grounds', type: 'text', value: 'inactivity',
    sources: sourcesOf('f_suit_later'), note: 'Dismissed without prejudice for lack of activity in the case.' },
  { id: 'f_refile_2023', subject: 'charges_dropped_2023', predicate: 'can be refiled', type: 'boolean', value: true,
    triggers: ['refile', 'refiled', 're-file', 're-filed', 'refiling', 'bring charges again'], sources: sourcesOf('f_2023_dismissal'),
    note: 'Dismissed without prejudice: the special prosecutors said the charge may be refiled.' },
  { id: 'f_refile_2024', subject: 'baldwin_dismissal', predicate: 'can be refiled', type: 'boolean', value: false,
    triggers: ['refile', 'refiled', 're-file', 're-filed', 'refiling', 'bring charges again'], sources: [...sourcesOf('f_dismissal_prejudice'), 's_cbs_appeal_withdrawn'],
    note: 'Dismissed with prejudice on 2024-07-12; reconsideration denied 2024-10-24; the State withdrew its appeal on 2024-12-23.' },
);

const sources: Source[] = raw.sources.map((s: Raw) => ({
  id: s.id, publisher: s.publisher, title: s.title, url: s.url,
  published: s.published && granularityOf(s.published) ? s.published : undefined,
  note: s.note,
}));

const file: CaseFile = {
  format: 'casefile/case',
  version: 2,
  id: 'rust-shooting',
  title: "The 'Rust' shooting and the cases that followed",
  description: "The fatal shooting of cinematographer Halyna Hutchins on the set of the film 'Rust' near Santa Fe, New Mexico, on 2021-10-21, and the prosecutions, suits and appeals that followed. Built from Casefile's sourced fact sheet.",
  updated: '2025-10-23',
  people,
  organizations: raw.organizations.map(entity),
  places: raw.places.map(entity),
  matters,
  works,
  events,
  facts,
  sources,
};

const result = validateCase(JSON.parse(JSON.stringify(file)));
if (!result.ok) {
  console.error(formatProblems(result.problems).join('\n'));
  process.exit(1);
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, serializeCase(JSON.parse(JSON.stringify(file))));
for (const w of warnings) console.warn(`note: ${w}`);
const untyped = events.filter((e) => !e.type).map((e) => e.id);
if (untyped.length) warnings.push(`events without a type: ${untyped.join(', ')}`);
console.log(`wrote ${output}: ${people.length} people, ${file.organizations.length} organizations, ${file.places.length} places, ${matters.length} matters, ${works.length} works, ${events.length} events, ${facts.length} facts, ${sources.length} sources`);

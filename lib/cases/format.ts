/**
 * The case file format, version 2 — the contract for every case a user brings
 * (see README "Case file format"). These types mirror the JSON one to one so that an
 * imported file can be exported back unchanged. Version 1 files still import: they are
 * upgraded to version 2 on the way in (`upgradeCase` in validate.ts).
 */
import type { Granularity } from '../dates/calendar';

export const CASE_FORMAT = 'casefile/case';
export const CASE_FORMAT_VERSION = 2;
/** Versions this build reads (older ones are upgraded on import). */
export const READABLE_VERSIONS = [1, 2] as const;

export type RecordStatus = 'verified' | 'unverified' | 'disputed';

/** Keys beginning with `x-` are kept and exported unchanged. */
export type Extensions = { [key: `x-${string}`]: unknown };

export interface Role {
  role: string;
  from: string | null;
  to: string | null;
  sources: string[];
  note?: string;
}

interface EntityBase {
  id: string;
  name: string;
  aliases?: string[];
  sources: string[];
  note?: string;
  status?: RecordStatus;
}

/** A person's age as a source states it on a day ("48-year-old" on 2021-10-21). Version 2. */
export interface Age {
  age: number;
  on: string;
  sources: string[];
}

export interface Person extends EntityBase {
  roles?: Role[];
  /** Version 2: the birth date (any granularity), when known. */
  born?: string;
  /** Version 2: ages stated by sources, each on a day. */
  ages?: Age[];
}
export type Organization = EntityBase;
export type Place = EntityBase;
/** A work (a film, a book): named in text, never a person, organisation or place. Version 2. */
export type Work = EntityBase;

/** A charge brought in a matter, with its maximum penalty. Version 2. */
export interface Charge {
  name: string;
  /** ISO 8601 duration, e.g. "P18M". */
  maximumPenalty?: string;
  sources: string[];
}

export interface Matter extends EntityBase {
  /** Version 2: who the suit or prosecution is against (ids of people or organizations). */
  defendants?: string[];
  /** Version 2: the charges brought, with their maximum penalties. */
  charges?: Charge[];
}

export interface CaseEvent {
  id: string;
  label: string;
  /** Version 2: the event's type, from the documented vocabulary (README) or a free one. */
  type?: string;
  date: string;
  granularity: Granularity;
  /** Version 2: other days sources give for the same event (announced one day, filed the next). */
  otherDates?: string[];
  participants?: string[];
  triggers?: string[];
  sources: string[];
  note?: string;
  status?: RecordStatus;
}

export type FactType = 'text' | 'date' | 'number' | 'duration' | 'boolean' | 'ref';

export interface Fact {
  id: string;
  subject: string;
  predicate: string;
  type: FactType;
  value: string | number | boolean;
  unit?: string;
  triggers?: string[];
  sources: string[];
  note?: string;
  status?: RecordStatus;
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  url: string;
  published?: string;
  note?: string;
}

export interface CaseFile {
  format: typeof CASE_FORMAT;
  version: typeof CASE_FORMAT_VERSION;
  id: string;
  title: string;
  description?: string;
  updated?: string;
  people: Person[];
  organizations: Organization[];
  places: Place[];
  matters: Matter[];
  /** Version 2: works (films, books), so their titles are never taken for people or places. */
  works?: Work[];
  events: CaseEvent[];
  facts: Fact[];
  sources: Source[];
}

/** The entity kinds a mention can link to, as the case file lists them. */
export type EntityKind = 'person' | 'organization' | 'place' | 'matter' | 'work';

/** Which list of a case holds each entity kind. */
export const ENTITY_LISTS = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
  matter: 'matters',
  work: 'works',
} as const satisfies Record<EntityKind, keyof CaseFile>;

/** Key order of each record kind, as the contract writes them (round trips diff well). */
export const KEY_ORDER = {
  case: ['format', 'version', 'id', 'title', 'description', 'updated', 'people', 'organizations', 'places', 'matters', 'works', 'events', 'facts', 'sources'],
  entity: ['id', 'name', 'aliases', 'roles', 'born', 'ages', 'defendants', 'charges', 'sources', 'note', 'status'],
  role: ['role', 'from', 'to', 'sources', 'note'],
  age: ['age', 'on', 'sources'],
  charge: ['name', 'maximumPenalty', 'sources'],
  event: ['id', 'label', 'type', 'date', 'granularity', 'otherDates', 'participants', 'triggers', 'sources', 'note', 'status'],
  fact: ['id', 'subject', 'predicate', 'type', 'value', 'unit', 'triggers', 'sources', 'note', 'status'],
  source: ['id', 'publisher', 'title', 'url', 'published', 'note'],
} as const;

/** Only verified records may produce a conflict; the others are shown, never used to flag. */
export function isVerified(record: { status?: RecordStatus }): boolean {
  return (record.status ?? 'verified') === 'verified';
}

/**
 * The case file format, version 1 — the contract for every case a user brings
 * (see README "Case file format"). These types mirror the JSON one to one so that an
 * imported file can be exported back unchanged.
 */
import type { Granularity } from '../dates/calendar';

export const CASE_FORMAT = 'casefile/case';
export const CASE_FORMAT_VERSION = 1;

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

export interface Person extends EntityBase { roles?: Role[] }
export type Organization = EntityBase;
export type Place = EntityBase;
export type Matter = EntityBase;

export interface CaseEvent {
  id: string;
  label: string;
  date: string;
  granularity: Granularity;
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
  events: CaseEvent[];
  facts: Fact[];
  sources: Source[];
}

/** The entity kinds a mention can link to, as the case file lists them. */
export type EntityKind = 'person' | 'organization' | 'place' | 'matter';

/** Which list of a case holds each entity kind. */
export const ENTITY_LISTS = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
  matter: 'matters',
} as const satisfies Record<EntityKind, keyof CaseFile>;

/** Key order of each record kind, as the contract writes them (round trips diff well). */
export const KEY_ORDER = {
  case: ['format', 'version', 'id', 'title', 'description', 'updated', 'people', 'organizations', 'places', 'matters', 'events', 'facts', 'sources'],
  entity: ['id', 'name', 'aliases', 'roles', 'sources', 'note', 'status'],
  role: ['role', 'from', 'to', 'sources', 'note'],
  event: ['id', 'label', 'date', 'granularity', 'participants', 'triggers', 'sources', 'note', 'status'],
  fact: ['id', 'subject', 'predicate', 'type', 'value', 'unit', 'triggers', 'sources', 'note', 'status'],
  source: ['id', 'publisher', 'title', 'url', 'published', 'note'],
} as const;

/** Only verified records may produce a conflict; the others are shown, never used to flag. */
export function isVerified(record: { status?: RecordStatus }): boolean {
  return (record.status ?? 'verified') === 'verified';
}

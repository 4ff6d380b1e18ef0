/**
 * Writes a case file the way the contract asks: keys in the order of the format's shape,
 * `x-` keys kept after them, two-space indentation and a final newline — so that exporting
 * an unchanged case gives back the same bytes and files diff well.
 */
import { KEY_ORDER, type CaseFile } from './format';

type Json = Record<string, unknown>;

function ordered(record: Json, order: readonly string[], nested: Partial<Record<string, (v: Json) => Json>> = {}): Json {
  const out: Json = {};
  for (const key of order) {
    if (record[key] === undefined) continue;
    const fix = nested[key];
    out[key] = fix && Array.isArray(record[key]) ? (record[key] as Json[]).map(fix) : record[key];
  }
  for (const key of Object.keys(record)) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

const entity = (r: Json) => ordered(r, KEY_ORDER.entity, {
  roles: (x) => ordered(x, KEY_ORDER.role),
  ages: (x) => ordered(x, KEY_ORDER.age),
  charges: (x) => ordered(x, KEY_ORDER.charge),
});

/** Serialise a case file to its canonical text. */
export function serializeCase(file: CaseFile): string {
  const c = ordered(file as unknown as Json, KEY_ORDER.case, {
    people: entity,
    organizations: entity,
    places: entity,
    matters: entity,
    works: entity,
    events: (r) => ordered(r, KEY_ORDER.event),
    facts: (r) => ordered(r, KEY_ORDER.fact),
    sources: (r) => ordered(r, KEY_ORDER.source),
  });
  return `${JSON.stringify(c, null, 2)}\n`;
}

/**
 * Version 1 case files keep importing: they are upgraded to version 2 on the way in. The
 * upgrade sets the version and gives each event a `type` where its label names one type of
 * the vocabulary without doubt ("Judge dismisses Baldwin case" → `dismissal`); an event whose
 * label is unclear stays untyped and is still found by its own trigger words, as before.
 * Nothing else changes, so the file exports as the same records with version 2.
 */
import { readWords } from '../check/reader';
import { typesOf } from '../check/lexicon';
import { objectClassesOf } from '../check/reader';
import { CASE_FORMAT_VERSION, type CaseEvent, type CaseFile } from './format';

/** A version 1 case as version 2 (a new object; the input is not changed). */
export function upgradeCase(file: CaseFile): CaseFile {
  if ((file.version as number) === CASE_FORMAT_VERSION) return file;
  return { ...file, version: CASE_FORMAT_VERSION, events: file.events.map((e) => (e.type ? e : withType(e))) };
}

/** The type an event's label names, or the event unchanged when it names none or several. */
export function inferEventType(label: string): string | null {
  const { words, predicates } = readWords(label, { start: 0, end: label.length });
  const classes = objectClassesOf(words);
  for (const p of predicates) {
    const types = typesOf(p.entry.sense, classes);
    if (types.length === 1) return types[0];
    if (types.length) return null;
  }
  return null;
}

function withType(e: CaseEvent): CaseEvent {
  const type = inferEventType(e.label);
  if (!type) return e;
  // Keys in the format's order: the type follows the label.
  const { id, label, ...rest } = e;
  return { id, label, type, ...rest };
}

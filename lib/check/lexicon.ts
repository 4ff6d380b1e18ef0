/**
 * The event lexicon: which words name which type of event, matched on lemma keys (see
 * `lemma.ts`), so a case lists an event's `type` and never every inflection of its words.
 * A word may need an object in its clause to name an event at all ("dropped" names nothing
 * alone; "dropped the charges" a dismissal, "dropped the appeal" a withdrawal of it), and the
 * object narrows what it names ("dismissed the lawsuit" is a civil suit's dismissal).
 *
 * The types are the case format's vocabulary (README, "Event types"); a case may use other
 * types too, which then match through the event's own `triggers`.
 */
import { FormIndex } from './lemma';

/** Every form of every word the lexicon, its object classes and its reporting verbs know. */
export const FORMS = new FormIndex();

/** The documented vocabulary of event types, each with what it covers. */
export const EVENT_TYPES: Record<string, string> = {
  shooting: 'a shooting or the incident itself (shot, fired, killed, the incident)',
  death: 'a death (died, death of, killed)',
  injury: 'a person wounded',
  report: 'an investigative or forensic report delivered or made public',
  citation: 'a regulator\'s citation or fine',
  appointment: 'someone appointed or named to a role',
  resignation: 'someone resigns, steps down, withdraws from a case',
  retirement: 'someone retires',
  'charges-announced': 'charges announced ("will be charged")',
  charge: 'charges filed or brought',
  'charge-reduced': 'a charge or enhancement dropped or downgraded',
  indictment: 'an indictment (grand jury), or charges refiled',
  plea: 'a plea (pleaded not guilty, no contest)',
  trial: 'a trial begins (jury selection, opening statements)',
  verdict: 'a verdict (convicted, found guilty, acquitted)',
  sentence: 'a sentence handed down (sentenced)',
  'motion-denied': 'a motion denied (new trial, reconsideration)',
  reconsideration: 'a motion to reconsider filed',
  dismissal: 'criminal charges dismissed or dropped, a case thrown out',
  appeal: 'an appeal filed',
  'appeal-withdrawn': 'an appeal withdrawn or dropped',
  'suit-filed': 'a civil lawsuit filed (sued, filed a lawsuit, countersuit)',
  'suit-dismissed': 'a civil lawsuit dismissed',
  'suit-reinstated': 'a civil lawsuit refiled or reinstated',
  'suit-removed': 'a civil lawsuit moved to another court',
  settlement: 'a settlement reached or announced',
  'settlement-approved': 'a settlement approved by a court',
  'production-resumed': 'filming or production resumed',
  premiere: 'a film\'s premiere',
  release: 'a film\'s release (in theaters, streaming)',
  'prison-release': 'someone released from prison',
};

/** Classes of object words that narrow what a predicate names. Checked in this order. */
const OBJECTS: [string, string[]][] = [
  ['motion', ['motion', 'request', 'bid', 'reopen', 'revive']],
  ['amended', ['amended', 'altered', 'revised', 'downgraded', 'reduced', 'lesser', 'amendment']],
  ['appeal', ['appeal']],
  ['notice', ['notice']],
  ['enhancement', ['enhancement', 'enhancements']],
  ['suit', ['lawsuit', 'suit', 'countersuit', 'complaint', 'civil', 'cross-complaint']],
  ['criminal', ['charge', 'charges', 'case', 'prosecution', 'indictment', 'manslaughter', 'criminal', 'count', 'counts']],
  ['prison', ['prison', 'jail', 'custody', 'probation', 'detention']],
  ['film', ['film', 'movie', 'theater', 'theaters', 'theatre', 'theatres', 'streaming', 'cinemas', 'rust']],
  ['weapon', ['gun', 'revolver', 'weapon', 'firearm', 'round', 'rounds', 'shot', 'shots', 'bullet', 'pistol']],
  ['settlement', ['settlement']],
  ['filming', ['filming', 'production', 'shooting', 'shoot']],
  ['federal', ['federal']],
  ['safety', ['safety', 'violation', 'violations', 'osha', 'workplace', 'fine', 'fines', 'penalty', 'penalties', 'regulator', 'regulators']],
];
const OBJECT_CLASS = new Map<string, string>();
for (const [cls, words] of OBJECTS) for (const w of words) {
  const base = FORMS.add(w);
  if (!OBJECT_CLASS.has(base)) OBJECT_CLASS.set(base, cls);
}

export interface Sense {
  /** Types named when no object class below is in the clause. */
  types: string[];
  /** Types named when a word of that object class stands in the clause (first class found wins). */
  objects?: Partial<Record<string, string[]>>;
  /** Names an event only before a date or as its head noun ("the 2021 incident"), never as a verb. */
  nounOnly?: boolean;
}

/** Lexicon entries: phrase (any inflection of each word) → sense. */
const ENTRIES: [string, Sense][] = [
  ['shoot', { types: ['shooting', 'death'] }],
  ['fire', { types: [], objects: { weapon: ['shooting'] } }],
  ['discharge', { types: [], objects: { weapon: ['shooting'] } }],
  ['go off', { types: ['shooting'] }],
  ['kill', { types: ['shooting', 'death'] }],
  ['die', { types: ['death', 'shooting'] }],
  ['death', { types: ['death', 'shooting'] }],
  ['incident', { types: ['shooting'], nounOnly: true }],
  ['tragedy', { types: ['shooting'], nounOnly: true }],
  ['manslaughter of', { types: ['shooting', 'death'] }],
  ['wound', { types: ['shooting', 'injury'] }],
  ['injure', { types: ['shooting', 'injury'] }],
  // A grand jury's indictment charges too ("In January 2024, Baldwin was charged again").
  ['charge', { types: ['charge', 'charges-announced', 'indictment'], objects: { enhancement: ['charge', 'charges-announced'] } }],
  ['indict', { types: ['indictment'] }],
  ['indictment', { types: ['indictment'] }],
  ['recharge', { types: ['indictment'] }],
  ['refile', { types: ['indictment', 'suit-reinstated'], objects: { suit: ['suit-reinstated'], criminal: ['indictment'] } }],
  ['plead', { types: ['plea'] }],
  ['plea', { types: ['plea'] }],
  ['trial', { types: ['trial'], nounOnly: true }],
  ['jury selection', { types: ['trial'] }],
  ['opening statement', { types: ['trial'] }],
  ['convict', { types: ['verdict'] }],
  ['conviction', { types: ['verdict'] }],
  ['verdict', { types: ['verdict'] }],
  ['find guilty', { types: ['verdict'] }],
  ['acquit', { types: ['verdict'] }],
  ['sentence', { types: ['sentence'] }],
  ['dismiss', { types: ['dismissal', 'suit-dismissed'], objects: { motion: [], appeal: [], suit: ['suit-dismissed'], criminal: ['dismissal'] } }],
  ['dismissal', { types: ['dismissal', 'suit-dismissed'], objects: { motion: [], suit: ['suit-dismissed'], criminal: ['dismissal'] } }],
  ['drop', { types: [], objects: { appeal: ['appeal-withdrawn'], enhancement: ['charge-reduced'], suit: ['suit-dismissed'], criminal: ['dismissal'] } }],
  ['throw out', { types: ['dismissal', 'suit-dismissed'], objects: { suit: ['suit-dismissed'], criminal: ['dismissal'] } }],
  ['toss', { types: [], objects: { suit: ['suit-dismissed'], criminal: ['dismissal'] } }],
  ['appeal', { types: ['appeal'] }],
  ['withdraw', { types: ['resignation'], objects: { motion: [], appeal: ['appeal-withdrawn'], criminal: ['dismissal'] } }],
  ['withdrawal', { types: ['resignation'], objects: { motion: [], appeal: ['appeal-withdrawn'], criminal: ['dismissal'] } }],
  ['sue', { types: ['suit-filed'] }],
  ['countersue', { types: ['suit-filed'] }],
  // "filed a notice of appeal" is an appeal; "filed the notice to dismiss …" no charge: a notice names no event of its own.
  ['file', { types: [], objects: { motion: [], appeal: ['appeal'], notice: [], amended: ['charge-reduced'], suit: ['suit-filed'], criminal: ['charge'] } }],
  ['bring', { types: [], objects: { motion: [], suit: ['suit-filed'], criminal: ['charge'] } }],
  ['settle', { types: ['settlement'] }],
  ['settlement', { types: ['settlement'] }],
  ['resume', { types: [], objects: { film: ['production-resumed'], filming: ['production-resumed'] } }],
  ['resumption', { types: [], objects: { film: ['production-resumed'], filming: ['production-resumed'] } }],
  ['premiere', { types: ['premiere'] }],
  ['debut', { types: ['premiere', 'release'] }],
  ['release', { types: ['release', 'prison-release'], objects: { prison: ['prison-release'], film: ['release'] } }],
  ['in theater', { types: ['release'] }],
  ['appoint', { types: ['appointment'] }],
  ['appointment', { types: ['appointment'] }],
  ['resign', { types: ['resignation'] }],
  ['resignation', { types: ['resignation'] }],
  ['step down', { types: ['resignation'] }],
  ['step aside', { types: ['resignation', 'appointment'] }],
  ['retire', { types: ['retirement'] }],
  ['fine', { types: ['citation'] }],
  // "cited the company for safety violations" is a citation; "the judge cited prosecutorial misconduct" gives a reason.
  ['cite', { types: [], objects: { safety: ['citation'] } }],
  ['citation', { types: ['citation'] }],
  ['reconsider', { types: ['reconsideration', 'motion-denied'] }],
  ['reconsideration', { types: ['reconsideration', 'motion-denied'] }],
  ['reinstate', { types: ['suit-reinstated'] }],
  ['deny', { types: [], objects: { motion: ['motion-denied'] } }],
  // "refused to reopen the case", "rejected a request to reconsider": a motion denied.
  ['refuse', { types: [], objects: { motion: ['motion-denied'] } }],
  ['reject', { types: [], objects: { motion: ['motion-denied'] } }],
  ['decline', { types: [], objects: { motion: ['motion-denied'] } }],
  ['remove', { types: [], objects: { federal: ['suit-removed'], enhancement: ['charge-reduced'] } }],
  ['move', { types: [], objects: { federal: ['suit-removed'] } }],
];

/** Reporting verbs: a date next to them dates the statement, not what it is about. */
const REPORTING = ['say', 'tell', 'state', 'write', 'report', 'claim', 'allege', 'add', 'note', 'testify', 'confirm', 'reveal', 'argue', 'insist', 'explain', 'post', 'tweet', 'announce', 'according', 'indicate', 'acknowledge', 'admit', 'deny', 'describe', 'recall', 'share'];

export interface LexiconEntry {
  keys: string[];
  phrase: string;
  sense: Sense;
}

/** Entries by the lemma key of their first word. */
export const LEXICON = new Map<string, LexiconEntry[]>();
for (const [phrase, sense] of ENTRIES) {
  const keys = phrase.split(' ').map((w) => FORMS.add(w));
  const list = LEXICON.get(keys[0]) ?? [];
  list.push({ keys, phrase, sense });
  list.sort((a, b) => b.keys.length - a.keys.length);
  LEXICON.set(keys[0], list);
}

export const REPORTING_KEYS = new Set(REPORTING.map((w) => FORMS.add(w)));

/** The object class of a word's lemma key, if any. */
export function objectClass(key: string): string | undefined {
  return OBJECT_CLASS.get(key);
}

/** The types a sense names given the object classes present in its clause (in `OBJECTS` order). */
export function typesOf(sense: Sense, classes: Set<string>): string[] {
  if (sense.objects) {
    for (const [cls] of OBJECTS) if (classes.has(cls) && sense.objects[cls]) return sense.objects[cls]!;
  }
  return sense.types;
}

/** Whether a type is of the documented vocabulary. */
export function isKnownType(type: string): boolean {
  return Object.hasOwn(EVENT_TYPES, type);
}

/**
 * Reading a sentence well enough to say what a date in it dates: the predicate the date
 * modifies (its own clause; "on X", "in X", "X's", a premodifier as in "the 2021 shooting"),
 * what kind of event that predicate names, and whether the sentence claims it happened —
 * or only reports a statement, schedules it, negates it or supposes it. Shallow on purpose:
 * words, lemma keys, clause boundaries and a few cue words, no parser; where the reading is
 * unsure the answer is "another action", which the checker takes as unknown.
 */
import { isPastForm, type FormIndex } from './lemma';
import { FORMS, LEXICON, objectClass, REPORTING_KEYS, typesOf, type LexiconEntry } from './lexicon';
import type { Span } from '../recognise/sentences';

export interface Word extends Span {
  text: string;
  lower: string;
  key: string;
  /** Written with a possessive "'s": what follows is a noun it owns ("Hutchins's death"). */
  possessive?: boolean;
}

export interface Predicate extends Span {
  /** Index of its first and one past its last word. */
  from: number;
  to: number;
  entry: LexiconEntry;
}

export type Modality = 'plain' | 'reported' | 'scheduled' | 'negated' | 'hypothetical';

/** What a date in a sentence dates, as far as the sentence says. */
export type DateReading =
  | { kind: 'event'; predicate: Predicate; types: string[]; excluded: string[]; modality: Modality; why: string; governor?: { predicate: Predicate; types: string[] } }
  | { kind: 'announcement'; predicate: Predicate; types: string[]; excluded: string[]; why: string }
  | { kind: 'other'; why: string };

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/** Words that open a new clause: what follows them is about another action. */
const OPENERS = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'after', 'before', 'while', 'since', 'because', 'although', 'though', 'but', 'amid', 'following', 'until', 'unless', 'whereas', 'if', 'saying', 'that', 'as', 'once', 'and', 'or']);
/** Punctuation between words that ends a clause. */
const HARD_BREAK = /[;:()—–]|\s-\s/;
/** Verbs whose infinitive says the action happened ("was forced to dismiss", "agreed to drop"). */
const IMPLICATIVE = new Set(['forced', 'agreed', 'decided', 'voted', 'opted', 'chose', 'managed', 'ordered', 'moved', 'went', 'proceeded', 'ruled']);
const NEGATION = new Set(['not', "n't", 'never', 'no', 'nor', 'without']);
const HYPOTHETICAL = new Set(['if', 'could', 'might', 'may', 'would', 'should', 'whether', 'potential', 'potentially', 'possible', 'possibly', 'face', 'faces', 'facing', 'risk', 'seek', 'seeks', 'seeking', 'sought', 'ask', 'asks', 'asked', 'asking', 'move', 'moved', 'motion', 'want', 'wants', 'wanted', 'hope', 'hopes', 'threaten', 'threatened', 'try', 'tried', 'attempt', 'vow', 'vowed', 'plan', 'plans', 'planned']);
const SCHEDULING = /\b(will|shall|set for|set to|scheduled|slated|expected|expects|due to (?:be|stand|appear|begin|start|face|go|resume|open|testify|return|take|hear|rule|decide|file|receive|make|deliver|premiere|release)|due in|is to|are to|upcoming|planned|plans to|plan to|to begin|to start|later this|next)\b/i;
/** Auxiliaries and adverbs that may stand between a subject or a date and its verb. */
const AUX = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'did', 'does', 'do', 'will', 'would', 'also', 'then', 'later', 'initially', 'originally', 'formally', 'officially', 'finally', 'ultimately', 'first', 'previously', 'eventually', 'reportedly', 'accidentally', 'fatally', 'allegedly', 'already']);
/** Words a premodified event noun may carry between the date and itself ("the 2021 fatal shooting"). */
const PREMOD_FILLER = new Set(['fatal', 'deadly', 'accidental', 'on-set', 'set', 'film', 'film-set', 'movie', 'rust', 'tragic', 'prop', 'gun', 'fatally', 'alleged', 'criminal', 'civil', 'first', 'second', 'initial', 'original', 'shooting']);

/** The words of a sentence with lemma keys, and the lexicon's predicates among them. */
export function readWords(text: string, sentence: Span, extra?: { lexicon: Map<string, LexiconEntry[]>; forms: FormIndex }): { words: Word[]; predicates: Predicate[] } {
  const words: Word[] = [];
  const slice = text.slice(sentence.start, sentence.end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let w = m[0];
    const possessive = /['’]s$/i.test(w);
    if (possessive) w = w.slice(0, -2);
    const lower = w.toLowerCase().replace(/’/g, "'");
    const start = sentence.start + m.index;
    words.push({ start, end: start + w.length, text: w, lower, key: FORMS.get(lower) ?? extra?.forms.get(lower) ?? lower, ...(possessive ? { possessive } : {}) });
  }
  const predicates: Predicate[] = [];
  for (let i = 0; i < words.length; i++) {
    if (/^\p{Lu}/u.test(words[i].text) && i > 0 && !/^(In|The)$/.test(words[i].text) && !/^\p{Lu}+$/u.test(words[i - 1]?.text ?? '')) continue; // names are not predicates ("Rust", "Trial Court")
    const own = REPORTING_KEYS.has(words[i].key) || LEXICON.has(words[i].key) ? [] : extra?.lexicon.get(words[i].key) ?? [];
    for (const entry of [...(LEXICON.get(words[i].key) ?? []), ...own]) {
      if (entry.keys.every((k, j) => words[i + j]?.key === k)) {
        const to = i + entry.keys.length;
        predicates.push({ start: words[i].start, end: words[to - 1].end, from: i, to, entry });
        i = to - 1;
        break;
      }
    }
  }
  return { words, predicates };
}

/** Whether the text between two words breaks the clause. */
function breaksBetween(text: string, a: Word, b: Word): boolean {
  return HARD_BREAK.test(text.slice(a.end, b.start));
}

/** The clause around word index `i`: [from, to) word indexes, not crossing openers or hard punctuation. */
export function clauseAround(text: string, words: Word[], i: number): [number, number] {
  let from = i;
  while (from > 0 && !breaksBetween(text, words[from - 1], words[from]) && !opens(words, from)) from--;
  let to = i + 1;
  while (to < words.length && !breaksBetween(text, words[to - 1], words[to]) && !opens(words, to)) to++;
  return [from, to];
}

/** Words after "while"/"when" that show a reduced clause with no verb of its own. */
const REDUCED_AFTER = new Set(['on', 'in', 'at', 'during', 'inside', 'near', 'outside']);
/** Finite verbs that give a clause its predicate before a date ("X was the talk … on Friday"). */
const FINITE = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'remains', 'remained', 'became', 'becomes', 'seemed', 'seems']);

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which']);

/**
 * Whether word k opens a clause. "and"/"or" join names ("Morrissey and others") unless a verb
 * or a pronoun follows; "that" after a verb is a determiner when a plain noun follows
 * ("dismissed that lawsuit"), a complementiser otherwise ("said that the judge …").
 */
function opens(words: Word[], k: number): boolean {
  const w = words[k].lower;
  if (!OPENERS.has(w)) return false;
  const next = words[k + 1];
  // "while on the set", "when at the ranch": a reduced clause with no verb of its own belongs to the action before it.
  if ((w === 'while' || w === 'when') && next && REDUCED_AFTER.has(next.lower)) return false;
  if (w === 'and' || w === 'or') return !!next && (isVerbLike(next) || PRONOUNS.has(next.lower) || AUX.has(next.lower));
  if (w === 'that' && next && k > 0) {
    const prev = words[k - 1];
    const afterVerb = isPastForm(prev.lower) || LEXICON.has(prev.key);
    if (afterVerb && /^\p{Ll}/u.test(next.text) && !PRONOUNS.has(next.lower) && !/^(the|a|an|his|her|its|their|this|there)$/.test(next.lower) && !isVerbLike(next)) return false;
  }
  return true;
}

/** Verbs of beginning and ending, which date their subject ("the trial began"). */
const ASPECTUAL = new Set(['begin', 'start', 'open', 'end', 'conclude', 'close', 'resume', 'get']);

/** Nouns that an event noun before them only modifies. */
const MODIFIED_NOUNS = new Set(['suit', 'lawsuit', 'case', 'cases', 'charge', 'charges', 'investigation', 'probe', 'hearing', 'motion', 'claim', 'claims', 'complaint', 'attorney', 'lawyer', 'lawyers', 'attorneys', 'team', 'judge', 'prosecutor', 'prosecutors', 'date', 'deal', 'agreement', 'talks', 'documents', 'report', 'scene', 'site', 'weapon', 'gun']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'near', 'outside', 'since', 'during', 'from', 'by', 'until', 'of', 'last', 'this', 'that', 'the', 'earlier', 'late', 'early', 'mid']);

/** A predicate written as a noun ("the dismissal", "charges"), not as a verb ("dismissed", "settling"). */
function isNominal(words: Word[], p: Predicate): boolean {
  const w = words[p.from].lower;
  if (p.entry.sense.nounOnly) return true;
  if (isPastForm(w) || w.endsWith('ing') && !/^(sentencing|shooting|filing|hearing|ruling|killing|wounding|opening|resuming|settling)$/.test(w)) return false;
  // "fatally shooting cinematographer Halyna Hutchins": an adverb makes the -ing word a verb.
  if (w.endsWith('ing') && /ly$/.test(words[p.from - 1]?.lower ?? '') && !/^(early|only|family|rally)$/.test(words[p.from - 1].lower)) return false;
  if (/^(settling|resuming)$/.test(w)) return false;
  if (words[p.from - 1]?.possessive) return true; // "Hutchins's death", "Baldwin's trial"
  const before = words[p.from - 1]?.lower ?? '';
  return /^(a|an|the|his|her|its|their|this|that|whose|of|second|first|fatal|deadly|accidental|wrongful|criminal|civil|latest|new)$/.test(before) || /(s|al|ion|ment|ure|ing)$/.test(w);
}

/** Whether an event noun reaches a date: only across a short prepositional phrase or nothing. */
function nominalReaches(text: string, words: Word[], p: Predicate, di: number): boolean {
  const between = words.slice(p.to, di);
  // Commas only inside a place name ("in Torun, Poland, on Nov. 20").
  const gaps = between.map((w, k) => text.slice((k ? between[k - 1] : words[p.to - 1]).end, w.start)).concat(text.slice((between.at(-1) ?? words[p.to - 1]).end, words[di].start));
  const commaOk = gaps.every((g, k) => !g.includes(',') || (/^\p{Lu}/u.test(between[k - 1]?.text ?? '') && (k === between.length || /^\p{Lu}/u.test(between[k]?.text ?? '') || (k === between.length - 1 && PREPOSITIONS.has(between[k].lower)))));
  // Names are one phrase each, however many words they take ("at the Bonanza Creek Ranch in Santa Fe, New Mexico, on …").
  if (between.filter((w) => !/^\p{Lu}/u.test(w.text)).length > 8 || !commaOk) return false;
  // Prepositional phrases only ("the shooting on the Rust film set in 2021"): no verb between.
  return between.every((w, k) => (k === 0 ? PREPOSITIONS.has(w.lower) || /^\p{Lu}/u.test(w.text) : true) && !isVerbLike(w) && !AUX.has(w.lower));
}

function isVerbLike(w: Word): boolean {
  return isPastForm(w.lower) || REPORTING_KEYS.has(w.key) && /^(says|tells|said|told|according|announced|wrote|testified|claimed|alleged|added|noted|confirmed|reported|stated)$/.test(w.lower);
}

/** Object classes of all the words given (a label, a sentence). */
export function objectClassesOf(words: Word[]): Set<string> {
  return classesIn(words, 0, words.length);
}

/** Object classes of the words in a clause. */
function classesIn(words: Word[], from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let k = from; k < to; k++) {
    const c = objectClass(words[k].key);
    if (c) out.add(c);
  }
  return out;
}

/** Words before a date that make it a period's bound rather than an event's date. */
const PERIOD_BOUND = /^(beginning|starting|since|until|till|through|throughout|from)$/;
/** Words before an event noun that put the date inside the event. */
const DURING = /^(during|throughout|amid|amidst|midway)$/;
/** "the final days of", "the end of", "the course of" the event: a part of it. */
const PART_OF = /^(day|days|week|weeks|hours|end|middle|close|course|stage|stages|part|weeks)$/;

/** Whether words [from, to) put what follows inside an event ("during her trial", "in the final days of the trial"). */
function withinEvent(words: Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (DURING.test(words[k].lower)) return true;
    if (words[k].lower === 'of' && k > 0 && PART_OF.test(words[k - 1].lower)) return true;
  }
  return false;
}

/**
 * The event noun heading an "of" phrase that holds `p` ("the dismissal of the involuntary
 * manslaughter charge"): a phrase after both belongs to the head.
 */
function headOf(words: Word[], predAt: Map<number, Predicate>, p: Predicate): Predicate | undefined {
  for (let k = p.from - 1; k >= Math.max(0, p.from - 5); k--) {
    if (words[k].lower === 'of') {
      const head = predAt.get(k - 1);
      return head && isNominal(words, head) ? head : undefined;
    }
    if (isVerbLike(words[k]) || /^\p{Lu}/u.test(words[k].text) && k > 0) return undefined;
  }
  return undefined;
}

/**
 * The word an event noun's phrase hangs from, past its determiner and modifiers: "cleared" in
 * "cleared of the charges", "guilty" in "guilty of the felony charge", "faced" in "faced the
 * charges"; none when the noun follows its word directly or another predicate stands between.
 * Returns the word's index too: a word that is a predicate itself names its own event.
 */
function wordGoverning(words: Word[], predAt: Map<number, Predicate>, p: Predicate, cFrom: number): { word: Word; at: number } | undefined {
  let k = p.from - 1;
  let sawPreposition = false;
  while (k >= cFrom && k >= p.from - 5) {
    const w = words[k];
    if (/^(of|with|from)$/.test(w.lower)) sawPreposition = true;
    else if (!/^(the|a|an|his|her|their|its|all|both)$/.test(w.lower) && (sawPreposition || !/^\p{Ll}/u.test(w.text) || predAt.has(k) || isVerbLike(w))) break;
    k--;
  }
  if (k < cFrom || k >= p.from - 1) return undefined;
  // Without a preposition, only a determiner right after the word marks the noun as its object ("faced the charges").
  return sawPreposition || /^(the|a|an|his|her|their|its)$/.test(words[k + 1].lower) ? { word: words[k], at: k } : undefined;
}

/** How many prepositional phrases may stand between a verb and the date it keeps. */
const MAX_PHRASES_TO_VERB = 3;
const PHRASE_START = /^(in|on|at|for|to|with|within|of|by|from|about|over|during|after|before|since|against|into|amid|near)$/;

/** Prepositions in words [from, to): the phrases a date's attachment would have to reach across. */
function phrasesBetween(words: Word[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (PHRASE_START.test(words[k].lower)) n++;
  return n;
}

/** Read what the date at words [di, dj) dates. */
export function readDate(text: string, words: Word[], predicates: Predicate[], di: number, dj: number): DateReading {
  const predAt = new Map<number, Predicate>();
  for (const p of predicates) for (let k = p.from; k < p.to; k++) predAt.set(k, p);
  const [cFrom, cTo] = clauseAround(text, words, di);

  // "…, October 27, 2021." — a bare date set off by a comma at the end of the sentence dates
  // the sentence as a whole (a photo caption, a dateline), not an event inside it.
  if (di > 0 && dj === words.length && /^\s*,\s*$/.test(text.slice(words[di - 1].end, words[di].start)) && !PREPOSITIONS.has(words[di - 1].lower)) {
    return { kind: 'other', why: 'a date appended after a comma dates the whole sentence (a caption), not an event in it' };
  }
  const within = (p: Predicate) => p.from >= cFrom && p.to <= cTo;

  // 1. A premodifier: "the 2021 shooting", "the October 2021 incident", "2021's shooting".
  let k = dj;
  while (k < words.length && PREMOD_FILLER.has(words[k].lower) && !predAt.has(k)) k++;
  if (k < words.length && predAt.has(k) && !breaksBetween(text, words[dj - 1], words[dj])) {
    return event(text, words, predAt.get(k)!, cFrom, cTo, 'the date stands before the event noun');
  }

  // "Review by Mark Dujsik | May 2, 2025": a byline's date, set off by a bar.
  if (di > 0 && /\|/.test(text.slice(words[di - 1].end, words[di].start))) {
    return { kind: 'other', why: 'a date after a bar is a byline\'s or a dateline\'s' };
  }
  // "the appeal against the court's decision in July": the date tells which decision.
  if (/^(in|on|of|from)$/.test(words[di - 1]?.lower ?? '') && /^(decision|ruling|order|judgment|opinion|statement|remarks|interview|letter|report|filing)$/.test(words[di - 2]?.lower ?? '')) {
    return { kind: 'other', why: `the date tells which ${words[di - 2].text} is meant` };
  }
  // "beginning last March", "since April", "until July": the date bounds a period (a prison term, a stay), it dates no event.
  if (PERIOD_BOUND.test(words[di - 1]?.lower ?? '')) {
    return { kind: 'other', why: `the date bounds a period ("${words[di - 1].text} …"), it dates no event` };
  }

  // "a July decision", "Baldwin's January complaint": the date modifies a noun that names no event.
  const det = words[di - 1]?.lower ?? '';
  const next = words[dj];
  // (A possessive's noun that is the subject of the verb after it — "Baldwin's January lawsuit was filed" — goes on to that verb.)
  const subjectOfNext = /^(was|were|is|are|had|has)$/.test(words[dj + 1]?.lower ?? '') || predAt.has(dj + 1) && isPastForm(words[dj + 1].lower);
  if ((/^(a|an|the|this|that|its|his|her|their|last)$/.test(det) || words[di - 1]?.possessive && !subjectOfNext) && next && /^\p{Ll}/u.test(next.text) && !predAt.has(dj) && !/^(and|or|of|to|in|on|at|by|for|with|when|after|before)$/.test(next.lower) && !isVerbLike(next)) {
    return { kind: 'other', why: `the date describes "${next.text}", not an event` };
  }

  // 2. The nearest predicate or verb to the left within the clause; an event noun that is the
  // object of an event verb before it ("dismissed … charges", "convicted of the charge") gives way to the verb.
  for (let i = di - 1; i >= cFrom; i--) {
    let p = predAt.get(i);
    // A noun modifying another noun ("a wrongful death suit", "the shooting case") names no event here.
    if (p && isNominal(words, p) && MODIFIED_NOUNS.has(words[p.to]?.lower ?? '')) p = undefined;
    // An event noun reaches only a date right after it ("the dismissal in July"), a verb further.
    if (p && isNominal(words, p) && !nominalReaches(text, words, p, di)) p = undefined;
    // "was cleared of the charges in July", "faced the charges in 2023": the object of a verb
    // that names no event here; the date may be the verb's, so it is no claim about the noun.
    const governing = p && !isPastForm(words[p.from].lower) && !words[p.from].lower.endsWith('ing') ? wordGoverning(words, predAt, p, cFrom) : undefined;
    const governor = governing?.word;
    // "found Gutierrez guilty of the felony charge in March": the verdict's date, not the charge's.
    if (p && governor && /^(guilty|innocent)$/.test(governor.lower)) return { kind: 'other', why: `"${text.slice(p.start, p.end)}" is what someone was found ${governor.text} of; the date may be the verdict's` };
    // (Verbs of beginning and ending take the event itself: "began with jury selection on July 9".)
    if (p && governor && isPastForm(governor.lower) && !predAt.has(governing!.at) && !ASPECTUAL.has(governor.key) && !/^(was|were|had|been|did|said|began|started|ended|opened|closed|concluded|continued)$/.test(governor.lower)) {
      return { kind: 'other', why: `"${text.slice(p.start, p.end)}" is the object of "${governor.text}", whose date it may be` };
    }
    // "during her trial in Santa Fe on March 6": a day within the event, not its date.
    if (p && isNominal(words, p) && withinEvent(words, Math.max(cFrom, p.from - 5), p.from)) {
      return { kind: 'other', why: `the date is a day during "${text.slice(p.start, p.end)}", not its date` };
    }
    // "the dismissal of the charge last July": the date goes with the head noun, not the one in its "of" phrase.
    if (p && !isPastForm(words[p.from].lower)) p = headOf(words, predAt, p) ?? p;
    if (p && within(p)) {
      // A gerund is a verb of its own ("charged with killing X and injuring Y … in 2022"): it keeps the date.
      const gerund = words[p.from].lower.endsWith('ing') && !isNominal(words, p);
      if (!isPastForm(words[p.from].lower) && !gerund) {
        for (let k = p.from - 1; k >= Math.max(cFrom, p.from - 8); k--) {
          // Only an object close after its verb gives way ("dismissed the charges", "convicted of the
          // charge"); a noun in a later phrase is not its object ("sentenced to probation for her role in the death").
          if (words.slice(k + 1, p.from).filter((w) => /^(in|on|at|for|to|with|of|by|from|about|over|during|after|before|since|against)$/.test(w.lower)).length > 1) break;
          const verb = predAt.get(k);
          if (verb && isPastForm(words[verb.from].lower) && !verb.entry.sense.nounOnly) {
            p = verb;
            break;
          }
          if (isVerbLike(words[k])) break;
        }
      }
      // An event noun in a phrase after an event verb of its clause ("filed an appeal against the
      // dismissal of the case in November"): the date may go with the verb instead (see `governor`).
      const head = p;
      const governor = isNominal(words, head) ? predicates.find((v) => v !== head && v.to <= head.from && v.from >= cFrom && isPastForm(words[v.from].lower) && !v.entry.sense.nounOnly) : undefined;
      // A date after a long chain of phrases ("charged with X in the death of Y on the set of the
      // movie Z in 2021") more likely dates a noun near it than the verb far before it.
      if (!isNominal(words, p) && phrasesBetween(words, p.to, di - 1) > MAX_PHRASES_TO_VERB) {
        return { kind: 'other', why: `the date is too many phrases away from "${text.slice(p.start, p.end)}" to tell what it dates` };
      }
      const reading = event(text, words, p, cFrom, cTo, `"${text.slice(p.start, p.end)}" comes before the date in its clause`);
      if (governor && reading.kind === 'event') {
        const classes = classesIn(words, Math.max(cFrom, governor.from - 6), Math.min(cTo, governor.to + 8));
        reading.governor = { predicate: governor, types: typesOf(governor.entry.sense, classes) };
      }
      return reading;
    }
    if (isVerbLike(words[i]) || REPORTING_KEYS.has(words[i].key) && /^(said|says|told|tells|according)$/.test(words[i].lower)) {
      // "the trial opened on Feb. 22": a verb of beginning or ending dates its subject, an event noun.
      if (ASPECTUAL.has(words[i].key)) {
        for (let k = i - 1; k >= Math.max(cFrom, i - 4); k--) {
          const subject = predAt.get(k);
          if (subject && isNominal(words, subject)) return event(text, words, subject, cFrom, cTo, `"${text.slice(subject.start, words[i].end)}" comes before the date in its clause`);
        }
      }
      return reported(text, words, predicates, i, cFrom, cTo);
    }
  }

  // 3. The date opens its clause: the first verb (or, failing one, event noun) after it; an
  // apposition to the date ("On July 12, the third day of the trial, a judge dismissed") is skipped.
  let nominal: Predicate | undefined;
  for (let i = dj; i < cTo; i++) {
    const p = predAt.get(i);
    if (p && isNominal(words, p)) {
      nominal ??= p;
      continue;
    }
    if (p && !p.entry.sense.nounOnly) return event(text, words, p, cFrom, cTo, `the date opens the clause of "${text.slice(p.start, p.end)}"`);
    // "was forced to dismiss": the infinitive after an implicative verb is what happened.
    const then = predAt.get(i + 2);
    if (IMPLICATIVE.has(words[i].lower) && words[i + 1]?.lower === 'to' && then && !then.entry.sense.nounOnly) {
      return event(text, words, then, cFrom, Math.max(cTo, then.to), `the date opens the clause of "${words[i].text} to ${text.slice(then.start, then.end)}"`, true);
    }
    if (isVerbLike(words[i])) return reported(text, words, predicates, i, cFrom, cTo);
  }
  // An event noun after the date is its predicate only when the date opens its clause: after a
  // verb of its own ("X was the talk of the town on Friday about the shooting") it dates that verb.
  // Nor after an event word of its own that could not reach it ("the dismissal of charges against
  // X in the case on July 12, …, the legal process surrounding her death"): then it is unsure.
  const finite = words.slice(cFrom, di).find((w) => FINITE.has(w.lower) || isVerbLike(w)) ?? predicates.find((p) => p.from >= cFrom && p.to <= di && p.entry !== nominal?.entry);
  if (nominal && finite) return { kind: 'other', why: `the date goes with "${text.slice(finite.start, finite.end)}", and "${text.slice(nominal.start, nominal.end)}" after it is what that is about` };
  if (nominal) return event(text, words, nominal, cFrom, cTo, `the date opens the clause of "${text.slice(nominal.start, nominal.end)}"`);
  return { kind: 'other', why: 'no event word governs the date' };
}

/** The date goes with a verb that is not an event word: a statement, or another action. */
function reported(text: string, words: Word[], predicates: Predicate[], i: number, cFrom: number, cTo: number): DateReading {
  const verb = words[i];
  if (!REPORTING_KEYS.has(verb.key)) return { kind: 'other', why: `the date goes with "${verb.text}", another action` };
  // "X said that Y will be charged": the statement announces charges.
  const after = predicates.filter((p) => p.from > i && p.from - i <= 8);
  for (const p of after) {
    const before = words.slice(Math.max(i + 1, p.from - 3), p.from).map((w) => w.lower);
    const [f, t] = clauseAround(text, words, p.from);
    const types = typesOf(p.entry.sense, classesIn(words, f, t));
    if (types.includes('charges-announced') && before.some((w) => w === 'will' || w === 'would')) {
      return { kind: 'announcement', predicate: p, types: ['charges-announced'], excluded: ['charge'], why: `"${verb.text}" announces that charges will be brought` };
    }
  }
  void cFrom; void cTo;
  return { kind: 'other', why: `the date goes with "${verb.text}", a statement about the event, not the event` };
}

function event(text: string, words: Word[], p: Predicate, cFrom: number, cTo: number, why: string, implied = false): DateReading {
  const classes = classesIn(words, Math.max(cFrom, p.from - 6), Math.min(cTo, p.to + 8));
  const types = typesOf(p.entry.sense, classes);
  if (!types.length) return { kind: 'other', why: `"${text.slice(p.start, p.end)}" names no event of a known type here` };
  const sense = p.entry.sense;
  const could = new Set([...sense.types, ...Object.values(sense.objects ?? {}).flat() as string[]]);
  const excluded = [...could].filter((t) => !types.includes(t));
  return { kind: 'event', predicate: p, types, excluded, modality: implied ? 'plain' : modalityOf(text, words, p, cFrom, cTo), why };
}

/** What the clause does to its predicate: states it, schedules it, negates it or supposes it. */
function modalityOf(text: string, words: Word[], p: Predicate, cFrom: number, cTo: number): Modality {
  const before = words.slice(Math.max(cFrom, p.from - 4), p.from).map((w) => w.lower);
  // "set to be charged … for fatally shooting X in October 2020": what someone is charged for
  // happened; the schedule is the charge's. (Negation and hypotheticals still count.)
  const actCharged = words[p.from].lower.endsWith('ing') && !isNominal(words, p) && /^(for|with)$/.test(words[p.from - 1]?.lower ?? words[p.from - 2]?.lower ?? '')
    || words[p.from].lower.endsWith('ing') && /ly$/.test(words[p.from - 1]?.lower ?? '') && /^(for|with)$/.test(words[p.from - 2]?.lower ?? '');
  if (before.some((w) => NEGATION.has(w)) || /n't$/.test(before[before.length - 1] ?? '')) return 'negated';
  if (actCharged) return 'plain';
  // "asked the judge to dismiss" supposes; "ruled to dismiss", "was forced to dismiss" says it happened.
  if (before[before.length - 1] === 'to' && !/^(sentenc|plead)/.test(p.entry.keys[0]) && !(IMPLICATIVE.has(before[before.length - 2] ?? '') && before[before.length - 2] !== 'moved')) return 'hypothetical';
  if (words.slice(Math.max(cFrom, p.from - 6), p.from).some((w) => HYPOTHETICAL.has(w.lower))) return 'hypothetical';
  const clauseText = text.slice(words[cFrom].start, words[cTo - 1].end);
  if (SCHEDULING.test(clauseText) && !/\b(was|were|had been)\s+(\w+ly\s+)?(scheduled|set|slated|expected|due)\b/i.test(clauseText)) return 'scheduled';
  if (/\b(was|were|had been)\s+(\w+ly\s+)?(scheduled|set|slated|expected|due)\b/i.test(clauseText)) return 'scheduled';
  return 'plain';
}

/**
 * Whether an offset lies inside quotation marks (reported speech). Counted from the start of
 * its paragraph: news quotes run over several sentences, opening each paragraph afresh.
 */
export function insideQuotes(text: string, sentence: Span, at: number): boolean {
  const paragraph = text.lastIndexOf('\n', sentence.start) + 1;
  const before = text.slice(paragraph, at);
  const opens = (before.match(/[“]/g) ?? []).length - (before.match(/[”]/g) ?? []).length;
  const straight = (before.match(/(^|[\s(])"|"(?=[\s,.;:!?)]|$)/g) ?? []).length % 2 === 1;
  return opens > 0 || straight;
}

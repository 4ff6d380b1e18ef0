/**
 * What the name tagger finds that a reader would not call a name, left out before anything
 * is highlighted: headlines and title-case phrases ("Vigil Held To Honor Life Of …"), a common
 * word starting a sentence or a quote ("“However"), bylines ("By Caden Pearson"), photo
 * credits ("Luis Sánchez Saturno-Pool/Getty Images"), court documents ("the Amended Motion"),
 * dates and holidays, bare punctuation. Some names get the right kind instead: a dateline in
 * capitals is a place, a publication cited ("according to Variety") an organisation, a wife or
 * son named by the first name a person. The tagger itself is unchanged (its CoNLL scores are
 * its own); this runs on an article's mentions, where the article's layout is known.
 */
import type { Mention } from '../types';
import type { NameMention } from './names';
import { SpanIndex } from '../util/spans';

/** Closed-class and sentence-opening words that the tagger takes for names when capitalised. */
const COMMON = new Set(('however yes no well your our my his her their its the a an this that these those one two above below ' +
  'good great here there today yesterday tomorrow meanwhile still also but and or so yet then now thus therefore instead ' +
  'after before when while if although though because since until during despite according asked says said ' +
  'by in on at for with from of to as alas indeed moreover furthermore nevertheless nonetheless unfortunately fortunately ironically apparently notably likewise otherwise').split(' '));
/** Plural role words capitalised in legal prose: parties, not names. */
const PARTIES = /^(Plaintiffs?|Defendants?|Prosecutors|People|Jurors|Officials|Authorities|Petitioners?|Respondents?)$/;
const HOLIDAYS = /^(Christmas|Easter|Thanksgiving|Halloween|Hanukkah|Passover|Ramadan|Diwali)$/;
/** Words that end the name of a court paper, not of an organisation. */
const DOCUMENTS = /\b(Motion|Motions|Sanctions|Order|Brief|Complaint|Petition|Memorandum|Ruling|Opinion|Filing)$/;
/** Words a title-case headline capitalises that a name never would in its middle. */
const HEADLINE_WORDS = /^(To|Of|In|On|At|For|With|From|By|Is|Are|Was|Were|Be|Can|Could|Will|Would|Should|That|This|After|Before|As|Into|Over|Says|Say|Said|Held)$/;
const TITLE_WORDS = /^(Judge|Justice|Secretary|Sheriff|Commissioner|DA|D\.A\.)$/;
/** References to a part of a law ("Article III"), not names. */
const LAW_PARTS = /^(Article|Section|Chapter|Title|Amendment|Rule|Count)\s+([IVXLC]+|\d+)\b/;
/** Last words that make a name an institution, whatever the tagger said ("Hallmark Channel", "Environment Cabinet"). */
const INSTITUTIONS = /\b(Channel|Cabinet|Network|Department|Agency|Bureau|Office|Committee|Council|Commission|University|College|Times|News|Post|Journal|Magazine|Reporter|Gazette|Tribune|Herald|Mail|Press|Radio|Television|Studios|Productions|Films|Pictures)$/;
/** A firm named by its partners: "Lee, Gober & Reyna", "Panish | Shea | Ravipudi LLP". */
const FIRM = /\b\p{Lu}[\p{L}'’-]+(?:(?:,\s+|\s+\|\s+|\s*&\s*)\p{Lu}[\p{L}'’-]+){1,4}(?:,?\s+(?:LLP|LLC|PLLC|P\.C\.))?/gu;
const KIN = /\b(wife|husband|widow|widower|son|daughter|brother|sister|mother|father|partner)[,]?\s+$/i;
const CITED = /\b(according to|per|obtained by|reported by|reports? in|told)\s+$/i;

/** Names of an article worth highlighting, some with a corrected kind (dates are passed in to drop overlaps). */
export function filterNames(text: string, names: NameMention[], dates: Mention[] = []): NameMention[] {
  // Looked up by position: an article has thousands of names, dates and title-case runs.
  const runs = new SpanIndex(titleCaseRuns(text));
  const datesAt = new SpanIndex(dates);
  const namesAt = new SpanIndex(names);
  const out: NameMention[] = [];
  const firms = new SpanIndex(firmsIn(text));
  for (const firm of firms.within(0, text.length)) if (namesAt.overlaps(firm.start, firm.end)) out.push(firm);
  for (const original of names) {
    if (firms.overlaps(original.start, original.end)) continue; // one firm, not its partners
    const m = trimmed(text, widened(text, original));
    if (!m) continue;
    const exact = text.slice(m.start, m.end);
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 20);
    const single = !/\s/.test(exact);
    const block = blockOf(text, m.start);
    if (!/\p{L}/u.test(exact)) continue; // bare punctuation
    if (datesAt.overlaps(m.start, m.end)) continue; // "March 31st"
    if (single && (COMMON.has(exact.toLowerCase()) || PARTIES.test(exact) || HOLIDAYS.test(exact) || TITLE_WORDS.test(exact))) continue;
    if (/^[\w'’-]+\s+(?:winning|-winning|nominated|award)/i.test(exact + after) && /^(Emmy|Oscar|Grammy|Tony|Golden Globe|Pulitzer)/.test(exact)) continue;
    if (DOCUMENTS.test(exact)) continue;
    if (/\//.test(exact) || /\((?=[^)]*$)[^)]*$/.test(before) && /^[^(]*\)/.test(after) && /Getty|Photo|Pool|Reuters|AP\b|AFP|Images|Credit/i.test(text.slice(m.start - 40, m.end + 40))) continue; // photo credit
    if (/(^|\n|[.!?]\s+)By:?\s+$/.test(before) || /\bBy:\s+$/.test(before) || /\bBy\s+$/.test(before) && m.kind === 'person' || /^\s+\d{1,2}\/\d{1,2}\/\d{2,4}/.test(after)) continue; // byline
    if (LAW_PARTS.test(exact)) continue;
    if (m.kind !== 'person' && /^[\p{Lu}\s.,]+$/u.test(exact) && single && isAllCapsWord(exact) && !/^(FBI|OSHA|KRQE|CBSLA)$/.test(exact) && VERBISH.test(exact.toLowerCase())) continue;
    if (isHeadlineBlock(block.text) || runs.overlaps(m.start, m.end)) continue; // a headline or a title-case phrase
    if (isWorkTitle(text, m, exact, before, after)) continue;
    let kind = m.kind;
    let end = m.end;
    if (INSTITUTIONS.test(exact)) kind = 'organization'; // "Hallmark Channel alum"
    if (kind === 'organization' && single && /^\s*(native|-based|resident|residents)\b/.test(after)) kind = 'place'; // "Livingston native"
    const office = (/['’]s$/.test(exact) ? /^\s+(office|department)\b/i : /^['’]s\s+(office|department)\b/i).exec(after);
    if (office && !/^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+$/u.test(exact)) { // "the Santa Fe County Sheriff’s office"
      kind = 'organization';
      end = m.end + office[0].length;
    }
    if (/^[\p{Lu}\s.,]+$/u.test(exact) && block.start === m.start - leadingSpace(text, block.start) && /^\s*[(,–—-]/.test(after)) kind = 'place'; // a dateline: "LOS ANGELES (CBSLA) –"
    if (kind === 'place' && single && CITED.test(before)) kind = 'organization'; // "according to Variety"
    if (kind !== 'person' && single && KIN.test(before)) kind = 'person'; // "his wife, Hilaria"
    out.push(kind === m.kind && m === original && end === m.end ? m : { ...m, kind, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Places whose name begins with "The". */
const THE_PLACES = /^The (Netherlands|Hague|Bronx|Gambia|Bahamas|Philippines|Vatican)\b/;

/**
 * A work's title, not a name: "The Old Way" or "The Matrix Reloaded" capitalised mid-sentence
 * with no institution's word in it ("The New York Times" keeps "Times"), or a name alone in
 * quotation marks ("the former '30 Rock' star").
 */
function isWorkTitle(text: string, m: NameMention, exact: string, before: string, after: string): boolean {
  if (m.kind !== 'person' && /^The\s/.test(exact) && !INSTITUTIONS.test(exact) && !/\b(Press|Guardian|Independent|Economist|Atlantic|Associated)\b/.test(exact) && !THE_PLACES.test(exact)
    && /\p{Ll}[,]?\s+$/u.test(before)) return true;
  const quoted = /(?:^|\s)['‘“"](?:\d+\s)?$/.test(before) && /^['’”"]/.test(after);
  // "the set of Rush", "the film Rush": a single word a work's set or a film is named by is its title.
  const titled = !/\s/.test(exact) && /\b(?:the\s+)?(?:(?:film|movie|western|documentary|series)|set\s+of(?:\s+the\s+(?:film|movie))?)\s+$/i.test(before);
  return (quoted || titled) && m.kind !== 'person';
}

/** Firms named by their partners, as one organisation each. */
function firmsIn(text: string): NameMention[] {
  const out: NameMention[] = [];
  FIRM.lastIndex = 0;
  for (let m = FIRM.exec(text); m; m = FIRM.exec(text)) {
    if (!/[&|]|\bLLP\b|\bLLC\b/.test(m[0])) continue; // a plain list of names is not a firm
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'organization' });
  }
  return out;
}

/**
 * An organisation the tagger cut short, widened over the capitalised words right next to it
 * ("Good [Morning America]", "The [Hollywood] Reporter", "E! [News]"); never over a sentence's
 * first word or a title.
 */
function widened(text: string, m: NameMention): NameMention {
  if (m.kind !== 'organization') return m;
  let start = m.start;
  let end = m.end;
  for (;;) {
    const left = /(?:^|[^\n.!?:;”"]\s|[.!?]\s)((?:\p{Lu}[\p{L}]*|\p{Lu}!))\s$/u.exec(text.slice(Math.max(0, start - 30), start));
    if (!left || TITLE_WORDS.test(left[1]) || COMMON.has(left[1].toLowerCase()) && !/^(The|Good)$/.test(left[1])) break;
    const at = start - left[1].length - 1;
    if (!left[1].endsWith('!') && /(^|[.!?]\s+|\n)$/.test(text.slice(Math.max(0, at - 3), at))) break; // a sentence's first word (a brand like "E!" may start one)
    start = at;
  }
  const right = /^\s(\p{Lu}[\p{L}'’]+)\b/u.exec(text.slice(end, end + 30));
  if (right && INSTITUTIONS.test(right[1])) end += right[0].length;
  // "the First Judicial District": no name ends with "Judicial"; the district or court is its end.
  else if (right && /Judicial$/.test(text.slice(start, end)) && /^(District|Court|Circuit)$/.test(right[1])) end += right[0].length;
  return start === m.start && end === m.end ? m : { ...m, start, end };
}

/** Words the tagger takes for names in capitals ("UPDATED", "SUES"): past tenses and third persons. */
const VERBISH = /^(updated|sues|says|files|charged|dismissed|slams|reveals|breaking|exclusive|watch|update|trailer|review|opinion|analysis)$/;

function isAllCapsWord(w: string): boolean {
  return w.length >= 4 && w === w.toUpperCase();
}

/** A mention without leading dashes, quotes or "By " and without a trailing title word ("… District Judge"). */
function trimmed(text: string, m: NameMention): NameMention | null {
  let start = m.start;
  let end = m.end;
  while (start < end && /[\s“”"'‘’—–\-(]/.test(text[start])) start++;
  if (/^By:?\s/.test(text.slice(start, end))) start += /^By:?\s+/.exec(text.slice(start, end))![0].length;
  const words = text.slice(start, end).split(/\s+/);
  if (words.length > 1 && TITLE_WORDS.test(words[words.length - 1]) && m.kind !== 'person') end = start + text.slice(start, end).lastIndexOf(words[words.length - 1]) - 1;
  while (end > start && /[\s“”"'‘’—–\-&]/.test(text[end - 1])) end--;
  if (end <= start) return null;
  return start === m.start && end === m.end ? m : { ...m, start, end };
}

function leadingSpace(text: string, at: number): number {
  let n = 0;
  while (/\s/.test(text[at + n] ?? '')) n++;
  return -n;
}

/** The block (paragraph) around an offset. */
function blockOf(text: string, at: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
}

/**
 * A headline or kicker standing as a block of its own: no sentence in it ends, and most of
 * its longer words are capitalised ("Alec Baldwin SUES four members of Rust's crew:").
 */
function isHeadlineBlock(block: string): boolean {
  if (/[.!?]["”’)]?\s*$/.test(block.trim()) || block.length > 200) return false;
  // A table row or a score line ("Japan 2 Syria 1"), not a headline: counts that are neither days nor years.
  const counts = block.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b(1[89]|20)\d\d\b/g, ' ').match(/\b\d+\b/g) ?? [];
  if (counts.length >= 2) return false;
  const words = block.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length >= 4);
  if (long.length < 3) return false;
  const caps = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / long.length >= 0.6 || /\b[\p{Lu}]{4,}\b/u.test(block) && caps / long.length >= 0.4;
}

/**
 * Title-case phrases inside running text ("Vigil Held To Honor Life Of Cinematographer",
 * "From Trial Dismissal to Federal Firefight The"): four or more capitalised words in a row,
 * one of them a word a name never capitalises in its middle.
 */
function titleCaseRuns(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const word = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&-]|\.(?=\p{L}))*/gu; // "D.A." is one word, a sentence's final period is not
  let run: { start: number; end: number; count: number; headline: boolean } | null = null;
  const close = () => {
    if (run && run.count >= 4 && run.headline) out.push({ start: run.start, end: run.end });
    run = null;
  };
  let last = 0;
  let previousCapitalised = false;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const w = m[0];
    const gap = text.slice(last, m.index);
    last = m.index + w.length;
    if (/[\n.!?:;,“”"()—–]/.test(gap)) {
      close();
      previousCapitalised = false;
    }
    if (/^\p{Lu}/u.test(w)) {
      if (!run) run = { start: m.index, end: last, count: 0, headline: false };
      const first = run.count === 0;
      run.count++;
      run.end = last;
      if (HEADLINE_WORDS.test(w) && !first) run.headline = true;
      if (HEADLINE_WORDS.test(w) && first && !/^(The|A|An|And|Or|In|At|On|By)$/.test(w)) run.headline = true;
      // "Firefight The lawsuit": an article glued to a capitalised word ("… and The Los Angeles Times" is two names).
      if (/^(The|A|An)$/.test(w) && !first && previousCapitalised) run.headline = true;
      previousCapitalised = true;
    } else if (run && /^(to|of|and|the|a|in|on|at|for|or)$/.test(w)) {
      previousCapitalised = false;
      // small words inside a title keep the run going
    } else {
      close();
      previousCapitalised = false;
    }
  }
  close();
  return out;
}

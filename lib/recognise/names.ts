/**
 * Names of people, organisations and places in news text. A rule-based first version:
 * runs of capitalised words, typed by the cues news writing gives (titles before people,
 * institutional words in organisations, prepositions and place words before places).
 * Names the case dataset knows are found by the linker's alias index on top of this, so
 * known people are never missed even where these rules are unsure.
 */
import type { Mention, NameKind } from '../types';
import { splitSentences } from './sentences';

export interface NameMention extends Mention {
  kind: NameKind;
}

const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'van', 'von', 'der', 'da', 'du', 'bin', 'al', '&']);
/** Titles written capitalised before a name ("Sheriff Adan Mendoza"): the name starts after them. */
const TITLE_WORDS = new Set('Mr Mrs Ms Miss Dr Judge Justice Sheriff Detective Det Cpl Sgt Officer Deputy Gov Governor Sen Senator Rep Representative President Prosecutor Attorney Actor Actress Director Producer Chief Captain Capt Lt Gen General Mayor Minister Secretary Sir Dame Lord Lady Prince Princess King Queen Pope Rev Professor Prof Agent Special District Assistant'.split(' '));
const PLACES = new Set(('Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming|' +
  'New Mexico|New York|New Jersey|New Hampshire|North Carolina|South Carolina|North Dakota|South Dakota|Rhode Island|West Virginia|Santa Fe|Albuquerque|Los Angeles|Hollywood|Chicago|Boston|London|Paris|Berlin|Moscow|Beijing|Tokyo|Ukraine|Russia|China|Japan|India|Israel|Gaza|Iran|Iraq|Syria|Afghanistan|Pakistan|Mexico|Canada|Brazil|Britain|England|Scotland|Wales|Ireland|France|Germany|Italy|Spain|Poland|Portugal|Greece|Turkey|Egypt|Nigeria|Kenya|Australia|Europe|Asia|Africa|America|United States|U.S.|UK|U.K.|Toruń|Torun').split('|'));
const TITLES = /\b(Mr|Mrs|Ms|Miss|Dr|Judge|Justice|Sheriff|Detective|Det|Cpl|Sgt|Officer|Deputy|Gov|Governor|Sen|Senator|Rep|Representative|President|Prosecutor|Attorney|Lawyer|Actor|Actress|Director|Producer|Cinematographer|Armorer|Armourer|Chief|Coach|Captain|Capt|Lt|Gen|General|Mayor|Minister|Prime Minister|Secretary|Sir|Dame|Lord|Lady|Prince|Princess|King|Queen|Pope|Rev|Father|Sister|Brother|Professor|Prof|Dean|Agent|Special Prosecutor|District Attorney|Attorney General|singer|rapper|actor|actress|director|producer|prosecutor|attorney|lawyer|judge|sheriff|cinematographer|armorer|spokesperson|spokesman|spokeswoman|CEO|chairman|chairwoman|founder|author|writer|journalist|reporter|editor|photographer|star|player|coach|manager|senator|congressman|congresswoman|mayor|governor|president|detective|officer|widower|widow|son|daughter|wife|husband|mother|father)\.?\s+$/;
const ORG_WORDS = /\b(Office|Court|Department|Dept|University|College|School|Inc|Corp|Corporation|Company|Co|LLC|Ltd|Group|Association|Commission|Committee|Council|Board|Bureau|Agency|Police|Party|Times|News|Post|Press|Journal|Network|Institute|Foundation|Ministry|Parliament|Congress|Senate|House|Assembly|Bank|Fund|Union|Federation|League|Club|Studios?|Pictures|Films|Productions|Records|Entertainment|Media|Museum|Hospital|Center|Centre|Church|Army|Navy|Force|Guard|Service|Services|Administration|Authority|Organization|Organisation|Society|Trust|Airlines|Motors|Technologies|Labs|Partners|Holdings|Festival|FBI|CIA|NASA|NATO|UN|EU|BBC|CNN|AP|Reuters|Variety)\b/;
const PLACE_WORDS = /\b(County|City|State|Province|River|Lake|Mountain|Mountains|Valley|Island|Islands|Bay|Ocean|Sea|Street|Avenue|Road|Park|Ranch|Airport|Beach|Coast|Canyon|Desert|Forest|Republic|Kingdom|Territory|Region|District)\b/;
const PLACE_BEFORE = /\b(in|at|from|near|to|across|outside|inside|into|toward|towards|throughout|around|via)\s+(the\s+)?$/i;
const NOT_NAMES = new Set(
  ('The A An And But Or If In On At Of For With By From To As It Its He She They We I You His Her Their Our My This That These Those There Here When While After Before ' +
    'Since Because Although Though However Meanwhile Also Still Yet So Then Now Today Yesterday Tomorrow According Last Next Earlier Later What Who Why How Where Which ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Key Advertisement Photo Image Video Read More Related Share Subscribe Sign Log Click Watch Listen Updated Published Posted ' +
    'AI Summary Production Prosecutors Lawyers Investigators Officials Authorities Police Critics Supporters Sources Residents Experts Analysts One Two Three Both Many Some Most All No Not Every Each Any Other Another ' +
    'Actor Actress Special District Attorney Prosecutor Why Was Is Are Were Be Been Being Could Would Should Will Can May Might Must Did Does Do Had Has Have')
    .split(' '),
);

const WORD = /[\p{Lu}][\p{L}\p{M}'’.-]*|[\p{Ll}][\p{L}\p{M}'’-]*|&/gu;

/** Find names with a kind. Pure over text; cheap enough for every page load. */
export function recogniseNames(text: string): NameMention[] {
  const mentions: NameMention[] = [];
  for (const sentence of splitSentences(text)) {
    const s = text.slice(sentence.start, sentence.end);
    const words = [...s.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
    for (let i = 0; i < words.length; i++) {
      if (!isCapitalised(words[i].text) || NOT_NAMES.has(stripPunct(words[i].text))) continue;
      let j = i;
      while (j + 1 < words.length && adjacent(s, words[j], words[j + 1])) {
        const next = words[j + 1];
        if (isCapitalised(next.text) && !NOT_NAMES.has(stripPunct(next.text))) { j++; continue; }
        if (CONNECTORS.has(next.text) && j + 2 < words.length && isCapitalised(words[j + 2].text) && adjacent(s, next, words[j + 2])) { j += 2; continue; }
        break;
      }
      // "Sheriff Adan Mendoza", "Special Prosecutor Andrea Reeb": the name starts after the title.
      for (let k = j - 1; k >= i; k--) {
        if (TITLE_WORDS.has(words[k].text.replace(/\.$/, '')) && k + 1 <= j) { i = k + 1; break; }
      }
      const first = words[i];
      const last = words[j];
      let end = last.end;
      while (end > first.start && /['’.-]/.test(s[end - 1]) && !/\b\p{Lu}\.$/u.test(s.slice(first.start, end))) end--;
      if (/['’]s$/.test(s.slice(first.start, end))) end -= 2;
      const name = s.slice(first.start, end);
      i = j;
      if (name.length < 2 || /^\p{Lu}\.?$/u.test(name)) continue;
      const atStart = first.start === 0 || /^[\s“"‘'(—–-]*$/.test(s.slice(0, first.start));
      const single = first === last;
      if (single && atStart && !mentionedElsewhere(text, name)) continue;
      const kind = typeOf(name, s.slice(0, first.start), s.slice(end), single);
      if (!kind) continue;
      mentions.push({ start: sentence.start + first.start, end: sentence.start + end, kind });
    }
  }
  return resolveSurnames(text, mentions);
}

function typeOf(name: string, before: string, after: string, single: boolean): NameKind | null {
  if (/\b(Act|Law|Amendment|Code|Constitution|Bill|Treaty|Award|Awards|Prize)$/.test(name)) return null; // laws and prizes are not people
  if (PLACES.has(name)) return 'place';
  if (ORG_WORDS.test(name) || /^[A-Z]{2,6}$/.test(name)) return 'organization';
  if (TITLES.test(before)) return 'person';
  if (PLACE_WORDS.test(name)) return 'place';
  if (/^,\s+(N\.M\.|Calif\.|Ariz\.|Texas|New Mexico|[A-Z][a-z]+\.?)(,|\s|$)/.test(after) && single) return 'place';
  if (PLACE_BEFORE.test(before) && single) return 'place';
  if (/^\s*(said|says|told|added|argued|wrote|testified|alleges|alleged|claimed|denied|pleaded|was|is|has|had|who|,\s+(who|the|a|an)\b)/.test(after)) return 'person';
  if (/['’]s?\s*$/.test(name)) return 'person';
  return single ? null : 'person';
}

/** A lone capitalised word starts a sentence in any case; keep it only if it recurs capitalised mid-sentence. */
function mentionedElsewhere(text: string, word: string): boolean {
  const re = new RegExp(`[a-z,;]\\s+${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  return re.test(text);
}

/** "Baldwin" after "Alec Baldwin" is the same person, even where the rules could not tell. */
function resolveSurnames(text: string, mentions: NameMention[]): NameMention[] {
  const surnames = new Set<string>();
  for (const m of mentions) {
    const parts = text.slice(m.start, m.end).split(/\s+/);
    if (m.kind === 'person' && parts.length > 1) surnames.add(parts[parts.length - 1]);
  }
  const seen = new Set(mentions.map((m) => `${m.start}`));
  const re = /[\p{Lu}][\p{L}'’-]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].replace(/['’]s?$/, '');
    if (!surnames.has(word) || seen.has(`${m.index}`)) continue;
    if (mentions.some((x) => m!.index >= x.start && m!.index < x.end)) continue;
    mentions.push({ start: m.index, end: m.index + word.length, kind: 'person' });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function stripPunct(word: string): string {
  return word.replace(/[.'’]+$/, '').replace(/['’]s$/, '');
}

function adjacent(s: string, a: { end: number }, b: { start: number }): boolean {
  return /^[ \u00a0]$/.test(s.slice(a.end, b.start));
}

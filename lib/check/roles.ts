/**
 * Role claims: "special prosecutor Kari Morrissey", "Joel Souza, the film's director". The
 * title written next to a linked person is compared with the roles the case gives that
 * person, as of the article's publication date.
 */
import { granularityOf, humanDate, isOnOrBefore, sameAtCoarser } from '../dates/calendar';
import { isVerified, type Role } from '../cases/format';
import type { LinkedMention } from '../link/link';
import type { CheckedClaim } from './claim';
import type { CheckContext } from './context';
import { insideQuotes } from './reader';
import { spanIndexAt } from '../recognise/sentences';

/** Titles news writes, each with the words a case's role text uses for it. */
export const TITLES: [RegExp, string, string[]][] = [
  [/special prosecutors?/i, 'special prosecutor', ['special prosecutor']],
  [/district attorney|\bDA\b/i, 'district attorney', ['district attorney']],
  [/attorney general/i, 'attorney general', ['attorney general']],
  [/prosecutors?/i, 'prosecutor', ['prosecutor', 'district attorney']],
  [/(district |presiding )?judge/i, 'judge', ['judge']],
  [/sheriff/i, 'sheriff', ['sheriff']],
  // The armorer under the other names news gives the job ("production gunsmith", "weapons handler").
  [/armou?rer|gunsmith|weapons? (?:handler|supervisor|specialist|master|wrangler)/i, 'armorer', ['armorer', 'armourer']],
  [/cinematographer|director of photography/i, 'cinematographer', ['cinematographer', 'director of photography']],
  [/assistant director/i, 'assistant director', ['assistant director']],
  [/prop master/i, 'prop master', ['prop master']],
  [/director/i, 'director', ['director']],
  [/(co-)?producer/i, 'producer', ['producer']],
  [/actor|actress|star/i, 'actor', ['actor', 'actress']],
  [/attorney|lawyer|counsel/i, 'attorney', ['attorney', 'lawyer', 'counsel', 'prosecutor']],
  [/detective/i, 'detective', ['detective']],
  // Other crew jobs a writer may give someone by mistake: a case person who held none of them conflicts.
  [/costume designer|costumer|wardrobe/i, 'costumer', ['costume', 'wardrobe']],
  [/make-?up artist/i, 'make-up artist', ['make-up', 'makeup']],
  [/script supervisor/i, 'script supervisor', ['script supervisor']],
  [/screenwriter|writer/i, 'writer', ['writer']],
  [/stunt (?:double|coordinator|performer)/i, 'stunt performer', ['stunt']],
  [/camera operator|cameraman|camerawoman/i, 'camera operator', ['camera operator', 'cinematographer', 'director of photography']],
  [/spokes(person|man|woman)/i, 'spokesperson', ['spokesperson', 'spokesman', 'spokeswoman']],
];

export const TITLE_WORDS = '(?:special prosecutor|district attorney|attorney general|prosecutor|judge|sheriff|armou?rer|gunsmith|weapons? (?:handler|supervisor|specialist|master|wrangler)|cinematographer|director of photography|assistant director|prop master|director|co-producer|producer|actor|actress|attorney|lawyer|counsel|detective|spokes(?:person|man|woman)|costume designer|costumer|make-?up artist|script supervisor|screenwriter|writer|stunt (?:double|coordinator|performer)|camera operator|cameraman|camerawoman)';
/**
 * "special prosecutor Kari Morrissey", "Santa Fe County Sheriff Adan Mendoza": the title right
 * before the name, nothing but a space between (a title ending the sentence before is not one).
 */
const BEFORE = new RegExp(`\\b(${TITLE_WORDS})[ \\u00a0]+$`, 'i');
/** "The movie's assistant director, Joel Souza, …": a title in apposition before the name. */
const BEFORE_APPOSITION = new RegExp(`(?:^|[.;:!?]\\s+|,\\s+|\\b(?:and|but|while|as|when|said|says)\\s+)(?:the|a|an|its|his|her|their)\\s+(?:[\\w’'-]+\\s+){0,2}?(${TITLE_WORDS}),\\s+$`, 'i');
/**
 * "Joel Souza, the film's director, …", "Halyna Hutchins, the cinematographer on Rust.": an
 * apposition closed by a comma or the sentence's end — "Alec Baldwin, the special prosecutor
 * in the case is stepping down" names the clause's subject, not Baldwin's role.
 */
const AFTER = new RegExp(`^,\\s+(?:the|a|an|its|his|her|their)\\s+(?:[\\w’'-]+\\s+){0,2}?(${TITLE_WORDS})(?:\\s+(?:of|on|for|in|at)\\s+(?:(?!\\b(?:is|was|are|were|has|have|had|will|would|can|could|said|says|did|does)\\b)[^,.;:!?]){1,60}?)?\\s*(?:,|[.;!?]|$)`, 'i');

/** Check the title written next to each linked person. */
export function checkRoles(ctx: CheckContext): Map<LinkedMention, CheckedClaim> {
  const out = new Map<LinkedMention, CheckedClaim>();
  for (const m of ctx.mentions) {
    if (m.kind !== 'person' || !m.entity) continue;
    const person = ctx.index.entities.get(m.entity)?.person;
    if (!person?.roles?.length) continue;
    const i = spanIndexAt(ctx.sentences, m.start);
    if (i < 0 || insideQuotes(ctx.text, ctx.sentences[i], m.start)) continue; // quoted: what someone else wrote
    const sentenceStart = ctx.sentences[i].start;
    const sentenceEnd = ctx.sentences[i].end;
    const left = ctx.text.slice(Math.max(sentenceStart, m.start - 60), m.start);
    const before = BEFORE.exec(left) ?? apposedBefore(ctx, left, m.start);
    const after = AFTER.exec(ctx.text.slice(m.end, Math.min(sentenceEnd, m.end + 100)) + (m.end + 100 >= sentenceEnd ? '' : ' '));
    const written = before?.[1] ?? after?.[1];
    if (!written) continue;
    const title = TITLES.find(([re]) => re.test(written));
    if (!title) continue;
    const claim = judge(ctx, m, person.name, title[1], title[2], person.roles);
    // "Kenney, a respected armorer,": an indefinite title tells a trade, not a role in the case's story.
    if (!before && /^,\s+an?\s/i.test(after?.[0] ?? '') && claim.verdict === 'conflict') {
      claim.verdict = 'unknown';
      claim.explanation += ' Not flagged: "a …" after a name tells a trade the person may have, not a role in this story.';
    }
    out.set(m, claim);
  }
  return out;
}

/**
 * A title in apposition before the name — unless a name stands right before it ("David Halls,
 * the assistant director, Sarah Zachry, the prop master"): in such a list the title is the
 * earlier name's.
 */
function apposedBefore(ctx: CheckContext, left: string, at: number): RegExpExecArray | null {
  const found = BEFORE_APPOSITION.exec(left);
  if (!found || !found[0].startsWith(',')) return found;
  const comma = at - left.length + found.index;
  return ctx.mentions.some((x) => x.kind === 'person' && x.end === comma) ? null : found;
}

function judge(ctx: CheckContext, m: LinkedMention, name: string, title: string, words: string[], roles: Role[]): CheckedClaim {
  const held = roles.filter((r) => !r.from || !ctx.published || isOnOrBefore(r.from, ctx.published));
  const matching = held.filter((r) => words.some((w) => r.role.toLowerCase().includes(w)));
  const base = { start: m.start, end: m.end, claim: `${name} as ${title}`, claimKey: `role:${m.entity}:${title}`, value: title };
  if (matching.length) {
    const r = matching[matching.length - 1];
    const ended = r.to && ctx.published && r.to < ctx.published.slice(0, r.to.length);
    return {
      ...base, verdict: 'consistent', expected: r.role, sources: r.sources,
      explanation: `The case records ${name} as ${r.role}` + (r.from ? ` from ${humanDate(r.from)}` : '') + (r.to ? ` to ${humanDate(r.to)}` : '') + (ended ? ' — a role that had ended by this article.' : '.'),
    };
  }
  const future = roles.find((r) => words.some((w) => r.role.toLowerCase().includes(w)));
  const verified = isVerified(ctx.index.entities.get(m.entity!) ?? {});
  const expected = held.map((r) => r.role).join('; ') || null;
  if (future && !startIsRecorded(ctx, m.entity!, future)) {
    return {
      ...base, verdict: 'unknown', expected: future.role, sources: future.sources,
      explanation: `The case records ${name} as ${future.role} from ${humanDate(future.from!)} — the first time a source records it, not when it began; not flagged.`,
    };
  }
  return {
    ...base,
    verdict: verified ? 'conflict' : 'unknown',
    expected,
    sources: (future ?? held[held.length - 1] ?? roles[0]).sources,
    explanation: future
      ? `${name} became ${future.role} only on ${humanDate(future.from!)}, after this article.`
      : `The case records no role of ${name} as ${title}. Roles held by then: ${expected ?? 'none'}.`,
  };
}

/**
 * Whether the case knows when a role began, rather than only when a source first mentioned it:
 * a start given to the day, or an appointment of the person recorded on that date. A title
 * written before a start known only to the month or year ("Baldwin's attorney Luke Nikas" in
 * August, when the case first records him in November) may be right, so it is not flagged.
 */
function startIsRecorded(ctx: CheckContext, person: string, role: Role): boolean {
  if (!role.from) return false;
  const g = granularityOf(role.from);
  if (g === 'day') return true;
  return (ctx.index.eventsByType.get('appointment') ?? []).some((e) =>
    (e.participants ?? []).includes(person) && sameAtCoarser({ value: e.date, granularity: granularityOf(e.date)! }, { value: role.from!, granularity: g! }));
}

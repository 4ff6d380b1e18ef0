/**
 * What every claim checker needs to know about an article, computed once: its sentences,
 * which linked entities and which trigger phrases each sentence holds, and whether the
 * article is about the case at all (an unrelated story must never be flagged).
 */
import { isOnOrBefore, type CalendarDate } from '../dates/calendar';
import { checkableDate } from '../dates/periods';
import { scanTrie, type CaseIndex, type TriggerEntry } from '../link/case-index';
import type { LinkedMention } from '../link/link';
import { tokenize, type Token } from '../link/tokens';
import { spanIndexAt, splitSentences, type Span } from '../recognise/sentences';

export interface TriggerHit {
  start: number;
  end: number;
  entry: TriggerEntry;
}

export interface CheckContext {
  text: string;
  published: string | null;
  index: CaseIndex;
  sentences: Span[];
  mentions: LinkedMention[];
  /** Per sentence: linked entity ids. */
  entitiesIn: Set<string>[];
  /** Per sentence: its mentions (names and dates), in order — an article can have thousands of sentences. */
  mentionsIn: LinkedMention[][];
  /** Per sentence: trigger phrases found. */
  triggersIn: TriggerHit[][];
  /** Entity ids linked anywhere in the article. */
  articleEntities: Set<string>;
  /** True when the article names at least one case entity: only then are claims checked. */
  aboutCase: boolean;
}

/** Build the context once per article. */
export function buildContext(text: string, published: string | null, mentions: LinkedMention[], index: CaseIndex, tokens: Token[] = tokenize(text)): CheckContext {
  const sentences = splitSentences(text);
  const entitiesIn = sentences.map(() => new Set<string>());
  const mentionsIn: LinkedMention[][] = sentences.map(() => []);
  const triggersIn: TriggerHit[][] = sentences.map(() => []);
  const articleEntities = new Set<string>();
  for (const m of mentions) {
    const i = spanIndexAt(sentences, m.start);
    if (i >= 0 && m.end <= sentences[i].end) mentionsIn[i].push(m);
    if (!m.entity) continue;
    articleEntities.add(m.entity);
    if (i >= 0) entitiesIn[i].add(m.entity);
  }
  // Events' and facts' phrases are scanned apart: an event's longer phrase ("may be refiled")
  // must not hide a fact's word inside it ("refiled", whether charges can be refiled).
  for (const owner of ['event', 'fact'] as const) {
    for (const hit of scanTrie<TriggerEntry>(text, tokens, index.triggers, (e) => e.ownerType === owner)) {
      const i = spanIndexAt(sentences, hit.start);
      if (i < 0) continue;
      for (const entry of hit.entries) triggersIn[i].push({ start: hit.start, end: hit.end, entry });
    }
  }
  for (const hits of triggersIn) hits.sort((a, b) => a.start - b.start);
  return {
    text, published, index, sentences, mentions, entitiesIn, mentionsIn, triggersIn, articleEntities,
    aboutCase: mentions.some((m) => m.entity && (m.form === 'name' || m.form === 'alias') && m.kind === 'person'),
  };
}

/** Whether a record dated `value` had happened as of the article's publication. */
export function happenedBy(ctx: CheckContext, value: string): boolean {
  return !ctx.published || isOnOrBefore(value, ctx.published);
}

/**
 * How strongly the participants of an event are present around sentence `i`: in the
 * sentence, in the one before, or anywhere in an article about the case. Zero means the
 * event is not what this sentence is about.
 */
export function participantScore(ctx: CheckContext, participants: string[] | undefined, i: number): number {
  const list = participants ?? [];
  if (list.some((p) => ctx.entitiesIn[i]?.has(p))) return 0.5;
  if (i > 0 && list.some((p) => ctx.entitiesIn[i - 1]?.has(p))) return 0.3;
  if (ctx.aboutCase && list.some((p) => ctx.articleEntities.has(p))) return 0.1;
  return 0;
}

/** Distance in characters between two spans (0 when they touch or overlap). */
export function gap(a: Span, b: Span): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

/** The dates of sentence `i` as calendar dates that can be compared (weeks and seasons at their year). */
export function sentenceDates(ctx: CheckContext, i: number): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (const m of ctx.mentionsIn[i]) {
    const d = m.kind === 'date' && m.value && m.granularity ? checkableDate(m.value, m.granularity) : null;
    if (d) out.push(d);
  }
  return out;
}

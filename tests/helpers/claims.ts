/**
 * Checking a bare text against a case, as the background does after extraction: for table
 * tests of the checker and the linker, one sentence shape per row.
 */
import { checkArticle } from '../../lib/check/check';
import { buildCaseIndex, type CaseIndex } from '../../lib/link/case-index';
import { recogniseMentions } from '../../lib/recognise/mentions';
import type { CaseFile } from '../../lib/cases/format';
import type { Annotation } from '../../lib/types';
import { bundledIndex } from './pipeline';

/** Recognise, link and check `text` published on `published` (bundled case unless given). */
export function checkText(text: string, published: string | null, index: CaseIndex = bundledIndex()): Annotation[] {
  const article = { url: 'https://news.example/story', title: 'Story', site: null, published, text };
  return checkArticle(article, recogniseMentions(text, published), index);
}

/** The annotations over the first occurrence of `quote` in `text`. */
export function over(text: string, annotations: Annotation[], quote: string): Annotation[] {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" is not in the text`);
  return annotations.filter((a) => a.start < at + quote.length && at < a.end);
}

/** The verdict the checker gives at a quote: conflict over consistent over unknown (a date is always at least unknown), or "none" when nothing claims there. */
export function verdictAt(text: string, published: string | null, quote: string, index?: CaseIndex): string {
  const found = over(text, checkText(text, published, index), quote).filter((a) => a.kind === 'date' || a.kind === 'fact' || a.claim);
  if (found.some((a) => a.verdict === 'conflict')) return 'conflict';
  if (found.some((a) => a.verdict === 'consistent')) return 'consistent';
  return found.length ? 'unknown' : 'none';
}

/** A small case of one's own, version 2, for rules the bundled case cannot show. */
export function smallCase(patch: (c: CaseFile) => void = () => undefined): CaseIndex {
  const c: CaseFile = {
    format: 'casefile/case', version: 2, id: 'harbor', title: 'The harbor inquiry',
    people: [
      { id: 'ann_lee', name: 'Ann Lee', aliases: ['Lee'], roles: [{ role: 'county judge', from: '2020-01-01', to: null, sources: ['s1'] }], sources: ['s1'] },
      { id: 'raj_patel', name: 'Raj Patel', aliases: ['Patel'], roles: [{ role: 'county sheriff', from: '2019', to: null, sources: ['s1'] }], sources: ['s1'], status: 'unverified' },
    ],
    organizations: [], places: [], matters: [],
    events: [
      { id: 'vote', label: 'The council vote on the harbor bridge', date: '2024-03-05', granularity: 'day', participants: ['ann_lee'], triggers: ['vote'], sources: ['s1'] },
      { id: 'resignation', label: 'Raj Patel resigns', type: 'resignation', date: '2024-05-02', granularity: 'day', participants: ['raj_patel'], sources: ['s1'], status: 'unverified' },
    ],
    facts: [],
    sources: [{ id: 's1', publisher: 'Example News', title: 'Council votes', url: 'https://news.example/vote' }],
  };
  patch(c);
  return buildCaseIndex(c);
}

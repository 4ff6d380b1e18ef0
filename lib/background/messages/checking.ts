/**
 * Checking: a page sends its article (as text, or itself as HTML to be extracted off its
 * thread); the host links and checks it against the active cases, answers, then stores
 * it. A page speaks only for its own article; what it learns is its own article's reading.
 */
import { anchorAnnotations } from '../../anchor/quote';
import type { PageAnalysis } from '../../analysis/analyse';
import { CASE_FORMAT, CASE_FORMAT_VERSION } from '../../cases/format';
import { checkArticle } from '../../check/check';
import type { StoredArticle } from '../../db/schema';
import { activeOnSite, applyDecisions, articleKey, decisionsOf, markStayed, otherArticles, saveArticle, savePageText, withDecisions } from '../../db/store';
import { pageTextMap } from '../../db/shapes';
import { buildCaseIndex, type CaseIndex } from '../../link/case-index';
import { articleText, checkHtmlRequest, pageUrl } from '../../messaging/requests';
import { fail, ok } from '../../messaging/result';
import { route } from '../../messaging/router';
import { line, object, optional, orNothing } from '../../util/shapes';
import { recogniseMentions } from '../../recognise/mentions';
import { annotationKey, type Annotation, type ArticleText, type Mention } from '../../types';
import { hostOf } from '../../util/url';
import type { ServiceContext } from '../context';

/** A checked article's annotations, the stored ones now gone from it, and what checking cost (ms). */
export interface CheckAnswer {
  annotations: Annotation[];
  orphans: Annotation[];
  caseTitle: string;
  /** Off the page, also what extraction cost where it ran: parse, prepare, readability, map. */
  timings: { recognise: number; linkAndCheck: number; extract?: Record<string, number> };
}

const aboutPage = object({ url: pageUrl, canonical: optional(orNothing(pageUrl)) });

export const CHECKING = {
  /**
   * The page sends only the article's text: names and dates are recognised in the background,
   * where the model stays loaded and warm across pages and no page thread is held.
   */
  'check-article': route(object({ article: articleText }), {
    from: 'page',
    about: (m) => m.article.url,
    handle: async (m, s: ServiceContext) => ok(await check(s, m.article)),
  }),
  /**
   * The page sends itself as HTML (see `snapshotPage`) and the extension extracts, recognises
   * and checks off the page's thread; the answer names the article's text nodes by ordinal.
   * Fails `unavailable` where this browser cannot, and the page extracts on its own.
   */
  'check-html': route(checkHtmlRequest, {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => {
      if (!s.analyser) return fail('unavailable', 'no DOM parser in this browser\'s background');
      let analysis: PageAnalysis | null;
      try {
        analysis = await s.analyser(m);
      } catch (error) {
        console.warn('Casefile: the page could not be analysed here; it will extract on its own', error);
        return fail('unavailable', String((error as Error)?.message ?? error));
      }
      if (!analysis) return ok<{ article: null } | ({ article: ArticleText; segments: number[] } & CheckAnswer)>({ article: null });
      const checked = await check(s, analysis.article, analysis.mentions);
      const { recognise, ...extract } = analysis.timings;
      return ok({ article: analysis.article, segments: analysis.segments, ...checked, timings: { ...checked.timings, recognise, extract } });
    },
  }),
  'page-skipped': route(object({ url: pageUrl, reason: line(500) }), {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => {
      s.status.set(articleKey(m.url), m.reason);
      return ok({});
    },
  }),
  /**
   * The reader stayed on the page's article (the content script measures it; see README):
   * only then is it listed on other articles' cards.
   */
  'page-stayed': route(aboutPage, {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => {
      await s.writes;
      return (await markStayed(s.db, articleKey(m.url, m.canonical))) ? ok({}) : fail('not-found', 'this article is not stored');
    },
  }),
  /**
   * Where the stored article's characters sit in the page's own text, made by the page (where
   * the DOM is) once it has drawn, for W3C selectors another client can use. Kept only with
   * the text it was made for.
   */
  'set-page-text': route(object({ url: pageUrl, canonical: optional(orNothing(pageUrl)), map: pageTextMap }), {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => {
      await s.writes;
      const saved = await savePageText(s.db, articleKey(m.url, m.canonical), m.map);
      if (saved === 'not-found') return fail('not-found', 'this article is not stored');
      if (saved === 'other-text') return fail('invalid', 'the map was made for another text of this article (it changed, or was checked again)');
      return ok({});
    },
  }),
  'get-article': route(aboutPage, {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => {
      await s.writes;
      const url = articleKey(m.url, m.canonical);
      const stored = (await s.db.articles.get(url)) ?? null;
      const article: StoredArticle | null = stored ? { ...stored, annotations: await withDecisions(s.db, url, stored.annotations) } : null;
      return ok({ article, status: article ? 'checked' : s.status.get(url) ?? null });
    },
  }),
};

/** Link and check an article's mentions (recognised here unless given), answer, then store it. */
async function check(s: ServiceContext, article: ArticleText, recognised?: Mention[]): Promise<CheckAnswer> {
  const started = performance.now();
  const mentions = recognised ?? recogniseMentions(article.text, article.published);
  const linking = performance.now();
  const host = hostOf(article.url);
  const cases = (await s.activeCases()).filter((c) => activeOnSite(c.stored, host));
  const url = articleKey(article.url, article.canonical);
  // Reads that need only the URL go out now and are served while the claims are checked.
  const decisionsRead = decisionsOf(s.db, url);
  const previousRead = s.db.articles.get(url);
  for (const read of [decisionsRead, previousRead]) read.catch(() => undefined); // met below, where awaited
  const keyed = { ...article, url };
  const perCase: Annotation[][] = [];
  for (const c of cases) {
    try {
      perCase.push(checkArticle(keyed, mentions, c.index).map((a) => (a.caseId ? { ...a, caseTitle: c.stored.title } : a)));
    } catch (error) {
      // One broken case never breaks checking against the others.
      console.warn(`Casefile: checking against the case "${c.stored.id}" failed; it is skipped for this page`, error);
    }
  }
  const merged = perCase.length ? mergeCases(perCase) : checkArticle(keyed, mentions, emptyIndex());
  const [others, decisions, previous] = await Promise.all([otherArticles(s.db, url, merged), decisionsRead, previousRead]);
  for (const a of merged) if (a.claimKey) a.others = others.get(a.claimKey) ?? [];
  const annotations = applyDecisions(merged, decisions);
  const orphans = applyDecisions(orphansOf(previous, article.text, merged), decisions);
  // The page gets its answer now; the article is stored right after (reads wait for it).
  const write = saveArticle(s.db, {
    url, title: article.title, site: article.site, published: article.published, checkedAt: new Date().toISOString(),
    caseId: cases[0]?.stored.id ?? null, text: article.text, annotations: merged, orphans,
  }).then(() => s.status.set(url, 'checked'), (error) => console.error('Casefile: could not store the article', error));
  s.writes = s.writes.then(() => write);
  return {
    annotations,
    orphans,
    caseTitle: cases.map((c) => c.stored.title).join(', '),
    timings: { recognise: recognised ? 0 : linking - started, linkAndCheck: performance.now() - linking },
  };
}

/**
 * What an earlier visit marked that this text no longer holds: neither checked again under
 * the same key, nor found by its selectors. Kept so the popup can list it.
 */
function orphansOf(previous: StoredArticle | undefined, text: string, current: Annotation[]): Annotation[] {
  if (!previous) return [];
  const keys = new Set(current.map(annotationKey));
  return [...previous.annotations, ...(previous.orphans ?? [])].filter((a) => !keys.has(annotationKey(a)) && anchorAnnotations(text, [a]).orphans.length === 1);
}

const RANK: Record<string, number> = { conflict: 3, consistent: 2, unknown: 1 };

/**
 * One list of annotations from several cases: where two cases mark the same words, the one
 * that says more wins (a conflict over agreement, agreement over a bare name).
 */
function mergeCases(perCase: Annotation[][]): Annotation[] {
  if (perCase.length === 1) return perCase[0];
  const best = new Map<string, Annotation>();
  const score = (x: Annotation) => RANK[x.verdict] * 2 + (x.entity ? 1 : 0);
  for (const list of perCase) {
    for (const a of list) {
      const key = `${a.start}:${a.end}:${a.kind}`;
      const held = best.get(key);
      if (!held || score(a) > score(held)) best.set(key, a);
    }
  }
  return [...best.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

let empty: CaseIndex | null = null;

/** With no case active, names and dates are still shown, linked to nothing. */
function emptyIndex(): CaseIndex {
  empty ??= buildCaseIndex({
    format: CASE_FORMAT, version: CASE_FORMAT_VERSION, id: 'none', title: '', people: [], organizations: [], places: [], matters: [], events: [], facts: [], sources: [],
  });
  return empty;
}

/**
 * Articles: every article read with its annotations (and the reader's decisions on them),
 * for the options page; and annotations exported by Casefile read back in. Extension pages only.
 */
import { articleKey, recountSites, saveArticle, withDecisions } from '../../db/store';
import { fromW3C } from '../../export/w3c';
import { fail, ok } from '../../messaging/result';
import { route } from '../../messaging/router';
import { either, json, object, text } from '../../util/shapes';
import { siteOf } from '../../util/site';
import type { ServiceContext } from '../context';

export const ARTICLES = {
  'list-articles': route(object({}), {
    from: 'extension',
    handle: async (_m, s: ServiceContext) => {
      await s.writes;
      const articles = await s.db.articles.orderBy('checkedAt').reverse().toArray();
      return ok({ articles: await Promise.all(articles.map(async (a) => ({ ...a, annotations: await withDecisions(s.db, a.url, a.annotations) }))) });
    },
  }),
  /** W3C annotations that Casefile exported, back in (their JSON text, or the parsed value). */
  'import-annotations': route(object({ collection: either(text(200_000_000), json()) }), {
    from: 'extension',
    handle: async (m, s: ServiceContext) => {
      let collection = m.collection;
      if (typeof collection === 'string') {
        try {
          collection = JSON.parse(collection);
        } catch (error) {
          return fail('invalid', 'the annotations were not imported (nothing was changed)', [`$: the file is not JSON (${(error as Error).message})`]);
        }
      }
      const parsed = fromW3C(collection);
      if (!parsed.ok) return fail('invalid', 'the annotations were not imported (nothing was changed)', parsed.problems);
      const sites = new Set<string>();
      await s.db.transaction('rw', [s.db.articles, s.db.claims, s.db.sites], async () => {
        for (const page of parsed.pages) {
          const url = articleKey(page.url);
          const existing = await s.db.articles.get(url);
          sites.add(siteOf(url));
          await saveArticle(s.db, {
            url, title: page.title || existing?.title || url, site: existing?.site ?? null, published: page.published ?? existing?.published ?? null,
            checkedAt: existing?.checkedAt ?? new Date().toISOString(), caseId: page.annotations.find((a) => a.caseId)?.caseId ?? null,
            text: existing?.text ?? '', annotations: page.annotations, stayedAt: existing?.stayedAt ?? null,
          }, { articles: Infinity, chars: Infinity });
        }
        await recountSites(s.db, sites);
      });
      return ok({ articles: parsed.pages.length, annotations: parsed.pages.reduce((n, p) => n + p.annotations.length, 0) });
    },
  }),
};

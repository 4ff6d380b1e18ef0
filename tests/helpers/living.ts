/**
 * Pages that change, made from the seed pages at test time (written to a temporary folder
 * and served on 127.0.0.1 like the seeds): an article whose text arrives seconds after load,
 * a single-page site that moves to a second article with `history.pushState`, and a page
 * that re-renders its paragraphs after Casefile highlighted them, as React does. Their
 * scripts are the page's own (main world), as a site's would be.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEEDS_DIR } from './seeds';

export const FIRST = '000_ed7fe8675b0af3e5.html';
export const SECOND = '003_d2d70b7a6efd8930.html';

const seed = (name: string) => readFileSync(resolve(SEEDS_DIR, name), 'utf8');
const ARTICLE = /(<article[^>]*>)([\s\S]*?)(<\/article>)/;
const TITLE = /<title>([^<]*)<\/title>/;

/** What a single-page site changes in its head on navigation (as routers with head managers do). */
const HEAD_META = ['og:title', 'description', 'article:published_time'];
const metaOf = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? '';

/** A seed's article markup, its title and the head's metadata that says what the article is. */
export function partsOf(name: string): { article: string; title: string; meta: Record<string, string> } {
  const html = seed(name);
  return { article: ARTICLE.exec(html)![2], title: TITLE.exec(html)![1], meta: Object.fromEntries(HEAD_META.map((k) => [k, metaOf(html, k)])) };
}

/** A script for the end of the page's body. */
const script = (source: string) => `<script>${source}</script>`;

/** Put a script at the end of the body, and change what `edit` changes. */
function withScript(name: string, source: string, edit: (html: string) => string = (h) => h): string {
  return edit(seed(name)).replace('</body>', `${script(source)}</body>`);
}

/**
 * The seed with its article's text (and title) arriving `delayMs` after load: until then the
 * article holds "Loading…" and the title says so, as a site that fetches its story does.
 */
export function lateTextPage(delayMs: number): string {
  const { article, title } = partsOf(FIRST);
  return withScript(FIRST, `setTimeout(() => {
    document.title = ${JSON.stringify(title)};
    document.querySelector('article').innerHTML = ${JSON.stringify(article)};
  }, ${delayMs});`, (html) => html.replace(ARTICLE, '$1<p class="loading">Loading…</p>$3').replace(TITLE, '<title>Loading…</title>'));
}

/**
 * The first seed as a single-page site: `goNext()` shows the second seed's article and moves
 * to `second.html` with pushState (leaving the first article's canonical link behind, as
 * many such sites do); the browser's Back brings the first article back (popstate).
 */
export function spaPage(canonical: string): string {
  const first = partsOf(FIRST);
  const second = partsOf(SECOND);
  return withScript(FIRST, `
    const stories = { first: ${JSON.stringify(first)}, second: ${JSON.stringify(second)} };
    const show = (story) => {
      document.title = story.title;
      for (const [key, value] of Object.entries(story.meta)) {
        const meta = document.querySelector('meta[property="' + key + '"], meta[name="' + key + '"]');
        if (meta) meta.setAttribute('content', value);
      }
      document.querySelector('article').innerHTML = story.article;
    };
    window.goNext = () => {
      history.pushState({ story: 'second' }, '', 'second.html');
      show(stories.second);
    };
    addEventListener('popstate', (e) => show(stories[e.state?.story ?? 'first']));
  `, (html) => html.replace('</head>', `<link rel="canonical" href="${canonical}"></head>`));
}

/**
 * The first seed, whose `rerender()` replaces every paragraph and list item of the article
 * with a fresh copy of what the server sent (React reconciling its own nodes does the same
 * to nodes Casefile wrapped): the words stay, the nodes are new.
 */
export function rerenderingPage(): string {
  return withScript(FIRST, `
    const article = document.querySelector('article');
    const original = article.innerHTML;
    window.rerender = () => {
      const fresh = document.createElement('article');
      fresh.innerHTML = original;
      const now = article.querySelectorAll('p, li, h1, h2');
      const then = fresh.querySelectorAll('p, li, h1, h2');
      now.forEach((el, i) => el.replaceWith(then[i]));
    };
  `);
}

/** Write pages to a fresh temporary folder; the paths, by name. */
export function writePages(pages: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-living-'));
  const paths: Record<string, string> = {};
  for (const [name, html] of Object.entries(pages)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], html);
  }
  return paths;
}

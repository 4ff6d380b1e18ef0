/** The shapes of what a page sends about itself: its article as text, or itself as HTML. */
import type { ArticleText } from '../types';
import { day, httpUrl, line, nullable, object, optional, orNothing, text, type Shape } from '../util/shapes';
import { MAX_HTML, MAX_TEXT } from './protocol';

/** A page's URL as the page sends it (`location.href`). */
export const pageUrl = httpUrl(10_000);

export const articleText: Shape<ArticleText> = object({
  url: pageUrl,
  title: line(2000),
  site: nullable(line(500)),
  published: nullable(day),
  text: text(MAX_TEXT),
  canonical: optional(orNothing(pageUrl)),
});

export const checkHtmlRequest = object({ url: pageUrl, html: text(MAX_HTML) });

/** The whole pipeline in Node over an HTML string, as the extension runs it, for unit tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { extractArticle } from '../../lib/extract/article';
import { recogniseMentions } from '../../lib/recognise/mentions';
import { buildCaseIndex, type CaseIndex } from '../../lib/link/case-index';
import { checkArticle } from '../../lib/check/check';
import type { CaseFile } from '../../lib/cases/format';

export const BUNDLED: CaseFile = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../lib/cases/bundled/rust-shooting.json'), 'utf8'));
let index: CaseIndex | null = null;
export const bundledIndex = () => (index ??= buildCaseIndex(BUNDLED));

/** Parse HTML into a happy-dom document at a URL. */
export function htmlDocument(html: string, url = 'http://127.0.0.1/page.html'): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Extract, recognise, link and check a page. */
export function runPipeline(html: string, url?: string) {
  const doc = htmlDocument(html, url);
  const extracted = extractArticle(doc, url ?? 'http://127.0.0.1/page.html');
  if (!extracted) return null;
  const { article } = extracted;
  const mentions = recogniseMentions(article.text, article.published);
  return { doc, ...extracted, annotations: checkArticle(article, mentions, bundledIndex()) };
}

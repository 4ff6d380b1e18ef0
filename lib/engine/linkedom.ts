/**
 * The HTML parser for the engine under Node: linkedom, a light DOM that Readability runs on.
 * Kept apart from `pipeline.ts` so the extension's bundles never pull it in.
 */
import { DOMParser } from 'linkedom';
import type { ParseHtml } from '../extract/from-html';

/** Parse a page's HTML into an inert document, as the offscreen document's DOMParser does. */
export const parseWithLinkedom: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

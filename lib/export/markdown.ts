/** Markdown export: a report a reporter can paste into notes — flags first, then the rest. */
import { humanDate } from '../dates/calendar';
import { cleanHttpUrl } from '../util/url';
import type { Annotation } from '../types';
import type { PageAnnotations } from './w3c';

/**
 * Text as Markdown shows it, never as Markdown or HTML it could be: line breaks (which would
 * start a heading, a list or a raw HTML block) become spaces, and every character that gives
 * inline text a meaning (emphasis, code, links, tables, HTML, strike-through) is escaped.
 */
// eslint-disable-next-line no-control-regex
const escape = (s: string) => s.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/([\\`*_[\]|<>~])/g, '\\$1');

/**
 * A link target as Markdown reads it: only http(s) URLs, their normalised `href`, with the
 * characters that could end the target or start HTML percent-encoded. Anything else is no link.
 */
function target(url: string): string | null {
  const clean = cleanHttpUrl(url, 10_000);
  if (!('href' in clean)) return null;
  return clean.href.replace(/[()<>[\]\\ "'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link, or (for what is not an http(s) URL) the text alone. */
const link = (text: string, url: string) => {
  const to = target(url);
  return to ? `[${escape(text)}](${to})` : escape(text);
};

function expectedText(a: Annotation): string {
  if (!a.expected) return '';
  return /^\d{4}(-\d{2}){0,2}$/.test(a.expected) ? humanDate(a.expected) : a.expected;
}

/** One or more pages' annotations as a Markdown report. */
export function toMarkdown(pages: PageAnnotations[]): string {
  const out: string[] = [];
  for (const p of pages) {
    const page = target(p.url);
    out.push(`# ${escape(p.title || p.url)}`, '', `${page ? `<${page}>` : escape(p.url)}${p.published ? ` — published ${humanDate(p.published)}` : ''}`, '');
    const flags = p.annotations.filter((a) => a.verdict === 'conflict');
    const checked = p.annotations.filter((a) => a.verdict === 'consistent');
    out.push(`## Flags (${flags.length})`, '');
    if (!flags.length) out.push('No conflicts with the case.', '');
    for (const a of flags) {
      out.push(`- **“${escape(a.exact)}”** — ${escape(a.claim ?? a.kind)}; the case says **${escape(expectedText(a))}**.`);
      if (a.explanation) out.push(`  ${escape(a.explanation)}`);
      for (const s of a.sources) out.push(`  - ${link(`${s.publisher}: ${s.title}`, s.url)}${s.published ? ` (${escape(s.published)})` : ''}`);
    }
    out.push('', `## Consistent with the case (${checked.length})`, '');
    for (const a of checked) out.push(`- “${escape(a.exact)}” — ${escape(a.claim ?? '')}`);
    const names = p.annotations.filter((a) => a.kind !== 'date' && a.kind !== 'fact');
    const dates = p.annotations.filter((a) => a.kind === 'date');
    out.push('', `## Names (${names.length}) and dates (${dates.length})`, '');
    const seen = new Set<string>();
    for (const a of [...names, ...dates]) {
      const key = `${a.kind}:${a.entity ?? a.exact}:${a.value ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(`- ${a.kind}: ${escape(a.exact)}${a.entityName ? ` → ${escape(a.entityName)}` : ''}${a.value && a.kind === 'date' ? ` (${escape(a.value)})` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

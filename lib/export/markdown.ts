/** Markdown export: a report a reporter can paste into notes — flags first, then the rest. */
import { humanDate } from '../dates/calendar';
import type { Annotation } from '../types';
import type { PageAnnotations } from './w3c';

const escape = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1');

function expectedText(a: Annotation): string {
  if (!a.expected) return '';
  return /^\d{4}(-\d{2}){0,2}$/.test(a.expected) ? humanDate(a.expected) : a.expected;
}

/** One or more pages' annotations as a Markdown report. */
export function toMarkdown(pages: PageAnnotations[]): string {
  const out: string[] = [];
  for (const p of pages) {
    out.push(`# ${escape(p.title || p.url)}`, '', `<${p.url}>${p.published ? ` — published ${humanDate(p.published)}` : ''}`, '');
    const flags = p.annotations.filter((a) => a.verdict === 'conflict');
    const checked = p.annotations.filter((a) => a.verdict === 'consistent');
    out.push(`## Flags (${flags.length})`, '');
    if (!flags.length) out.push('No conflicts with the case.', '');
    for (const a of flags) {
      out.push(`- **“${escape(a.exact)}”** — ${escape(a.claim ?? a.kind)}; the case says **${escape(expectedText(a))}**.`);
      if (a.explanation) out.push(`  ${escape(a.explanation)}`);
      for (const s of a.sources) out.push(`  - [${escape(s.publisher)}: ${escape(s.title)}](${s.url})${s.published ? ` (${s.published})` : ''}`);
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
      out.push(`- ${a.kind}: ${escape(a.exact)}${a.entityName ? ` → ${escape(a.entityName)}` : ''}${a.value && a.kind === 'date' ? ` (${a.value})` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * CSV export of annotations, one row each, quoted per RFC 4180, for spreadsheets. Every row
 * carries the reader's own work (decision, note, when) and the claim's sentence, so a
 * spreadsheet holds everything the card showed and the reader said.
 */
import { sentenceFinder } from '../show/sentence';
import { readable } from '../show/words';
import type { PageAnnotations } from './w3c';

const COLUMNS = [
  'url', 'title', 'published', 'start', 'end', 'exact', 'kind', 'entity', 'value', 'granularity', 'verdict', 'claim', 'expected', 'sources',
  'case_says', 'decision', 'note', 'decided_at', 'sentence',
] as const;

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Annotations of one or more pages as CSV text with a header row. */
export function toCSV(pages: PageAnnotations[]): string {
  const rows = [COLUMNS.join(',')];
  for (const p of pages) {
    const sentence = sentenceFinder(p.text);
    for (const a of p.annotations) {
      rows.push([
        p.url, p.title, p.published, a.start, a.end, a.exact, a.kind, a.entity, a.value, a.granularity, a.verdict, a.claim, a.expected,
        a.sources.map((s) => s.url).join(' '),
        a.expected ? readable(a.expected, a) : '', a.decision?.verdict ?? '', a.decision?.note ?? '', a.decision?.at ?? '', sentence(a),
      ].map(cell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

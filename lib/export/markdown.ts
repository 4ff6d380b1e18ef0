/**
 * Markdown export: a report a reporter can paste into notes — flags first, each in its
 * sentence with what the case says (worded as the card words it), its sources and the
 * reader's decision and note; then consistent claims, names and dates. Every heading's count
 * is the number of lines listed under it. Whatever a page or a case file wrote is shown as
 * text, never as Markdown or HTML: escaped, on one line, links only to http(s) URLs.
 */
import { sentenceFinder } from '../show/sentence';
import { decisionWords, plural, readable } from '../show/words';
import { escape, link, oneLine, target } from './markdown-text';
import type { Annotation } from '../types';
import type { PageAnnotations } from './w3c';

/** The reader's decision and note, as indented lines under an item. */
function yourWork(a: Annotation, indent = '  '): string[] {
  const lines: string[] = [];
  const decided = decisionWords(a.decision);
  if (decided) lines.push(`${indent}*${decided}*`);
  if (a.decision?.note) lines.push(`${indent}Your note: ${oneLine(a.decision.note)}`);
  return lines;
}

/** A claim: its quote, what was checked, what the case says, its sentence, and the reader's work. */
function claimLines(a: Annotation, sentence: string | null, strong: boolean): string[] {
  const quote = strong ? `**“${escape(a.exact)}”**` : `“${escape(a.exact)}”`;
  const what = a.claim ? ` — ${escape(a.claim)}` : ` — ${a.kind}`;
  const says = a.expected ? `; the case${a.caseTitle ? ` (${escape(a.caseTitle)})` : ''} ${a.verdict === 'conflict' ? 'says' : 'records'} **${escape(readable(a.expected, a))}**` : '';
  const lines = [`- ${quote}${what}${says}.`];
  if (sentence) lines.push(`  > ${oneLine(sentence)}`);
  if (a.explanation) lines.push(`  ${escape(a.explanation)}`);
  lines.push(...yourWork(a));
  return lines;
}

/** Mentions grouped by what they name (an entity, or the same words; a date's value), in reading order. */
function grouped(annotations: Annotation[]): Annotation[][] {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const key = a.kind === 'date' ? `date:${a.value ?? a.exact}` : `${a.kind}:${a.entity ?? a.exact}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()];
}

/** Each group once, with how often it is mentioned and every note or decision on any of its mentions. */
function groupLines(groups: Annotation[][], line: (a: Annotation, written: string) => string): string[] {
  const out: string[] = [];
  for (const group of groups) {
    const written = [...new Set(group.map((a) => a.exact))].map((w) => `“${escape(w)}”`).join(', ');
    out.push(`- ${line(group[0], written)}${group.length > 1 ? ` (${plural(group.length, 'mention')})` : ''}`);
    for (const a of group) {
      const work = yourWork(a, '    ');
      if (work.length) out.push(`  - on “${escape(a.exact)}”:`, ...work);
    }
  }
  return out;
}

/** One or more pages' annotations as a Markdown report. */
export function toMarkdown(pages: PageAnnotations[]): string {
  const out: string[] = [];
  for (const p of pages) {
    const sentence = sentenceFinder(p.text);
    const page = target(p.url);
    out.push(`# ${escape(p.title || p.url)}`, '', `${page ? `<${page}>` : escape(p.url)}${p.published ? ` — published ${escape(readable(p.published))}` : ''}`, '');
    const flags = p.annotations.filter((a) => a.verdict === 'conflict');
    const checked = p.annotations.filter((a) => a.verdict === 'consistent');
    out.push(`## Flags (${flags.length})`, '');
    if (!flags.length) out.push('No conflicts with the case.', '');
    for (const a of flags) {
      out.push(...claimLines(a, sentence(a), true));
      for (const s of a.sources) out.push(`  - ${link(`${s.publisher}: ${s.title}`, s.url)}${s.published ? ` (${escape(readable(s.published))})` : ''}`);
    }
    out.push('', `## Consistent with the case (${checked.length})`, '');
    for (const a of checked) out.push(...claimLines(a, sentence(a), false));
    const names = grouped(p.annotations.filter((a) => a.kind !== 'date' && a.kind !== 'fact'));
    const dates = grouped(p.annotations.filter((a) => a.kind === 'date'));
    out.push('', `## Names (${names.length})`, '');
    out.push(...groupLines(names, (a, written) => `${a.kind}: ${a.entityName ? `**${escape(a.entityName)}**, written ${written}` : written}`));
    out.push('', `## Dates (${dates.length})`, '');
    out.push(...groupLines(dates, (a, written) => `${written}${a.value ? ` — read as ${escape(readable(a.value))}${a.granularity ? ` (${a.granularity})` : ''}` : ''}`));
    // Facts not checked are listed nowhere above: the reader's notes on them are kept here.
    const otherNotes = p.annotations.filter((a) => a.kind === 'fact' && a.verdict === 'unknown' && a.decision);
    if (otherNotes.length) {
      out.push('', `## Your notes on other claims (${otherNotes.length})`, '');
      for (const a of otherNotes) out.push(...claimLines(a, sentence(a), false));
    }
    out.push('');
  }
  return out.join('\n');
}

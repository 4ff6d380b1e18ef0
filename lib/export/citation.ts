/**
 * A citation of one claim, for the card's "Copy citation": what the article says (the words
 * and their sentence), what Casefile found, what the case says and which sources say it
 * (with their dates and links), and where the claim was read. In plain text for anywhere,
 * and in Markdown for notes — where nothing a page or a case file wrote can become markup.
 */
import { readable, VERDICT_LABEL } from '../show/words';
import type { Annotation } from '../types';
import { escape, link, oneLine, target } from './markdown-text';

/** The article the claim was read in. */
export interface CitedPage {
  url: string;
  title: string;
  site: string | null;
  published: string | null;
}

type Cited = Pick<Annotation, 'exact' | 'kind' | 'claim' | 'claimKey' | 'verdict' | 'expected' | 'caseTitle' | 'sources' | 'value'>;

/** One line of text from a page or a case: its line breaks and runs of space as one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function caseSays(a: Cited): string | null {
  if (!a.expected || a.verdict === 'unknown') return null;
  return `The case${a.caseTitle ? ` “${flat(a.caseTitle)}”` : ''} ${a.verdict === 'conflict' ? 'says' : 'records'}: ${readable(a.expected, a)}.`;
}

function read(page: CitedPage): string {
  return [flat(page.title) || page.url, page.site ? flat(page.site) : null, page.published ? `published ${readable(page.published)}` : null].filter(Boolean).join(', ');
}

/** The claim as plain text. */
export function citationText(a: Cited, sentence: string | null, page: CitedPage): string {
  const lines = [`“${flat(a.exact)}”${a.claim ? ` — ${flat(a.claim)}` : ''}: ${VERDICT_LABEL[a.verdict].toLowerCase()} (Casefile).`];
  if (sentence) lines.push(`In its sentence: “${flat(sentence)}”`);
  const says = caseSays(a);
  if (says) lines.push(says);
  if (a.sources.length) {
    lines.push('Sources:');
    for (const s of a.sources) lines.push(`- ${flat(s.publisher)}, “${flat(s.title)}”${s.published ? ` (${readable(s.published)})` : ''}: ${s.url}`);
  }
  lines.push(`Read in: ${read(page)}: ${page.url}`);
  return `${lines.join('\n')}\n`;
}

/** The claim as Markdown: the sentence quoted with the claim's words in bold, the case's word, the sources as links. */
export function citationMarkdown(a: Cited, sentence: string | null, page: CitedPage): string {
  const out: string[] = [];
  if (sentence) {
    const at = flat(sentence).indexOf(flat(a.exact));
    const s = flat(sentence);
    const e = flat(a.exact);
    out.push(at >= 0 ? `> ${escape(s.slice(0, at))}**${escape(e)}**${escape(s.slice(at + e.length))}` : `> ${oneLine(s)}`, '');
  }
  const says = caseSays(a);
  out.push(`**“${escape(flat(a.exact))}”**${a.claim ? ` — ${escape(flat(a.claim))}` : ''}: *${VERDICT_LABEL[a.verdict].toLowerCase()}* (Casefile).${says ? ` ${escape(says)}` : ''}`);
  if (a.sources.length) {
    out.push('', 'Sources:');
    for (const s of a.sources) out.push(`- ${link(`${flat(s.publisher)}: ${flat(s.title)}`, s.url)}${s.published ? ` (${escape(readable(s.published))})` : ''}`);
  }
  const where = target(page.url);
  out.push('', `Read in ${where ? `[${escape(read(page))}](${where})` : escape(read(page))}.`);
  return `${out.join('\n')}\n`;
}

/**
 * Scoring claims on hand-labelled pages (the `labels.json` format of
 * ../shared/corpus/rust-real/): true flags, false alarms, missed flags and people linked,
 * counted by the same rules as that corpus's scorer, so that `npm run eval -- --claims`
 * prints the totals a browser run would get, without a browser.
 *
 * A conflict is a true flag when its text overlaps a flagged quote (quotes, whitespace and
 * case normalised); when the annotation lies inside the quote or overlaps one end of it, its
 * own prefix and suffix must agree with the quote around it, so that the same word elsewhere
 * in the article does not count.
 */
export interface LabelledPage {
  published?: string;
  flags?: { quote: string; why?: string }[];
  noFlag?: { quote: string; why?: string }[];
  people?: { quote: string; entity: string }[];
}

export interface ScoredAnnotation {
  exact: string;
  prefix: string;
  suffix: string;
  kind: string;
  entity: string | null;
  verdict: string;
}

export interface PageScore {
  conflicts: number;
  trueFlags: ScoredAnnotation[];
  falseAlarms: ScoredAnnotation[];
  /** False alarms the labels already list as `noFlag`. */
  knownFalseAlarms: number;
  missed: string[];
  people: number;
  unlinked: { quote: string; entity: string }[];
}

const spaced = (s: string | null | undefined) => (s ?? '').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').toLowerCase();
const trimmed = (s: string | null | undefined) => spaced(s).trim();

/** Text overlap: one contains the other, or an end of one is a start of the other (4 characters at least). */
export function textOverlaps(exact: string, quote: string): boolean {
  const a = trimmed(exact);
  const b = trimmed(quote);
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  for (let k = Math.min(a.length, b.length) - 1; k >= 4; k--) {
    if (a.endsWith(b.slice(0, k)) || b.endsWith(a.slice(0, k))) return true;
  }
  return false;
}

/** Whether an annotation stands at a quote: overlap, plus its context agreeing where it lies inside. */
export function annotationAt(a: Pick<ScoredAnnotation, 'exact' | 'prefix' | 'suffix'>, quote: string): boolean {
  if (!textOverlaps(a.exact, quote)) return false;
  const e = trimmed(a.exact);
  const q = trimmed(quote);
  if (e.includes(q)) return true;
  const before = spaced(a.prefix);
  const after = spaced(a.suffix);
  const fitsBefore = (s: string) => before.endsWith(s) || s.endsWith(before);
  const fitsAfter = (s: string) => after.startsWith(s) || s.startsWith(after);
  for (let i = q.indexOf(e); i >= 0; i = q.indexOf(e, i + 1)) {
    if (fitsBefore(q.slice(0, i)) && fitsAfter(q.slice(i + e.length))) return true;
  }
  for (let k = Math.min(e.length, q.length) - 1; k >= 4; k--) {
    if (e.endsWith(q.slice(0, k)) && fitsAfter(q.slice(k))) return true;
    if (q.endsWith(e.slice(0, k)) && fitsBefore(q.slice(0, q.length - k))) return true;
  }
  return false;
}

/** Score one page's annotations against its labels. */
export function scorePage(annotations: ScoredAnnotation[], labels: LabelledPage): PageScore {
  const flags = labels.flags ?? [];
  const noFlag = labels.noFlag ?? [];
  const people = labels.people ?? [];
  const conflicts = annotations.filter((a) => a.verdict === 'conflict');
  const isTrue = (a: ScoredAnnotation) => flags.some((f) => annotationAt(a, f.quote));
  const falseAlarms = conflicts.filter((a) => !isTrue(a));
  return {
    conflicts: conflicts.length,
    trueFlags: conflicts.filter(isTrue),
    falseAlarms,
    knownFalseAlarms: falseAlarms.filter((a) => noFlag.some((f) => annotationAt(a, f.quote))).length,
    missed: flags.filter((f) => !conflicts.some((a) => annotationAt(a, f.quote))).map((f) => f.quote),
    people: people.length,
    unlinked: people.filter((p) => !annotations.some((a) => a.kind === 'person' && a.entity === p.entity && annotationAt(a, p.quote))),
  };
}

export interface ClaimTotals {
  pages: number;
  conflicts: number;
  trueFlags: number;
  pagesWithFalseAlarms: number;
  expected: number;
  found: number;
  people: number;
  linked: number;
  failed: number;
}

export const emptyTotals = (): ClaimTotals => ({ pages: 0, conflicts: 0, trueFlags: 0, pagesWithFalseAlarms: 0, expected: 0, found: 0, people: 0, linked: 0, failed: 0 });

/** Add one page's score to the totals. */
export function addPage(t: ClaimTotals, s: PageScore, flags: number): void {
  t.pages++;
  t.conflicts += s.conflicts;
  t.trueFlags += s.trueFlags.length;
  if (s.falseAlarms.length) t.pagesWithFalseAlarms++;
  t.expected += flags;
  t.found += flags - s.missed.length;
  t.people += s.people;
  t.linked += s.people - s.unlinked.length;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One line per page, in the corpus scorer's words. */
export function pageLine(name: string, s: PageScore, published: string | null, labels: LabelledPage): string {
  const unknown = s.falseAlarms.length - s.knownFalseAlarms;
  const parts = [
    `conflicts ${s.conflicts}`,
    `true ${s.trueFlags.length}`,
    `false alarms ${s.falseAlarms.length}` + (s.falseAlarms.length ? ` (${s.falseAlarms.map((a) => `"${cut(a.exact, 30)}"`).join(', ')}${unknown ? `; ${unknown} not in noFlag` : ''})` : ''),
    `missed ${s.missed.length}` + (s.missed.length ? ` (${s.missed.map((q) => `"${cut(q, 40)}"`).join(', ')})` : ''),
    `people ${s.people - s.unlinked.length}/${s.people}` + (s.unlinked.length ? ` (not linked: ${s.unlinked.map((p) => `"${cut(p.quote, 30)}"→${p.entity}`).join(', ')})` : ''),
  ];
  const pub = labels.published && !String(published ?? '').startsWith(labels.published) ? ` | published ${published} (expected ${labels.published})` : '';
  return `${name} | ${parts.join(' | ')}${pub}`;
}

/** The totals line, the same words and figures as the corpus scorer's last line. */
export function totalsLine(t: ClaimTotals): string {
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  return `real articles: ${t.pages} pages, flags precision ${pct(t.trueFlags, t.conflicts).toFixed(1)}% (${t.trueFlags}/${t.conflicts}), ` +
    `recall ${pct(t.found, t.expected).toFixed(1)}% (${t.found}/${t.expected}), false alarms on ${t.pagesWithFalseAlarms} of ${t.pages} pages, ` +
    `people linked ${t.linked}/${t.people}` + (t.failed ? ` (${t.failed} pages failed to check)` : '');
}

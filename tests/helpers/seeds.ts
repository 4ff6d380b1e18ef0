/**
 * The seed pages and their expectations (../shared/fixtures/seeds/expected.json), and one
 * judge of a run against them, shared by the Node and the real-browser tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Annotation } from '../../lib/types';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/seeds');

interface Expected {
  pages: Record<string, {
    published: string;
    people: { quote: string; entity: string }[];
    dates: { quote: string; value: string; granularity: string }[];
    claims: { quote: string; verdict: 'flag' | 'ok' | 'none'; stretch?: boolean; why: string }[];
    outsideArticle: string[];
  }>;
}

export const EXPECTED: Expected = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'expected.json'), 'utf8'));
export const SEED_PAGES = Object.keys(EXPECTED.pages);

type Judged = Pick<Annotation, 'start' | 'end' | 'kind' | 'entity' | 'value' | 'granularity' | 'verdict'>;

/** Every way a run falls short of a seed page's expectations (empty when it passes). */
export function judgeSeed(page: string, text: string, published: string | null, annotations: Judged[], { stretch = true } = {}): string[] {
  const e = EXPECTED.pages[page];
  const failures: string[] = [];
  const over = (quote: string) => {
    const at = text.indexOf(quote);
    if (at < 0) {
      failures.push(`"${quote}" is not in the extracted article text`);
      return [];
    }
    return annotations.filter((a) => a.start < at + quote.length && at < a.end);
  };
  if (published !== e.published) failures.push(`published ${published}, expected ${e.published}`);
  for (const p of e.people) {
    if (!over(p.quote).some((a) => a.entity === p.entity)) failures.push(`person "${p.quote}" not linked to ${p.entity}`);
  }
  for (const d of e.dates) {
    const found = over(d.quote).filter((a) => a.kind === 'date');
    if (!found.some((a) => a.value === d.value && a.granularity === d.granularity)) {
      failures.push(`date "${d.quote}": expected ${d.value} (${d.granularity}), got ${found.map((a) => `${a.value} (${a.granularity})`).join(', ') || 'nothing'}`);
    }
  }
  for (const c of e.claims) {
    if (c.stretch && !stretch) continue;
    const found = over(c.quote);
    const conflict = found.some((a) => a.verdict === 'conflict');
    const ok = found.some((a) => a.verdict === 'consistent');
    if (c.verdict === 'flag' && !conflict) failures.push(`claim "${c.quote}" should be flagged (${c.why})`);
    if (c.verdict === 'ok' && (conflict || !ok)) failures.push(`claim "${c.quote}" should be consistent, got ${found.map((a) => a.verdict).join(', ') || 'nothing'}`);
    if (c.verdict === 'none' && conflict) failures.push(`claim "${c.quote}" should not be flagged`);
  }
  return failures;
}

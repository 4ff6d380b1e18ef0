/**
 * `npm run names:audit -- [--judgements FILE] [--list] [DIR]`: every name highlight (person,
 * organization, place) the engine puts on the shared real articles (default
 * ../shared/corpus/rust-real/pages), and — against a judgement file written by reading them
 * (tests/name-judgements.json: "kind|text" → "ok" or why it is wrong; "kind|text|words before"
 * for a reading that depends on context) — the share of bad ones, by reason. `--list` prints
 * every highlight in context with its judgement ("?" when none), to extend the file by reading.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkHtml } from '../lib/engine/pipeline';
import { parseWithLinkedom } from '../lib/engine/linkedom';
import { buildCaseIndex } from '../lib/link/case-index';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { judgements: { type: 'string', default: 'tests/name-judgements.json' }, list: { type: 'boolean', default: false } },
});
const dir = positionals[0] ?? '../shared/corpus/rust-real/pages';
const index = buildCaseIndex(JSON.parse(readFileSync(resolve('lib/cases/bundled/rust-shooting.json'), 'utf8')));
const judgements: Record<string, string> = existsSync(args.judgements!) ? JSON.parse(readFileSync(args.judgements!, 'utf8')).judgements : {};

/** A highlight's judgement: one for its words in this context, else one for its words. */
function judge(kind: string, exact: string, prefix: string): string | undefined {
  const before = prefix.replace(/\s+/g, ' ');
  for (const [key, verdict] of Object.entries(judgements)) {
    const [k, text, context] = key.split('|');
    if (context !== undefined && k === kind && text === exact && before.endsWith(context)) return verdict;
  }
  return judgements[`${kind}|${exact}`];
}

let total = 0;
let bad = 0;
let unjudged = 0;
const reasons = new Map<string, number>();
for (const page of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  const result = checkHtml(readFileSync(join(dir, page), 'utf8'), `http://127.0.0.1/${page}`, index, parseWithLinkedom);
  for (const a of result?.annotations ?? []) {
    if (a.kind !== 'person' && a.kind !== 'organization' && a.kind !== 'place') continue;
    total++;
    const key = `${a.kind}|${a.exact}`;
    const judged = judge(a.kind, a.exact, a.prefix);
    if (judged === undefined) unjudged++;
    else if (judged !== 'ok') {
      bad++;
      reasons.set(judged, (reasons.get(judged) ?? 0) + 1);
    }
    if (args.list) console.log(`${judged === undefined ? '?' : judged === 'ok' ? 'ok' : 'BAD'}\t${a.kind}\t${a.entity ?? '-'}\t${page}\t${JSON.stringify(key)}\t…${a.prefix.slice(-30).replace(/\s+/g, ' ')}[${a.exact}]${a.suffix.slice(0, 30).replace(/\s+/g, ' ')}…`);
  }
}
for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${why}`);
console.log(`name highlights: ${total} on the pages of ${dir}, bad ${bad} (${((100 * bad) / Math.max(1, total)).toFixed(1)}%), not judged ${unjudged}`);

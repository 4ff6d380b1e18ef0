/**
 * `npm run build:verbs`: writes lib/check/verb-forms.ts from en-inflectors' table of English
 * verbs (5,333 infinitives with their past, participle, third person and gerund). The checker
 * needs the table, not the library: loading en-inflectors cost ~57 ms at every start of the
 * background (measured, Node 20, bundled), while the table below is two strings split on first
 * use (< 2 ms). Only the verbs whose forms a simple regular rule does not give are kept whole;
 * the rest are listed by their infinitive alone. Re-run after upgrading en-inflectors.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { infinitives } from 'en-inflectors';
import { regularForms } from '../lib/check/lemma';

const table = infinitives as unknown as Record<string, [string, string, string, string, string]>;
const bases: string[] = [];
const irregular: string[] = [];
for (const [base, row] of Object.entries(table)) {
  if (!/^[a-z]+$/.test(base)) continue;
  bases.push(base);
  const rule = regularForms(base);
  const forms = row.slice(1);
  if (forms.some((f, i) => f !== rule[i])) irregular.push([base, ...forms].join(' '));
}
const out = resolve(import.meta.dirname, '../lib/check/verb-forms.ts');
writeFileSync(out, `/**
 * English verbs for the checker's lemmas, generated from en-inflectors' table by
 * \`npm run build:verbs\` (scripts/build-verb-forms.ts): do not edit by hand.
 * VERBS: every infinitive; IRREGULAR: "infinitive past participle third-person gerund" for the
 * verbs a simple regular rule does not inflect right.
 */
export const VERBS = ${JSON.stringify(bases.join(' '))};

export const IRREGULAR = ${JSON.stringify(irregular.join('|'))};
`);
console.log(`wrote ${out}: ${bases.length} verbs, ${irregular.length} irregular`);

/**
 * Data the benchmark generates: a case of many records (the bundled case plus synthetic
 * people and events, valid under the format) and a long article built from the seed pages'
 * paragraphs, so that scale and highlight counts can be pushed far past the fixtures.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_CASE } from '../../lib/background/service';
import type { CaseEvent, CaseFile, Person } from '../../lib/cases/format';

const SYLLABLES = ['al', 'ber', 'cor', 'dan', 'el', 'fen', 'gar', 'hol', 'ist', 'jor', 'kal', 'lin', 'mor', 'nes', 'ov', 'pra', 'quin', 'ros', 'sel', 'tam', 'ul', 'ven', 'wil', 'xan', 'yor', 'zed'];
const TRIGGERS = ['merger', 'acquisition', 'election', 'verdict', 'appeal', 'settlement', 'indictment', 'hearing', 'audit', 'recall', 'strike', 'launch', 'bankruptcy', 'inquiry', 'ruling', 'summit', 'treaty', 'protest', 'resignation', 'nomination'];

/** A deterministic pseudo-random sequence, so every run benchmarks the same case. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function syntheticName(n: number, next: () => number): string {
  const word = (k: number) => {
    let s = '';
    for (let i = 0; i < k; i++) s += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return s[0].toUpperCase() + s.slice(1);
  };
  return `${word(2)} ${word(3)} ${n.toString(36)}`;
}

/** The bundled case plus `records` synthetic people and events (half each). */
export function generateCase(records: number): CaseFile {
  const next = random(42);
  const source = BUNDLED_CASE.sources[0].id;
  const people: Person[] = [];
  const events: CaseEvent[] = [];
  for (let i = 0; i < records / 2; i++) {
    const name = syntheticName(i, next);
    people.push({ id: `gen_p${i}`, name, aliases: [name.split(' ')[1]], sources: [source] });
  }
  for (let i = 0; i < records / 2; i++) {
    const year = 1990 + Math.floor(next() * 35);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    events.push({
      id: `gen_e${i}`,
      label: `${TRIGGERS[i % TRIGGERS.length]} involving ${people[i % people.length].name}`,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      granularity: 'day',
      participants: [`gen_p${i % people.length}`, `gen_p${(i * 7 + 3) % people.length}`],
      triggers: [TRIGGERS[i % TRIGGERS.length]],
      sources: [source],
    });
  }
  return {
    ...BUNDLED_CASE,
    id: 'bench-generated',
    title: `Generated case (${records.toLocaleString('en')} people and events)`,
    people: [...BUNDLED_CASE.people, ...people],
    events: [...BUNDLED_CASE.events, ...events],
  };
}

const SEEDS = ['../shared/fixtures/seeds/000_ed7fe8675b0af3e5.html', '../shared/fixtures/seeds/003_d2d70b7a6efd8930.html'];

/** A long article made of the seed pages' paragraphs, repeated: about 2,000 highlights. */
export function longArticle(paragraphs = 700): { html: string; paragraphs: number } {
  const source = SEEDS.map((f) => readFileSync(f, 'utf8'));
  const paras = source.flatMap((html) => {
    const article = /<article[\s\S]*?<\/article>/i.exec(html)?.[0] ?? html;
    return [...article.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/gi)].map((m) => m[0]).filter((p) => p.replace(/<[^>]+>/g, '').length > 80);
  });
  const body = Array.from({ length: paragraphs }, (_, i) => paras[i % paras.length]).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Rust case, every report at once</title>
<meta property="article:published_time" content="2025-01-15T09:00:00-05:00"></head>
<body><header><nav><a href="/">Home</a> · <a href="/news">News</a></nav></header>
<main><article><h1>The Rust case, every report at once</h1><p class="byline">By the Casefile benchmark</p>
${body}
</article></main><footer>Generated for the benchmark from the seed pages.</footer></body></html>`;
  return { html, paragraphs };
}

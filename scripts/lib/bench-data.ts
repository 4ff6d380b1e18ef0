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

/**
 * The same case in the format's version 1, for benching builds from before version 2: its
 * additions (works, event types and other dates, ages and births, matters' defendants and
 * charges) left out.
 */
export function asVersion1(file: CaseFile): CaseFile {
  const { works, ...rest } = file as CaseFile & { works?: { id: string }[] };
  const gone = new Set((works ?? []).map((w) => w.id));
  const strip = <T extends object>(records: T[] | undefined, keys: string[]): T[] => (records ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))) as T);
  return {
    ...rest,
    version: 1,
    people: strip(file.people, ['born', 'ages']),
    matters: strip(file.matters, ['defendants', 'charges']),
    events: strip(file.events, ['type', 'otherDates']).map((e) => ({ ...e, participants: e.participants?.filter((p) => !gone.has(p)) })),
    facts: file.facts.filter((f) => !gone.has(f.subject) && !gone.has(String(f.value))),
  } as unknown as CaseFile;
}

/** The seed pages: about the case, with flags. */
export const SEEDS = ['../shared/fixtures/seeds/000_ed7fe8675b0af3e5.html', '../shared/fixtures/seeds/003_d2d70b7a6efd8930.html'];

/** The seed pages' paragraphs (those with a sentence or more of text), as HTML. */
function seedParagraphs(): string[] {
  return SEEDS.map((f) => readFileSync(f, 'utf8')).flatMap((html) => {
    const article = /<article[\s\S]*?<\/article>/i.exec(html)?.[0] ?? html;
    return [...article.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/gi)].map((m) => m[0]).filter((p) => p.replace(/<[^>]+>/g, '').length > 80);
  });
}

/** A page around a body: head with a title and a publication date, chrome around the article. */
function page(title: string, article: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2025-01-15T09:00:00-05:00"></head>
<body><header><nav><a href="/">Home</a> · <a href="/news">News</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By the Casefile benchmark</p>
${article}
</article></main><footer>Generated for the benchmark from the seed pages.</footer></body></html>`;
}

/** A long article made of the seed pages' paragraphs, repeated: about 3,000 highlights. */
export function longArticle(paragraphs = 700): { html: string; paragraphs: number } {
  const paras = seedParagraphs();
  const body = Array.from({ length: paragraphs }, (_, i) => paras[i % paras.length]).join('\n');
  return { html: page('The Rust case, every report at once', body), paragraphs };
}

/**
 * A page of `paragraphs` paragraphs (10,000 by default): the seed pages' paragraphs over and
 * over, each in its own section with a heading every fifty, as a live blog or a transcript is.
 */
export function manyParagraphs(paragraphs = 10_000): { html: string; paragraphs: number } {
  const paras = seedParagraphs();
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) parts.push(`<h2>Update ${i / 50 + 1}</h2>`);
    parts.push(paras[i % paras.length]);
  }
  return { html: page('The Rust case: the live blog, every update', parts.join('\n')), paragraphs };
}

/**
 * An article of about `bytes` of HTML (5 MB by default): the seed paragraphs with the markup
 * heavy sites wrap text in (spans, links, data attributes, inline figures), so that the page's
 * weight, not its number of words, is what grows.
 */
export function heavyArticle(bytes = 5_000_000): { html: string; paragraphs: number } {
  const paras = seedParagraphs().map((p) => p.replace(/<p\b[^>]*>/i, '').replace(/<\/p>$/i, ''));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const words = paras[i % paras.length].split(' ');
    const inner = words.map((w, k) => (k % 6 === 0 ? `<span class="w-${k} token" data-offset="${k}" data-track="article-body-word">${w}</span>` : w)).join(' ');
    const block = `<div class="para-wrap" data-block="${i}" data-component="text-block"><p class="body-text paragraph-${i}" data-analytics="p-${i}">${inner}</p>`
      + (i % 10 === 0 ? `<figure class="inline-figure"><img src="/img/${i}.jpg" alt="" width="640" height="360"><figcaption>Picture ${i}</figcaption></figure>` : '') + '</div>';
    parts.push(block);
    size += block.length;
  }
  return { html: page('The Rust case, the heaviest page', parts.join('\n')), paragraphs: parts.length };
}

/**
 * `npm run train:names`: trains the name tagger (greedy averaged perceptron) on CoNLL-2003
 * eng.train and writes the shipped model, lib/recognise/tagger/names-model.ts.
 *
 * Reproducible: a fixed seed orders the documents, so the same data gives the same model.
 * The gazetteer a training document sees is built from the other folds only (jackknifing),
 * so the model learns how far to trust a listed name rather than memorising the list.
 *
 * Options: --train FILE (default ../shared/data/conll2003/eng.train), --epochs N (8),
 * --dev FILE (print dev F1 after each epoch; default none), --min-weight W (drop features
 * whose weights all stay below W; 2), --levels L (int8 quantisation levels; 31),
 * --gazetteer-min N (list names seen at least N times; 1).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { readConll, type ConllDoc } from './lib/eval/conll';
import { buildGazetteer, type Gazetteer } from '../lib/recognise/tagger/gazetteer';
import { CompactModel, decodeModel, encodeModel } from '../lib/recognise/tagger/model';
import { tagDocument, type Scorer } from '../lib/recognise/tagger/tagger';
import { NUM_TAGS, TAG_TYPE, tagIndex } from '../lib/recognise/tagger/tags';

const { values: args } = parseArgs({
  options: {
    train: { type: 'string', default: '../shared/data/conll2003/eng.train' },
    dev: { type: 'string' },
    epochs: { type: 'string', default: '8' },
    'min-weight': { type: 'string', default: '2' },
    levels: { type: 'string', default: '31' },
    folds: { type: 'string', default: '5' },
    'gazetteer-min': { type: 'string', default: '1' },
    out: { type: 'string', default: 'lib/recognise/tagger/names-model.ts' },
  },
});

/** An averaged perceptron over hashed features, with lazy averaging. */
class Perceptron implements Scorer {
  index = new Map<number, number>();
  weights = new Float64Array(1 << 20);
  totals = new Float64Array(1 << 20);
  stamps = new Float64Array(1 << 20);
  clock = 0;

  score(features: Int32Array, count: number, out: Float64Array): void {
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const row = this.index.get(features[k]);
      if (row === undefined) continue;
      const base = row * NUM_TAGS;
      for (let t = 0; t < NUM_TAGS; t++) out[t] += this.weights[base + t];
    }
  }

  private row(f: number): number {
    let row = this.index.get(f);
    if (row === undefined) {
      row = this.index.size;
      this.index.set(f, row);
      if ((row + 1) * NUM_TAGS > this.weights.length) {
        const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
        this.weights = grow(this.weights);
        this.totals = grow(this.totals);
        this.stamps = grow(this.stamps);
      }
    }
    return row;
  }

  update(features: Int32Array, count: number, gold: number, predicted: number): void {
    this.clock++;
    if (gold === predicted) return;
    for (let k = 0; k < count; k++) {
      const base = this.row(features[k]) * NUM_TAGS;
      this.bump(base + gold, 1);
      this.bump(base + predicted, -1);
    }
  }

  private bump(i: number, delta: number) {
    this.totals[i] += (this.clock - this.stamps[i]) * this.weights[i];
    this.stamps[i] = this.clock;
    this.weights[i] += delta;
  }

  /** The averaged weights, by feature key. */
  averaged(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (const [f, row] of this.index) {
      const w = new Float64Array(NUM_TAGS);
      for (let t = 0; t < NUM_TAGS; t++) {
        const i = row * NUM_TAGS + t;
        const total = this.totals[i] + (this.clock - this.stamps[i]) * this.weights[i];
        w[t] = total / this.clock;
      }
      out.set(f, w);
    }
    return out;
  }
}

/** A seeded generator (mulberry32), so training order is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The names in some documents seen at least `min` times, as a gazetteer. */
function gazetteerOf(docs: ConllDoc[], min: number): Gazetteer {
  const counts = new Map<string, { words: string[]; type: number; n: number }>();
  for (const doc of docs) {
    for (const s of doc.sentences) {
      let words: string[] = [];
      let type = 0;
      const flush = () => {
        if (!words.length) return;
        const key = `${type} ${words.join(' ').toLowerCase()}`;
        const entry = counts.get(key) ?? { words, type, n: 0 };
        entry.n++;
        counts.set(key, entry);
        words = [];
      };
      s.tags.forEach((tag, i) => {
        const t = tagIndex(tag);
        if (t === 0) { flush(); return; }
        if (tag.startsWith('B-')) flush();
        type = TAG_TYPE[t];
        words.push(s.tokens[i]);
      });
      flush();
    }
  }
  const entries: [string, number][] = [];
  for (const { words, type, n } of counts.values()) if (n >= min) entries.push([words.join(' ').toLowerCase(), 1 << (type - 1)]);
  return buildGazetteer(entries);
}

function quantise(averaged: Map<number, Float64Array>, minWeight: number, levels = 127) {
  const kept = [...averaged].filter(([, w]) => w.some((x) => Math.abs(x) >= minWeight)).sort((a, b) => a[0] - b[0]);
  const all = kept.flatMap(([, w]) => [...w].map(Math.abs)).sort((a, b) => a - b);
  const scale = all[Math.floor(all.length * 0.9995)] / levels;
  const keys = new Uint32Array(kept.length);
  const weights = new Int8Array(kept.length * NUM_TAGS);
  kept.forEach(([f, w], row) => {
    keys[row] = f;
    for (let t = 0; t < NUM_TAGS; t++) weights[row * NUM_TAGS + t] = Math.max(-levels, Math.min(levels, Math.round(w[t] / scale)));
  });
  return { keys, weights, scale };
}

/** Token-level tag accuracy and name F1 (exact, all four types) of a scorer on some documents. */
function devScore(scorer: Scorer, gazetteer: Gazetteer, docs: ConllDoc[]): string {
  let tp = 0, fp = 0, fn = 0;
  const spans = (tags: ArrayLike<number>) => {
    const out = new Set<string>();
    let start = -1;
    for (let i = 0; i <= tags.length; i++) {
      const t = i < tags.length ? tags[i] : 0;
      const begins = t !== 0 && (t % 2 === 1 || start < 0 || TAG_TYPE[tags[i - 1]] !== TAG_TYPE[t]);
      if (start >= 0 && (t === 0 || begins)) { out.add(`${start}:${i}:${TAG_TYPE[tags[start]]}`); start = -1; }
      if (begins) start = i;
    }
    return out;
  };
  for (const doc of docs) {
    const predicted = tagDocument(scorer, gazetteer, doc.sentences.map((s) => s.tokens));
    doc.sentences.forEach((s, k) => {
      const gold = spans(s.tags.map(tagIndex));
      const pred = spans(predicted[k]);
      for (const p of pred) if (gold.has(p)) tp++; else fp++;
      for (const g of gold) if (!pred.has(g)) fn++;
    });
  }
  const p = tp / (tp + fp), r = tp / (tp + fn);
  return `P ${(100 * p).toFixed(2)} R ${(100 * r).toFixed(2)} F1 ${((200 * p * r) / (p + r)).toFixed(2)} (4 types, exact)`;
}

function main() {
  const started = Date.now();
  const docs = readConll(args.train!);
  const folds = Number(args.folds);
  const foldGazetteers = Array.from({ length: folds }, (_, k) => gazetteerOf(docs.filter((_, i) => i % folds !== k), Number(args['gazetteer-min'])));
  const fullGazetteer = gazetteerOf(docs, Number(args['gazetteer-min']));
  const dev = args.dev ? readConll(args.dev) : null;
  const model = new Perceptron();
  const next = random(20261121);
  const order = docs.map((_, i) => i);
  for (let epoch = 1; epoch <= Number(args.epochs); epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0, tokens = 0;
    for (const d of order) {
      const doc = docs[d];
      tagDocument(model, foldGazetteers[d % folds], doc.sentences.map((s) => s.tokens), (features, count, predicted, s, i) => {
        const gold = tagIndex(doc.sentences[s].tags[i]);
        tokens++;
        if (gold !== predicted) errors++;
        model.update(features, count, gold, predicted);
      });
    }
    let line = `epoch ${epoch}: ${tokens} tokens, ${(100 * errors / tokens).toFixed(2)}% wrong while training, ${model.index.size} features`;
    if (dev) {
      const averaged = quantise(model.averaged(), 0);
      line += ` · dev ${devScore(new CompactModel({ ...averaged, gazetteer: fullGazetteer }), fullGazetteer, dev)}`;
    }
    console.log(line);
  }
  const compact = quantise(model.averaged(), Number(args['min-weight']), Number(args.levels));
  const bytes = encodeModel({ ...compact, gazetteer: fullGazetteer });
  const check = new CompactModel(decodeModel(bytes));
  if (dev) console.log(`shipped model on dev: ${devScore(check, check.gazetteer, dev)}`);
  const base64 = Buffer.from(bytes).toString('base64');
  writeFileSync(
    args.out!,
    `// Generated by \`npm run train:names\` (scripts/train-names.ts) from CoNLL-2003 eng.train. Do not edit.\n` +
      `// ${compact.keys.length} features, ${bytes.length} bytes.\n` +
      `export const NAMES_MODEL = '${base64}';\n`,
  );
  console.log(
    `wrote ${args.out}: ${compact.keys.length} features, ${bytes.length} bytes raw, ${gzipSync(base64).length} bytes gzipped (base64), ` +
      `in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

main();

/**
 * The shipped name model: hashed feature keys with int8 weights per tag (zeros not stored),
 * plus the gazetteer, in one compact binary. Decoding builds an open-addressing table, so a
 * lookup is a multiply and a probe or two.
 */
import type { Gazetteer } from './gazetteer';
import type { Scorer } from './tagger';
import { NUM_TAGS } from './tags';

const MAGIC = 0x4d4e4643; // "CFNM"
const VERSION = 3;

export interface ModelData {
  /** Feature keys, ascending. */
  keys: Uint32Array;
  /** NUM_TAGS int8 weights per key. */
  weights: Int8Array;
  /** Weight = int8 × scale. */
  scale: number;
  gazetteer: Gazetteer;
}

/** Bytes per table slot: a 4-byte key, then the int8 weights (NUM_TAGS ≤ 12). */
const SLOT_BYTES = 16;
const EMPTY = 0xffffffff;

/**
 * A decoded model, ready to score. Each slot of the open-addressing table holds the key
 * and its weights side by side, so a lookup touches one cache line.
 */
export class CompactModel implements Scorer {
  private readonly keys: Uint32Array;
  private readonly weights: Int8Array;
  private readonly mask: number;

  constructor(readonly data: ModelData) {
    let size = 1;
    while (size < data.keys.length * 2) size <<= 1;
    this.mask = size - 1;
    const buffer = new ArrayBuffer(size * SLOT_BYTES);
    this.keys = new Uint32Array(buffer).fill(EMPTY);
    this.weights = new Int8Array(buffer);
    data.keys.forEach((key, row) => {
      let slot = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
      while (this.keys[slot * 4] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot * 4] = key;
      this.weights.set(data.weights.subarray(row * NUM_TAGS, (row + 1) * NUM_TAGS), slot * SLOT_BYTES + 4);
    });
  }

  get gazetteer(): Gazetteer {
    return this.data.gazetteer;
  }

  score(features: Int32Array, count: number, out: Float64Array): void {
    out.fill(0);
    const { keys, weights, mask } = this;
    for (let f = 0; f < count; f++) {
      const key = features[f];
      let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
      let found = keys[slot * 4];
      while (found !== key && found !== EMPTY) {
        slot = (slot + 1) & mask;
        found = keys[slot * 4];
      }
      if (found === EMPTY) continue;
      const base = slot * SLOT_BYTES + 4;
      for (let t = 0; t < NUM_TAGS; t++) out[t] += weights[base + t];
    }
  }
}

/**
 * Serialise a model. Layout (little-endian): magic, version, scale (float32), key count n,
 * padding to 4 bytes, n uint32 keys ascending, n×NUM_TAGS int8 weights, gazetteer byte
 * length, then the gazetteer (see readGazetteer). Keys and weights are read
 * as typed-array views, so decoding does no per-feature work.
 */
export function encodeModel(model: ModelData): Uint8Array {
  const n = model.keys.length;
  const header = 16; // magic, version + padding, scale, n
  // The gazetteer: a count, the names in sorted order joined by newlines, one type byte per name.
  const names = new TextEncoder().encode(model.gazetteer.names.join('\n'));
  const count = model.gazetteer.types.length;
  const text = new Uint8Array(4 + names.length + count);
  new DataView(text.buffer).setUint32(0, count, true);
  text.set(names, 4);
  text.set(model.gazetteer.types, 4 + names.length);
  const weightsEnd = header + 4 * n + NUM_TAGS * n;
  const out = new Uint8Array(weightsEnd + 4 + text.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  out[4] = VERSION;
  view.setFloat32(8, model.scale, true);
  view.setUint32(12, n, true);
  model.keys.forEach((key, i) => view.setUint32(header + 4 * i, key, true));
  out.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, n * NUM_TAGS), header + 4 * n);
  view.setUint32(weightsEnd, text.length, true);
  out.set(text, weightsEnd + 4);
  return out;
}

/** Read a model written by encodeModel; throws on a file that is not one. */
export function decodeModel(bytes: Uint8Array): ModelData {
  if (bytes.byteOffset % 4) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16 || view.getUint32(0, true) !== MAGIC || bytes[4] !== VERSION) {
    throw new Error('not a Casefile name model (or a different version)');
  }
  const scale = view.getFloat32(8, true);
  const n = view.getUint32(12, true);
  const keys = new Uint32Array(bytes.buffer, bytes.byteOffset + 16, n);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + 16 + 4 * n, n * NUM_TAGS);
  const at = 16 + 4 * n + NUM_TAGS * n;
  const length = view.getUint32(at, true);
  const section = bytes.subarray(at + 4, at + 4 + length);
  return { keys, weights, scale, gazetteer: readGazetteer(section) };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array;
}

/**
 * Decode base64, natively where the platform can (Chrome 140+ has Uint8Array.fromBase64,
 * Node has Buffer): the model is decoded at every start, and a script loop costs milliseconds.
 */
export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) return native(text);
  const buffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;
  if (buffer) return new Uint8Array(buffer.from(text, 'base64'));
  return fromBase64(text);
}

/** Decode base64 in script, for platforms with neither native decoder. */
export function fromBase64(text: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < BASE64.length; i++) lookup[BASE64.charCodeAt(i)] = i;
  let length = (text.length / 4) * 3;
  if (text.endsWith('==')) length -= 2;
  else if (text.endsWith('=')) length -= 1;
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (lookup[text.charCodeAt(i)] << 18) | (lookup[text.charCodeAt(i + 1)] << 12) | (lookup[text.charCodeAt(i + 2)] << 6) | lookup[text.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    if (o < length) out[o++] = (n >> 8) & 255;
    if (o < length) out[o++] = n & 255;
  }
  return out;
}

/** The gazetteer section: a uint32 count, the sorted names joined by newlines, one type byte per name. */
function readGazetteer(section: Uint8Array): Gazetteer {
  if (section.length < 4) throw new Error('not a Casefile name model (its gazetteer is missing)');
  const count = new DataView(section.buffer, section.byteOffset, 4).getUint32(0, true);
  const textEnd = section.length - count;
  const text = textEnd > 4 ? new TextDecoder().decode(section.subarray(4, textEnd)) : '';
  const names = text ? text.split('\n') : [];
  if (names.length !== count) throw new Error('not a Casefile name model (its gazetteer is damaged)');
  return { names, types: section.slice(textEnd) };
}

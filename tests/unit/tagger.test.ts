import { describe, expect, it } from 'vitest';
import { buildGazetteer, markSentence } from '../../lib/recognise/tagger/gazetteer';
import { CompactModel, decodeModel, encodeModel, fromBase64 } from '../../lib/recognise/tagger/model';
import { NUM_TAGS } from '../../lib/recognise/tagger/tags';
import { tokenizeSentence } from '../../lib/recognise/tagger/tokenize';

describe('tagger tokens', () => {
  it.each([
    ["Baldwin's lawyers didn't agree.", ['Baldwin', "'s", 'lawyers', 'did', "n't", 'agree', '.']],
    ['The U.S. Attorney in Santa Fe, N.M., filed.', ['The', 'U.S.', 'Attorney', 'in', 'Santa', 'Fe', ',', 'N.M.', ',', 'filed', '.']],
    ['Shares of Acme Corp. rose 1,000.5 points to $27.', ['Shares', 'of', 'Acme', 'Corp.', 'rose', '1,000.5', 'points', 'to', '$', '27', '.']],
    ['Hannah Gutierrez-Reed — the armorer — spoke.', ['Hannah', 'Gutierrez-Reed', '—', 'the', 'armorer', '—', 'spoke', '.']],
    ['Toruń’s Camerimage festival', ['Toruń', '’s', 'Camerimage', 'festival']],
  ])('%s', (text, expected) => {
    const tokens = tokenizeSentence(text);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('name model file', () => {
  it('round-trips keys, weights and gazetteer, and scores by key', () => {
    const gazetteer = buildGazetteer([['new york city', 4], ['alec baldwin', 1], ['new', 2]]);
    const weights = new Int8Array(2 * NUM_TAGS).map((_, i) => (i % 7) - 3);
    const bytes = encodeModel({ keys: Uint32Array.of(5, 77), weights, scale: 0.25, gazetteer });
    const decoded = decodeModel(bytes);
    expect([...decoded.keys]).toEqual([5, 77]);
    expect([...decoded.weights]).toEqual([...weights]);
    expect(decoded.scale).toBe(0.25);
    const out = new Float64Array(NUM_TAGS);
    new CompactModel(decoded).score(Int32Array.of(77, 12345), 2, out);
    expect([...out]).toEqual([...weights.slice(NUM_TAGS)]);
    const words = ['in', 'new', 'york', 'city', 'with', 'alec', 'baldwin'].map((lowerText) => ({ lowerText }));
    // The longest listed name wins at each position: "new york city" over "new".
    expect([...markSentence(decoded.gazetteer, words)]).toEqual([0, 0b010000, 0b100000, 0b100000, 0, 0b01, 0b10]);
    expect([...markSentence(decoded.gazetteer, ['new', 'rules'].map((lowerText) => ({ lowerText })))]).toEqual([0b0100, 0]);
  });

  it('rejects bytes that are not a model', () => {
    expect(() => decodeModel(new Uint8Array(32))).toThrow(/not a Casefile name model/);
  });

  it.each(['', 'QQ==', 'QUI=', 'QUJD', 'AAECAwQF/w=='])('decodes base64 %j as Node does', (text) => {
    expect([...fromBase64(text)]).toEqual([...Buffer.from(text, 'base64')]);
  });
});

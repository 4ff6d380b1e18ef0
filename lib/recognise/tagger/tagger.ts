/**
 * Greedy left-to-right tagging of a document: each token's tag is chosen from its features,
 * which include the tags already chosen before it and the types given earlier in the
 * document to the same word. One pass, no search, so it is fast enough for every page load;
 * training runs the very same loop, so what the model learns is what it is asked to do.
 */
import { documentContext, featuresAt, isHeadline, MAX_FEATURES, paddedHashes, remember, wordInfo } from './features';
import { markSentence, type Gazetteer } from './gazetteer';
import { NUM_TAGS } from './tags';

/** Anything that turns features into one score per tag. */
export interface Scorer {
  score(features: Int32Array, count: number, out: Float64Array): void;
}

/** Called for each token during training with its features and the predicted tag. */
export type OnToken = (features: Int32Array, count: number, predicted: number, sentence: number, token: number) => void;

/** Tag every sentence of a document (sentences as word lists); returns tag indices per token. */
export function tagDocument(scorer: Scorer, gazetteer: Gazetteer, sentences: string[][], onToken?: OnToken): Uint8Array[] {
  const infos = sentences.map((raw) => raw.map(wordInfo));
  const doc = documentContext(infos);
  const features = new Int32Array(MAX_FEATURES);
  const scores = new Float64Array(NUM_TAGS);
  return infos.map((words, s) => {
    const headline = isHeadline(words);
    const gaz = markSentence(gazetteer, words);
    const { norms, shapes } = paddedHashes(words);
    const tags = new Uint8Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const count = featuresAt(features, words, norms, shapes, i, tags, headline, gaz, doc);
      scorer.score(features, count, scores);
      let best = 0;
      for (let t = 1; t < NUM_TAGS; t++) if (scores[t] > scores[best]) best = t;
      onToken?.(features, count, best, s, i);
      tags[i] = best;
      remember(doc, words[i], best);
    }
    return tags;
  });
}

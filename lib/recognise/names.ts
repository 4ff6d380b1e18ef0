/**
 * Names of people, organisations and places in news text, found by a trained tagger
 * (greedy averaged perceptron over hashed features, trained on CoNLL-2003 by
 * `npm run train:names`). The model ships inside the bundle and is decoded on first use.
 * Names the case dataset knows are found by the linker's alias index on top of this, so
 * known people are never missed even where the tagger is unsure.
 */
import type { Mention, NameKind } from '../types';
import { CompactModel, decodeBase64, decodeModel } from './tagger/model';
import { NAMES_MODEL } from './tagger/names-model';
import { tagDocument } from './tagger/tagger';
import { isTitle } from './tagger/features';
import { beginsName, TAG_TYPE } from './tagger/tags';
import { tokenizeText } from './tagger/tokenize';

export interface NameMention extends Mention {
  kind: NameKind;
}

/** Last words that make a capitalised name a law, prize or work, not an organisation ("Civil Rights Act"). */
const WORKS = /^(Act|Law|Amendment|Code|Constitution|Bill|Treaty|Award|Awards|Prize|Accord|Accords|Convention|Doctrine)$/;

const KIND_OF_TYPE: (NameKind | null)[] = [null, 'person', 'organization', 'place', null];

let model: CompactModel | null = null;

/** The decoded model, built once per process (a few milliseconds). */
function loadModel(): CompactModel {
  if (!model) {
    model = new CompactModel(decodeModel(decodeBase64(NAMES_MODEL)));
  }
  return model;
}

/** Find names with a kind. Pure over text; one pass over the tokens. */
export function recogniseNames(text: string): NameMention[] {
  const tagger = loadModel();
  const sentences = tokenizeText(text);
  const tags = tagDocument(tagger, tagger.gazetteer, sentences.map((s) => s.map((t) => t.text)));
  const mentions: NameMention[] = [];
  sentences.forEach((tokens, s) => {
    const sentenceTags = tags[s];
    let start = -1;
    for (let i = 0; i <= tokens.length; i++) {
      const tag = i < tokens.length ? sentenceTags[i] : 0;
      const begins = i < tokens.length && (start < 0 ? tag !== 0 : beginsName(tag, sentenceTags[i - 1]));
      if (start >= 0 && (tag === 0 || begins)) {
        const kind = KIND_OF_TYPE[TAG_TYPE[sentenceTags[start]]];
        let first = start;
        // A title is not part of the name ("Sheriff Adan Mendoza" is "Adan Mendoza").
        while (kind === 'person' && first < i && isTitle(tokens[first].text)) first++;
        const last = tokens[i - 1].text;
        if (kind && first < i && !WORKS.test(last)) mentions.push({ start: tokens[first].start, end: tokens[i - 1].end, kind });
        start = -1;
      }
      if (begins) start = i;
    }
  });
  return mentions;
}

/**
 * CoNLL-2003 reader. Training wants tokens and tags; measuring wants what the product
 * sees: a document's text (tokens joined by spaces, one sentence per line) with the gold
 * names as character spans, so the recogniser is scored through its real text interface.
 */
import { readFileSync } from 'node:fs';

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllSentence {
  tokens: string[];
  /** IOB tags normalised to BIO ("B-PER", "I-PER", "O"). */
  tags: string[];
}

export interface ConllDoc {
  sentences: ConllSentence[];
}

export interface GoldName {
  start: number;
  end: number;
  type: ConllType;
}

/** Parse a CoNLL file into documents of sentences with BIO tags (IOB1 converted). */
export function readConll(path: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sentence: ConllSentence = { tokens: [], tags: [] };
  const endSentence = () => {
    if (sentence.tokens.length) doc.sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim()) { endSentence(); continue; }
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    const tag = cols[cols.length - 1];
    const prev = sentence.tags[sentence.tags.length - 1] ?? 'O';
    const type = tag.slice(2);
    const bio = tag === 'O' ? 'O' : tag.startsWith('B-') || prev === 'O' || prev.slice(2) !== type ? `B-${type}` : `I-${type}`;
    sentence.tokens.push(cols[0]);
    sentence.tags.push(bio);
  }
  endSentence();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

/** A document as text plus gold name spans, in the shape the recogniser is scored on. */
export function documentText(doc: ConllDoc): { text: string; names: GoldName[]; tokens: number } {
  let text = '';
  const names: GoldName[] = [];
  let tokens = 0;
  for (const s of doc.sentences) {
    if (text) text += '\n';
    let open: GoldName | null = null;
    s.tokens.forEach((token, i) => {
      if (i) text += ' ';
      const start = text.length;
      text += token;
      tokens++;
      const tag = s.tags[i];
      if (tag.startsWith('I-') && open) open.end = text.length;
      else if (tag !== 'O') {
        open = { start, end: text.length, type: tag.slice(2) as ConllType };
        names.push(open);
      } else open = null;
    });
  }
  return { text, names, tokens };
}

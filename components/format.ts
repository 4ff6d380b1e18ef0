/** Display helpers shared by the card, the popup and the side panel (the wording lives in lib/show/words.ts, shared with the exports). */
export { KIND_LABEL, plural, readable, VERDICT_LABEL } from '../lib/show/words';

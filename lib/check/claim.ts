/** The result of checking one claim, before it is dressed as an annotation. */
import type { Verdict } from '../types';

export interface CheckedClaim {
  start: number;
  end: number;
  verdict: Verdict;
  /** The claim in words, e.g. "date of: Fatal shooting on the Rust set". */
  claim: string;
  /** Stable across articles, e.g. `event:shooting:date`, so that articles can be compared. */
  claimKey: string;
  /** What the article says, normalised (a date value, an entity id, "P18M", "true"). */
  value: string;
  /** What the dataset says, in words a reader can check. */
  expected: string | null;
  explanation: string | null;
  /** The case event the claim was read as being about (its id), when there is one. */
  event?: string | null;
  /** Source ids of the records the verdict rests on. */
  sources: string[];
}

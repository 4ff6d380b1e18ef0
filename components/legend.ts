/**
 * What the highlights' colours and underlines mean, for the legend in the popup and the side
 * panel. Each entry names a look the highlighter draws (kind, verdict, linked or not, the
 * reader's decision); its sample is drawn by the highlighter itself (`paintSample`), with the
 * page's own style sheet, so the legend shows exactly what the page shows. A browser test
 * compares each sample with a mark on a page and reads the words against what is drawn.
 */
import type { Look } from '../lib/anchor/highlighter';

export interface LegendEntry {
  key: string;
  label: string;
  /** How to tell it apart without colour (each word is checked against the drawn sample). */
  look: string;
  /** The look a mark of this entry has. */
  sample: Look;
}

const linked = 'in-case';

export const LEGEND: LegendEntry[] = [
  { key: 'person', label: 'Person', look: 'light yellow fill', sample: { kind: 'person', verdict: 'unknown', entity: linked, decision: null } },
  { key: 'organization', label: 'Organisation or court case', look: 'dark green fill', sample: { kind: 'organization', verdict: 'unknown', entity: linked, decision: null } },
  { key: 'place', label: 'Place', look: 'blue stripes', sample: { kind: 'place', verdict: 'unknown', entity: linked, decision: null } },
  { key: 'date', label: 'Date', look: 'purple underline, no fill', sample: { kind: 'date', verdict: 'unknown', entity: null, decision: null } },
  { key: 'unknown', label: 'Name the case does not know', look: 'dashed grey underline, no fill', sample: { kind: 'person', verdict: 'unknown', entity: null, decision: null } },
  { key: 'conflict', label: 'Conflicts with the case (a flag)', look: 'red fill, wavy underline', sample: { kind: 'date', verdict: 'conflict', entity: null, decision: null } },
  { key: 'consistent', label: 'Consistent with the case', look: 'green underline', sample: { kind: 'person', verdict: 'consistent', entity: linked, decision: null } },
  { key: 'wrong', label: 'You marked the checker wrong', look: 'grey fill, dotted underline', sample: { kind: 'date', verdict: 'conflict', entity: null, decision: { verdict: 'wrong', note: '', at: '' } } },
];

/**
 * What the highlights' colours and underlines mean, for the legend in the popup and the side
 * panel. Each entry is drawn with the same declarations the highlighter's style sheet uses
 * for it (lib/anchor/highlighter.ts); a unit test draws marks and checks that every value here
 * is in that style sheet, so the legend cannot drift from the page.
 */
export interface LegendEntry {
  key: string;
  label: string;
  /** How to tell it apart without colour. */
  look: string;
  /** CSS declarations of the sample, as the highlighter draws this kind or verdict. */
  style: Record<string, string>;
}

const UNDERLINE = 'inset 0 -2px 0';

export const LEGEND: LegendEntry[] = [
  { key: 'person', label: 'Person', look: 'light yellow fill', style: { 'background-color': 'rgba(255,193,7,.32)' } },
  { key: 'organization', label: 'Organisation or court case', look: 'dark green fill', style: { 'background-color': 'rgba(46,125,50,.40)' } },
  {
    key: 'place', label: 'Place', look: 'blue stripes',
    style: { 'background-color': 'rgba(33,150,243,.10)', 'background-image': 'repeating-linear-gradient(135deg,rgba(33,150,243,.45) 0 2px,transparent 2px 5px)' },
  },
  { key: 'date', label: 'Date', look: 'purple underline, no fill', style: { 'box-shadow': `${UNDERLINE} #7b1fa2` } },
  { key: 'unknown', label: 'Name the case does not know', look: 'dashed grey underline', style: { 'text-decoration': 'underline dashed #616161 1px', 'text-underline-offset': '3px' } },
  {
    key: 'conflict', label: 'Conflicts with the case (a flag)', look: 'red, wavy underline',
    style: { 'background-color': 'rgba(229,57,53,.30)', 'box-shadow': `${UNDERLINE} #c62828`, 'text-decoration': 'underline wavy #c62828 1.5px', 'text-underline-offset': '3px' },
  },
  { key: 'consistent', label: 'Consistent with the case', look: 'green underline', style: { 'background-color': 'rgba(255,193,7,.32)', 'box-shadow': `${UNDERLINE} #2e7d32` } },
  {
    key: 'wrong', label: 'You marked the checker wrong', look: 'grey, dotted underline',
    style: { 'background-color': 'rgba(120,120,120,.14)', 'text-decoration': 'underline dotted #757575 1.5px' },
  },
];

/** Inline style text for a sample. */
export function sampleStyle(entry: LegendEntry): string {
  return Object.entries(entry.style).map(([k, v]) => `${k}:${v}`).join(';');
}

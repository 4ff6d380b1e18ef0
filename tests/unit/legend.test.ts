import { describe, expect, it } from 'vitest';
import { Highlighter } from '../../lib/anchor/highlighter';
import { LEGEND } from '../../components/legend';
import { htmlDocument } from '../helpers/pipeline';

/** The highlighter's style sheet, as it puts it in a page (drawing a first mark installs it). */
function highlighterCss(): string {
  const doc = htmlDocument('<p>Alec Baldwin</p>');
  const node = doc.querySelector('p')!.firstChild as Text;
  new Highlighter(doc, [{ node, start: 0, end: 12 }]).highlight({ id: 'a', start: 0, end: 4, kind: 'person', verdict: 'unknown', entity: 'x', decision: null });
  return doc.getElementById('casefile-highlight-style')!.textContent!;
}

describe('the legend', () => {
  const css = highlighterCss().replace(/\s+/g, ' ');
  it.each(LEGEND.flatMap((e) => Object.entries(e.style).map(([property, value]) => [e.key, property, value])))('%s: %s %s is what the page draws', (_, property, value) => {
    const declared = property === 'background-color' ? `--cf-bg:${value}` : property === 'background-image' ? `--cf-pattern:${value}`
      : property === 'box-shadow' ? `--cf-line:${value.replace('inset 0 -2px 0 ', '')}` : `${property}:${value}`;
    expect(css).toContain(declared);
  });
  it('says what each kind looks like without colour, and no two alike', () => {
    const looks = LEGEND.map((e) => e.look);
    expect(new Set(looks).size).toBe(looks.length);
  });
});

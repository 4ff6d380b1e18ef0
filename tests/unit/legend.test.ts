import { describe, expect, it } from 'vitest';
import { paintSample } from '../../lib/anchor/highlighter';
import { LEGEND } from '../../components/legend';
import { htmlDocument } from '../helpers/pipeline';

/** The classes the highlighter gives a look, read from a sample it drew. */
function classesOf(look: (typeof LEGEND)[number]['sample']): string {
  const doc = htmlDocument('<p><span>Abc</span></p>');
  const host = doc.querySelector('span')!;
  paintSample(host, look);
  return host.shadowRoot!.querySelector('span')!.className;
}

describe('the legend', () => {
  it('shows looks the highlighter tells apart, each said in its own words', () => {
    const looks = LEGEND.map((e) => classesOf(e.sample));
    expect(new Set(looks).size).toBe(LEGEND.length);
    const words = LEGEND.map((e) => e.look);
    expect(new Set(words).size).toBe(words.length);
  });

  it('draws each sample with the style sheet the marks use, around the sample\'s own text', () => {
    const doc = htmlDocument('<p><span>Abc</span></p>');
    const host = doc.querySelector('span')!;
    paintSample(host, LEGEND[0].sample);
    const root = host.shadowRoot!;
    expect(root.querySelector('style')!.textContent).toContain('.conflict{');
    expect(root.querySelector('span > slot')).not.toBeNull();
    // Painting again replaces the sample, never piles up.
    paintSample(host, LEGEND[1].sample);
    expect(root.querySelectorAll('span').length).toBe(1);
    expect(host.textContent).toBe('Abc');
  });
});

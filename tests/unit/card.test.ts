import { describe, expect, it } from 'vitest';
import { citationMarkdown, citationText } from '../../lib/export/citation';
import { GAP, inView, overlaps, placeCard, type Box } from '../../lib/show/placement';
import { cardName } from '../../lib/show/words';
import type { Annotation } from '../../lib/types';

const VIEW = { width: 1280, height: 900 };
const CARD = { width: 360, height: 520 };
const line = (left: number, top: number, width = 120, height = 20): Box => ({ left, top, right: left + width, bottom: top + height });

describe('where the card goes', () => {
  it.each([
    ['a claim near the top', [line(100, 100)], 'below'],
    ['a claim near the bottom', [line(100, 820)], 'above'],
    ['a claim in the middle of a short window', [line(100, 260)], 'right'],
    ['a claim at the right edge, middle of a short window', [line(1100, 260)], 'left'],
    ['a claim on two lines near the bottom', [line(900, 800, 300), line(60, 820, 200)], 'above'],
  ] as const)('%s: %s', (_, claim, side) => {
    const view = side === 'right' || side === 'left' ? { width: 1280, height: 560 } : VIEW;
    const at = placeCard(claim, CARD, view);
    expect(at.side).toBe(side);
    const card = { left: at.left, top: at.top, right: at.left + Math.min(CARD.width, at.maxWidth), bottom: at.top + Math.min(CARD.height, at.maxHeight) };
    // Never over the claim, whole in the window.
    for (const box of claim) expect(overlaps(card, box)).toBe(false);
    expect(card.left).toBeGreaterThanOrEqual(GAP);
    expect(card.top).toBeGreaterThanOrEqual(GAP);
    expect(card.right).toBeLessThanOrEqual(view.width - GAP);
    expect(card.bottom).toBeLessThanOrEqual(view.height - GAP);
    expect(at.maxHeight).toBe(CARD.height);
  });

  it('cuts a card to the room below (or above) its claim when that room is still comfortable', () => {
    const below = placeCard([line(100, 380)], CARD, VIEW);
    expect(below).toMatchObject({ side: 'below', top: 408, maxHeight: VIEW.height - GAP - 408 });
    const above = placeCard([line(100, 500)], CARD, VIEW);
    expect(above).toMatchObject({ side: 'above', top: GAP, maxHeight: 500 - 2 * GAP });
  });

  it('cuts a card taller than any room to the largest, still beside the claim', () => {
    const claim = [line(20, 300, 1200)];
    const at = placeCard(claim, { width: 360, height: 2000 }, VIEW);
    expect(at.side).toBe('below');
    expect(at.maxHeight).toBe(VIEW.height - GAP - (320 + GAP));
    expect(overlaps({ left: at.left, top: at.top, right: at.left + 360, bottom: at.top + at.maxHeight }, claim[0])).toBe(false);
  });

  it('fits a narrow window', () => {
    const at = placeCard([line(10, 50, 100)], CARD, { width: 320, height: 900 });
    expect(at.maxWidth).toBe(320 - 2 * GAP);
    expect(at.left).toBe(GAP);
  });

  it('knows when the claim has left the window', () => {
    expect(inView([line(100, -40)], VIEW)).toBe(false);
    expect(inView([line(100, -10)], VIEW)).toBe(true);
    expect(inView([line(100, 905)], VIEW)).toBe(false);
    expect(inView([], VIEW)).toBe(false);
  });
});

const FLAG: Annotation = {
  id: 'f', start: 0, end: 13, exact: 'June 16, 2025', prefix: '', suffix: '', kind: 'date', entity: null, entityName: null, value: '2025-06-16', granularity: 'day',
  verdict: 'conflict', claim: 'date of: Fatal shooting on the Rust set', claimKey: 'event:shooting', expected: '2021-10-21', explanation: null, caseId: 'rust-shooting',
  caseTitle: 'The Rust shooting', others: [],
  sources: [{ publisher: 'Santa Fe New Mexican', title: 'Cinematographer killed [on set]', url: 'https://www.santafenewmexican.com/news/a(1).html', published: '2021-10-22' }],
};
const PAGE = { url: 'https://news.example/story?id=3', title: 'Baldwin could sue\nthe sheriff', site: 'Screen Desk', published: '2024-07-17' };
const SENTENCE = 'The shooting on June 16, 2025 killed Halyna Hutchins.';

describe('a citation', () => {
  it('in plain text: the claim, its sentence, what the case says, the sources with dates and links, where it was read', () => {
    expect(citationText(FLAG, SENTENCE, PAGE)).toBe([
      '“June 16, 2025” — date of: Fatal shooting on the Rust set: conflicts with the case (Casefile).',
      'In its sentence: “The shooting on June 16, 2025 killed Halyna Hutchins.”',
      'The case “The Rust shooting” says: October 21, 2021.',
      'Sources:',
      '- Santa Fe New Mexican, “Cinematographer killed [on set]” (October 22, 2021): https://www.santafenewmexican.com/news/a(1).html',
      'Read in: Baldwin could sue the sheriff, Screen Desk, published July 17, 2024: https://news.example/story?id=3',
      '',
    ].join('\n'));
  });

  it('in Markdown: the sentence quoted with the claim in bold, sources as links, nothing a page wrote made markup', () => {
    const md = citationMarkdown(FLAG, SENTENCE, PAGE);
    expect(md).toContain('> The shooting on **June 16, 2025** killed Halyna Hutchins.');
    expect(md).toContain('**“June 16, 2025”** — date of: Fatal shooting on the Rust set: *conflicts with the case* (Casefile). The case “The Rust shooting” says: October 21, 2021.');
    expect(md).toContain('- [Santa Fe New Mexican: Cinematographer killed \\[on set\\]](https://www.santafenewmexican.com/news/a%281%29.html) (October 22, 2021)');
    expect(md).toContain('Read in [Baldwin could sue the sheriff, Screen Desk, published July 17, 2024](https://news.example/story?id=3).');
    const hostile = citationMarkdown({ ...FLAG, exact: '<img src=x>', sources: [{ ...FLAG.sources[0], url: 'javascript:alert(1)' }] }, null, { ...PAGE, title: '# Heading\n<script>' });
    expect(hostile).not.toMatch(/(^|[^\\])<(img|script)/m);
    expect(hostile).not.toMatch(/^#/m);
    expect(hostile).not.toContain('](javascript:');
  });
});

describe('the card\'s accessible name', () => {
  it.each([
    [FLAG, 'Casefile: date of Fatal shooting on the Rust set — conflicts with the case'],
    [{ ...FLAG, claim: null, kind: 'person', exact: 'Baldwin', entity: 'alec_baldwin', entityName: 'Alec Baldwin', verdict: 'unknown' }, 'Casefile: Alec Baldwin (person) — in your case'],
    [{ ...FLAG, claim: null, kind: 'person', exact: 'Maria Delgado', entity: null, entityName: null, verdict: 'unknown' }, 'Casefile: Maria Delgado (person) — not in your cases'],
  ] as const)('names the claim and what was found: %#', (a, name) => {
    expect(cardName(a as Annotation)).toBe(name);
  });
});

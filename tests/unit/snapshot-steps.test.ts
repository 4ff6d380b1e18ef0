/**
 * A large page serialised in pieces reads back as the same page: the same text nodes in the
 * same order (the ordinals the answer names), the same attributes, no script bodies, no
 * inline handlers — as the one-piece serialisation does.
 */
import { describe, expect, it } from 'vitest';
import { orderedTexts, snapshotPage, snapshotSteps } from '../../lib/extract/snapshot';
import { drain } from '../../lib/util/steps';
import { htmlDocument } from '../helpers/pipeline';

function largePage(): Document {
  const rows = Array.from({ length: 1800 }, (_, i) =>
    `<div class="row r${i}" data-note='say "hi" & <bye>'><p onclick="steal()">Row ${i}: a&nbsp;b &amp; c &lt;d&gt; <b>bold</b></p><!-- note ${i} --></div>`).join('');
  return htmlDocument(`<html><head><title>Big</title><style>p{color:red}</style><script>var secret = 1;</script></head>
    <body><header>Top</header><main><article><h1>Heading</h1>${rows}</article></main><footer>End</footer></body></html>`);
}

const texts = (doc: Document) => orderedTexts(doc).map((t) => t.data);

describe('snapshotSteps', () => {
  it('writes a page of thousands of elements in many steps, which reads back as the page', () => {
    const doc = largePage();
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(5000);
    const steps = snapshotSteps(doc);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      step = steps.next();
    }
    expect(count).toBeGreaterThan(3);
    const { html, texts: numbered } = step.value;
    const copy = htmlDocument(html);
    expect(texts(copy)).toEqual(texts(doc));
    expect(numbered.map((t) => t.data)).toEqual(texts(doc));
    expect(copy.querySelector('.r7')?.getAttribute('data-note')).toBe('say "hi" & <bye>');
    expect(html).not.toContain('secret');
    expect(html).not.toContain('steal()');
    expect(html.length).toBeLessThan(snapshotPage(doc).html.length * 1.05);
  });

  it('takes a small page at once, as the one-piece snapshot does', () => {
    const doc = htmlDocument('<html><head><title>Small</title></head><body><p>Just a few words.</p></body></html>');
    expect(drain(snapshotSteps(doc)).html).toBe(snapshotPage(doc).html);
  });
});

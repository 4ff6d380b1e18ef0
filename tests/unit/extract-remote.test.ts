import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/article';
import { extractFromHtml } from '../../lib/extract/from-html';
import { attachSegments, orderedTexts, snapshotPage, leanHtml } from '../../lib/extract/snapshot';
import { htmlDocument } from '../helpers/pipeline';
import { SEEDS_DIR } from '../helpers/seeds';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/dev');
const URL_OF_PAGE = 'https://news.example/story.html';
/** A copy parsed inside the extension: its own address, not the page's. */
const parseInExtension = (html: string) => htmlDocument(html, 'chrome-extension://casefile/offscreen.html');

/** Extract a live document the way the extension does it off the page's thread. */
function remotely(live: Document) {
  const snapshot = snapshotPage(live);
  const remote = extractFromHtml(snapshot.html, URL_OF_PAGE, parseInExtension);
  if (!remote) return null;
  return { article: remote.article, segments: attachSegments(remote.article.text, remote.segments, snapshot.texts) };
}

describe.each([
  [resolve(SEEDS_DIR, '000_ed7fe8675b0af3e5.html')],
  [resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html')],
  [resolve(CORPUS, 'aeb-bbc_com-70cb2d5b.html')],
  [resolve(CORPUS, 'rdb-engadget.html')],
  [resolve(CORPUS, 'aeb-theguardian_com-5fa3154e.html')],
])('extraction from a parsed copy of %s', (file) => {
  const html = readFileSync(file, 'utf8');

  it('finds the same article text, on the same live text nodes, as extraction on the page itself', () => {
    const local = extractArticle(htmlDocument(html, URL_OF_PAGE), URL_OF_PAGE)!;
    const live = htmlDocument(html, URL_OF_PAGE);
    const liveLocal = extractArticle(live, URL_OF_PAGE)!;
    const remote = remotely(live)!;
    expect(remote.article).toEqual(local.article);
    expect(remote.segments.map((s) => [s.start, s.end])).toEqual(liveLocal.segments.map((s) => [s.start, s.end]));
    expect(remote.segments.every((s, i) => s.node === liveLocal.segments[i].node)).toBe(true);
  });
});

describe('attachSegments', () => {
  const page = `<html><head><title>T</title></head><body><nav>Home</nav><article>
    <p>Hannah Gutierrez-Reed was the armorer on the set of Rust in New Mexico.</p>
    <p>Alec Baldwin was holding the gun on October 21, 2021, the sheriff said.</p>
    <p>Prosecutors later charged the armorer with involuntary manslaughter in 2023.</p>
  </article><footer>Footer</footer></body></html>`;

  it('learns the offset when the page holds a text node the copy does not (text a script split in two)', () => {
    const live = htmlDocument(page, URL_OF_PAGE);
    const snapshot = snapshotPage(live);
    // After the snapshot was sent, but in the page as it stands: the nav's text is split, shifting every later ordinal by one.
    const remote = extractFromHtml(snapshot.html, URL_OF_PAGE, parseInExtension)!;
    const navText = live.querySelector('nav')!.firstChild as Text;
    navText.splitText(2);
    const segments = attachSegments(remote.article.text, remote.segments, orderedTexts(live));
    expect(segments.map((s) => s.node.data.trim())).toEqual([...live.querySelectorAll('article p')].map((p) => p.textContent!.trim()));
  });

  it('leaves out a node whose text is no longer what the copy had, and nodes no longer in the page', () => {
    const live = htmlDocument(page, URL_OF_PAGE);
    const snapshot = snapshotPage(live);
    const remote = extractFromHtml(snapshot.html, URL_OF_PAGE, parseInExtension)!;
    const [first, second] = [...live.querySelectorAll('article p')];
    (first.firstChild as Text).data = 'Something else entirely.';
    second.remove();
    const segments = attachSegments(remote.article.text, remote.segments, snapshot.texts);
    expect(segments.map((s) => s.node.data)).toEqual(['Prosecutors later charged the armorer with involuntary manslaughter in 2023.']);
    const third = segments[0];
    expect(remote.article.text.slice(third.start, third.end)).toBe(third.node.data);
  });

  it('ignores triples that point past the page', () => {
    const live = htmlDocument(page, URL_OF_PAGE);
    expect(attachSegments('abc', [999, 0, 3, 1000], orderedTexts(live))).toEqual([]);
  });
});

describe('snapshots', () => {
  it('drop inline event handlers, never text that looks like one', () => {
    const html = `<body><img src="a.png" onload="track(1)" alt="x" onerror="f()"><p onclick="go()">Set onclick="x" to run it &lt;b onclick="y"&gt;</p></body>`;
    expect(leanHtml(html)).toBe(`<body><img src="a.png" alt="x"><p>Set onclick="x" to run it &lt;b onclick="y"&gt;</p></body>`);
  });

  it('drop SVG path data, never the drawing\'s text or anything else', () => {
    const html = `<p>An <svg viewBox="0 0 9 9"><path class="i" d="M0 0L9 9Z" fill="red"></path><text>Icon label</text></svg> and d="kept" text</p>`;
    expect(leanHtml(html)).toBe(`<p>An <svg viewBox="0 0 9 9"><path class="i" fill="red"></path><text>Icon label</text></svg> and d="kept" text</p>`);
  });

  it('drop script and style bodies but keep JSON-LD, which dates the article', () => {
    const html = `<head><style>p{color:red}</style><script type="application/ld+json">{"datePublished":"2024-03-01"}</script><script>if (a < b && "</div>") go()</script></head><body><p>x</p><SCRIPT src="a.js"></SCRIPT></body>`;
    expect(leanHtml(html)).toBe(`<head><style></style><script type="application/ld+json">{"datePublished":"2024-03-01"}</script><script></script></head><body><p>x</p><SCRIPT src="a.js"></SCRIPT></body>`);
  });

  it('number no script, style or noscript text, in the page or in its parsed copy', () => {
    const html = `<html><head><script>var x = 1;</script><style>p{}</style></head><body><p>One</p><noscript><img src="a.png"><p>Enable scripts</p></noscript><p>Two</p></body></html>`;
    const live = htmlDocument(html, URL_OF_PAGE);
    expect(orderedTexts(live).map((t) => t.data)).toEqual(['One', 'Two']);
    const copy = parseInExtension(snapshotPage(live).html);
    expect(orderedTexts(copy).map((t) => t.data)).toEqual(['One', 'Two']);
  });

  it('resolve the canonical link against the page, not the extension that parsed the copy', () => {
    const live = htmlDocument(`<html><head><link rel="canonical" href="/stories/rust-verdict"></head><body><article>${'<p>Alec Baldwin was charged with involuntary manslaughter over the shooting on the set of Rust in New Mexico.</p>'.repeat(8)}</article></body></html>`, URL_OF_PAGE);
    expect(remotely(live)!.article.canonical).toBe('https://news.example/stories/rust-verdict');
  });
});

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/article';
import { htmlDocument } from '../helpers/pipeline';

/** An article with one inserted block, long enough for Readability to take it. */
function articleWith(block: string): string {
  const prose = 'The armorer loaded the revolver before the rehearsal, the prosecutors said in court. '.repeat(8);
  return `<html><head><title>Trial</title></head><body><article><h1>Trial</h1>
    <p>${prose}</p>${block}<p>${prose}</p></article></body></html>`;
}

describe('extractArticle leaves out what is not the story', () => {
  it.each([
    ['a photo credit marked as schema.org copyrightHolder (hashed classes)', '<figure><img src="a.jpg"><figcaption><span>The courthouse.</span><span itemprop="copyrightHolder" class="css-1fxp258"><span>Credit...</span><span>Anna Moneymaker/The New York Times</span></span></figcaption></figure>', 'Anna Moneymaker'],
    ['a credit by its class', '<p class="photo-credit">Photo: Jane Doe</p>', 'Jane Doe'],
    ['a byline by its class', '<p class="byline">By Julia Jacobs</p>', 'Julia Jacobs'],
    ['hidden text', '<p hidden>Hidden Person was here.</p>', 'Hidden Person'],
  ])('%s', (_what, block, name) => {
    const extracted = extractArticle(htmlDocument(articleWith(block)), 'http://127.0.0.1/trial.html');
    expect(extracted?.article.text).toContain('The armorer loaded the revolver');
    expect(extracted?.article.text).not.toContain(name);
  });

  it('keeps a caption, which is part of the story', () => {
    const extracted = extractArticle(htmlDocument(articleWith('<figure><img src="a.jpg"><figcaption><span>Alec Baldwin at the courthouse.</span><span itemprop="copyrightHolder">Anna Moneymaker</span></figcaption></figure>')), 'http://127.0.0.1/trial.html');
    expect(extracted?.article.text).toContain('Alec Baldwin at the courthouse.');
    expect(extracted?.article.text).not.toContain('Anna Moneymaker');
  });
});

describe('extractArticle keeps the spaces between words', () => {
  it.each([
    ['markup that puts a space in a text node of its own (React)', '<p>When <!-- -->President<!-- --> <!-- -->Trump’s<!-- --> advisers met.</p>', 'When President Trump’s advisers met.'],
    ['a space between two inline elements', '<p><b>Alec</b> <i>Baldwin</i> spoke.</p>', 'Alec Baldwin spoke.'],
  ])('%s', (_what, block, sentence) => {
    const extracted = extractArticle(htmlDocument(articleWith(block)), 'http://127.0.0.1/trial.html');
    expect(extracted?.article.text).toContain(sentence);
  });

  it('adds no space at the edge of a block', () => {
    const extracted = extractArticle(htmlDocument(articleWith('<p> <b>First.</b> </p>\n <p>Second.</p>')), 'http://127.0.0.1/trial.html');
    expect(extracted?.article.text).toContain('\n\nFirst.\n\nSecond.\n\n');
  });
});

describe('a page still loading its article', () => {
  const skeleton = (inside: string) => `<html><head><title>Loading…</title><meta property="og:type" content="article"></head><body>
    <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main><article>${inside}</article></main>
    <footer><p>© 2025 The Paper</p></footer></body></html>`;

  it.each([
    ['"Loading…"', '<p class="loading">Loading…</p>'],
    ['a skeleton of empty blocks and a sentence', '<h1></h1><p>Please wait while the story loads.</p><p></p>'],
  ])('has no article yet (%s): never an article of a few words', (_what, inside) => {
    expect(extractArticle(htmlDocument(skeleton(inside)), 'http://127.0.0.1/story.html')).toBeNull();
  });

  it('has one once its text is there', () => {
    const text = 'The armorer loaded the revolver before the rehearsal, the prosecutors said in court. '.repeat(3);
    expect(extractArticle(htmlDocument(skeleton(`<h1>Trial</h1><p>${text}</p>`)), 'http://127.0.0.1/story.html')?.article.text).toContain('The armorer');
  });
});

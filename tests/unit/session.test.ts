import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseHtml } from '../../lib/analysis/analyse';
import type { Analyser } from '../../lib/background/analyser';
import { CasefileService } from '../../lib/background/service';
import { CasefileDB } from '../../lib/db/schema';
import type { SendToBackground } from '../../lib/page/session';
import { PageSession } from '../../lib/page/session';
import { unwrap } from '../../lib/messaging/result';
import { htmlDocument } from '../helpers/pipeline';
import { EXPECTED, SEEDS_DIR } from '../helpers/seeds';

const PAGE = '000_ed7fe8675b0af3e5.html';
const URL_OF_PAGE = 'http://127.0.0.1/000.html';
const inProcess: Analyser = async ({ html, url }) => analyseHtml(html, url, (h) => htmlDocument(h, 'chrome-extension://casefile/offscreen.html'));

/** The page's messages, answered by a real background service as the browser would pass them. */
function sender(service: CasefileService, sent: string[] = []): SendToBackground {
  return (async (type, request) => {
    sent.push(type);
    return unwrap(await service.handle(JSON.parse(JSON.stringify({ ...(request as object), type })), 'page', URL_OF_PAGE)) as any;
  }) as SendToBackground;
}

const page = () => htmlDocument(readFileSync(resolve(SEEDS_DIR, PAGE), 'utf8'), URL_OF_PAGE);
const marks = (doc: Document) => [...doc.querySelectorAll('casefile-mark')];

describe('checking a page', () => {
  it('off the page\'s thread: the page sends its HTML and draws the answer on its own nodes', async () => {
    const doc = page();
    const sent: string[] = [];
    const session = new PageSession(doc, sender(new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess), sent));
    const state = await session.run();
    expect(state.status).toBe('checked');
    expect(state.timings?.mode).toBe('off-page');
    expect(sent).toEqual(['check-html']);
    expect(state.annotations.some((a) => a.verdict === 'conflict')).toBe(true);
    // Every annotation is drawn, and no mark says anything about it to the page.
    expect(state.annotations.every((a) => session.marksOf(a.id).length > 0)).toBe(true);
    expect(marks(doc).every((m) => m.attributes.length === 0)).toBe(true);
    for (const name of EXPECTED.pages[PAGE].outsideArticle) expect(marks(doc).map((m) => m.textContent).join('|')).not.toContain(name);
  });

  it('on the page\'s thread when the browser cannot parse pages in the background, with the same result', async () => {
    const offPage = await new PageSession(page(), sender(new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess))).run();
    const doc = page();
    const sent: string[] = [];
    const state = await new PageSession(doc, sender(new CasefileService(new CasefileDB(`t-${Math.random()}`), null), sent)).run();
    expect(state.timings?.mode).toBe('on-page');
    expect(sent).toEqual(['check-html', 'check-article', 'get-article']);
    expect(state.annotations.map((a) => [a.start, a.end, a.verdict])).toEqual(offPage.annotations.map((a) => [a.start, a.end, a.verdict]));
    expect(marks(doc).length).toBeGreaterThan(0);
  });

  it('draws what it still can when the page changed while the answer was out', async () => {
    const doc = page();
    const service = new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess);
    const send = sender(service);
    // A script rewrites the first paragraph of the article after the page was sent.
    const changing: SendToBackground = (async (type: any, request: any) => {
      const answer = await send(type, request);
      const first = [...doc.querySelectorAll('article p, main p, p')].find((p) => (p.textContent ?? '').includes('Rust'))!;
      first.textContent = 'Rewritten by a script.';
      return answer;
    }) as SendToBackground;
    const state = await new PageSession(doc, changing).run();
    expect(state.status).toBe('checked');
    expect(marks(doc).length).toBeGreaterThan(0);
    expect(marks(doc).every((m) => !m.textContent?.includes('Rewritten'))).toBe(true);
  });

  it('extracts on the page when most of the article\'s nodes cannot be found again', async () => {
    const doc = page();
    const sent: string[] = [];
    const send = sender(new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess), sent);
    // A copy numbered nothing like the page: every ordinal points at text that is not there.
    const garbled: SendToBackground = (async (type: any, request: any) => {
      const answer: any = await send(type, request);
      if (type === 'check-html' && answer.segments) answer.segments = answer.segments.map((v: number, i: number) => (i % 3 === 0 ? v : v + 1));
      return answer;
    }) as SendToBackground;
    const state = await new PageSession(doc, garbled).run();
    expect(state.timings?.mode).toBe('on-page');
    expect(sent).toEqual(['check-html', 'check-article', 'get-article']);
    expect(marks(doc).length).toBeGreaterThan(0);
  });

  it('fails without touching the page when the background is gone', async () => {
    const doc = page();
    const before = doc.body.innerHTML;
    const gone: SendToBackground = (async () => { throw new Error('Extension context invalidated.'); }) as SendToBackground;
    await expect(new PageSession(doc, gone).run()).rejects.toThrow(/invalidated/);
    expect(doc.body.innerHTML).toBe(before);
  });
});

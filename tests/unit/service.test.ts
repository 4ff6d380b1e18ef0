import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CasefileService } from '../../lib/background/service';
import { CasefileDB } from '../../lib/db/schema';
import { extractArticle } from '../../lib/extract/article';
import { htmlDocument } from '../helpers/pipeline';
import { SEEDS_DIR } from '../helpers/seeds';
import { ask, refusal } from '../helpers/service';

function request(page: string, url: string) {
  const doc = htmlDocument(readFileSync(resolve(SEEDS_DIR, page), 'utf8'), url);
  const { article } = extractArticle(doc, url)!;
  return { type: 'check-article', article };
}

describe('background service', () => {
  it('seeds the bundled case, checks, stores, and answers for the URL without its fragment', async () => {
    const service = new CasefileService(new CasefileDB(`t-${Math.random()}`));
    const answer: any = await ask(service, request('003_d2d70b7a6efd8930.html', 'http://127.0.0.1/003.html#top'));
    expect(answer.annotations.some((a: any) => a.verdict === 'conflict' && a.exact === 'June 16, 2025')).toBe(true);
    const stored: any = await ask(service, { type: 'get-article', url: 'http://127.0.0.1/003.html' });
    expect(stored.article.annotations.length).toBe(answer.annotations.length);
    const c: any = await ask(service, { type: 'get-case' });
    expect(c.case.id).toBe('rust-shooting');
  });

  it('compares a claim with other articles the reader stayed on, by site and title', async () => {
    const service = new CasefileService(new CasefileDB(`t-${Math.random()}`));
    await ask(service, request('003_d2d70b7a6efd8930.html', 'https://www.sfnm.example/003.html'));
    await service.settled();
    await ask(service, { type: 'page-stayed', url: 'https://www.sfnm.example/003.html' }, 'page', 'https://www.sfnm.example/003.html');
    const answer: any = await ask(service, request('000_ed7fe8675b0af3e5.html', 'http://127.0.0.1/000.html'));
    const refile = answer.annotations.find((a: any) => a.claimKey?.endsWith('can be refiled'));
    expect(refile.verdict).toBe('conflict');
    expect(refile.others).toEqual([expect.objectContaining({ site: 'sfnm.example', value: 'false', agreesWithCase: true })]);
    expect(refile.others[0]).not.toHaveProperty('url');
  });

  it('answers a malformed message with an error and stores nothing', async () => {
    const db = new CasefileDB(`t-${Math.random()}`);
    const service = new CasefileService(db);
    const refused = await refusal(service, { type: 'check-article', article: { url: 1 } });
    expect(refused).toMatchObject({ code: 'malformed', problems: expect.arrayContaining([expect.stringMatching(/^article\.url: 1 is not a URL/)]) });
    expect(await db.articles.count()).toBe(0);
  });
});

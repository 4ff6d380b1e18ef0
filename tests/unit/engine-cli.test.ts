/**
 * `npm run check -- --engine node --jsonl`: a stream of pages in, one line out for each, in
 * order, whatever each line holds — the shape a newsroom's job runner can shard.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../helpers/seeds';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = readFileSync(resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html'), 'utf8');

/** Run the command line with `input` on stdin; resolves with its exit code and output. */
function run(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolvePromise({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

describe('the Node engine as a JSON-lines filter', { timeout: 30_000 }, () => {
  const lines = [
    JSON.stringify({ id: 'seed', url: 'https://news.example/rust', html: SEED }),
    'not json',
    JSON.stringify({ id: 7, url: 'ftp://news.example/x', html: SEED }),
    JSON.stringify({ id: 'no-html', url: 'https://news.example/y' }),
    '',
    JSON.stringify({ id: 'empty', url: 'https://news.example/z', html: '<p>Nothing to read.</p>' }),
  ];
  let out: Awaited<ReturnType<typeof run>>;
  let answers: Record<string, any>[];
  beforeAll(async () => {
    out = await run(['--engine', 'node', '--jsonl', '--workers', '2'], lines.join('\n'));
    answers = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  }, 30_000);

  it('answers every non-empty line, in order, and exits 0', () => {
    expect(out.code).toBe(0);
    expect(answers.map((a) => a.id)).toEqual(['seed', null, 7, 'no-html', 'empty']);
  });

  it('checks a page as the extension does: its annotations, with a flag', () => {
    const [seed] = answers;
    expect(seed.url).toBe('https://news.example/rust');
    expect(seed.published).toBe('2024-07-17');
    expect(seed.annotations.some((a: { kind: string; entity: string }) => a.kind === 'person' && a.entity === 'alec_baldwin')).toBe(true);
    expect(seed.annotations.some((a: { verdict: string }) => a.verdict === 'conflict')).toBe(true);
  });

  it.each([
    [1, /not valid JSON/],
    [2, /"url" must be an http\(s\) or file URL/],
    [3, /"html" must be a string/],
    [4, /no article found/],
  ])('line %i gets an error and the run goes on', (i, message) => {
    expect(answers[i].error).toMatch(message);
    expect(answers[i].annotations).toBeUndefined();
  });
});

describe('bad usage', { timeout: 30_000 }, () => {
  it.concurrent.each([
    [['--jsonl'], /--jsonl needs --engine node/],
    [['--engine', 'gpu', 'x.html'], /unknown engine "gpu"/],
    [['--engine', 'node', '--workers', '0', 'x.html'], /--workers must be a whole number/],
    [['--engine', 'node'], /no page given/],
  ])('%j exits 2 with a message', async (args, message) => {
    const out = await run(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});

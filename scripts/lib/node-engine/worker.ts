/**
 * One worker thread of the Node engine: it builds the case's index once, then checks every
 * page it is handed through the extension's own pipeline (`checkHtml`), HTML parsed by
 * linkedom. Stateless between pages, so any worker can take any page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CaseFile } from '../../../lib/cases/format';
import { parseWithLinkedom } from '../../../lib/engine/linkedom';
import { checkHtml } from '../../../lib/engine/pipeline';
import { buildCaseIndex } from '../../../lib/link/case-index';
import { normaliseUrl } from '../../../lib/util/url';
import type { EngineAnswer, EngineJob } from './pool';

const index = buildCaseIndex((workerData as { case: CaseFile }).case);

parentPort!.on('message', (job: EngineJob) => {
  let answer: EngineAnswer;
  try {
    const result = checkHtml(job.html, job.url, index, parseWithLinkedom);
    answer = result
      ? { seq: job.seq, page: { url: normaliseUrl(result.article.url, result.article.canonical), title: result.article.title, published: result.article.published, text: result.article.text, annotations: result.annotations } }
      : { seq: job.seq, error: 'no article found on the page' };
  } catch (error) {
    answer = { seq: job.seq, error: `the check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort!.postMessage(answer);
});
parentPort!.postMessage({ ready: true });

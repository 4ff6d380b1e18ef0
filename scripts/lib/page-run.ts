/**
 * One page under the built extension, observed as the benchmark and the sweep need it: the
 * content script's own state and stage timings, the page's long tasks and layout shifts,
 * errors from the page, the content script and the background, Readability alone on a
 * fresh clone (timed in the page, in the same run), and highlights outside the article.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { PageState, StageTimings } from '../../lib/messaging/protocol';
import { setReading, tabState, type ExtensionBrowser } from './browser';

const require = createRequire(import.meta.url);
const READABILITY_SOURCE = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

/** Installed before any page script: records long tasks and layout shifts from the start. */
const OBSERVE = `(() => {
  const perf = { longtasks: [], shifts: [] };
  Object.defineProperty(window, '__casefileBench', { value: perf });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) perf.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) perf.shifts.push([e.startTime, e.value]); })
      .observe({ type: 'layout-shift', buffered: true });
  } catch {}
})();`;

/**
 * Run in the page after Casefile: which long tasks overlap its slices, the layout shift
 * from its first highlight on, then
 * Readability alone on a fresh clone, and highlights outside the article it finds.
 * Kept as source text: the page must not see this build's helpers.
 */
const OBSERVE_AFTER = `function (options) {
  var perf = window.__casefileBench || { longtasks: [], shifts: [] };
  var slices = options.slices;
  function overlaps(start, duration) {
    return slices.some(function (s) { return s[0] < start + duration && s[1] > start; });
  }
  var longtasks = perf.longtasks.filter(function (t) { return overlaps(t[0], t[1]); });
  var from = options.renderStart === null ? Infinity : options.renderStart;
  var to = slices.length ? slices[slices.length - 1][1] + 100 : -Infinity;
  var shift = perf.shifts.filter(function (e) { return e[0] >= from && e[0] <= to; }).reduce(function (n, e) { return n + e[1]; }, 0);
  var readabilityMs = null;
  var articleText = '';
  if (options.measure) {
    if (!window.__casefileReadability) {
      var script = document.createElement('script');
      script.textContent = options.source + '\\n;window.__casefileReadability = Readability;';
      document.documentElement.appendChild(script);
      script.remove();
    }
    var R = window.__casefileReadability;
    if (R) {
      var clone = document.cloneNode(true);
      var t0 = performance.now();
      var parsed = new R(clone).parse();
      readabilityMs = performance.now() - t0;
      articleText = ((parsed && parsed.textContent) || '').replace(/\\s+/g, ' ');
    }
  }
  if (window.__casefileArticleText !== undefined) articleText = window.__casefileArticleText;
  var outside = [];
  if (!options.outside) return { longtasks: longtasks, shift: shift, readabilityMs: readabilityMs, outside: outside };
  var norm = function (t) { return (t || '').replace(/\\s+/g, ' ').trim(); };
  var references = [articleText, norm(options.reference)].filter(function (t) { return t; });
  var articles = document.querySelectorAll('article');
  var marks = Array.prototype.slice.call(document.querySelectorAll('casefile-mark'));
  marks.forEach(function (mark) {
    var text = norm(mark.textContent);
    var chrome = mark.closest('nav, header:not(article header), footer:not(article footer), aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]');
    var notInArticle = articles.length === 1 && !articles[0].contains(mark);
    // The words around the highlight, within its block: present in the article if any reference has them.
    var block = mark.closest('p, li, h1, h2, h3, h4, h5, h6, blockquote, td, dd, figcaption, div') || mark.parentElement;
    var blockText = norm(block && block.textContent);
    var at = blockText.indexOf(text);
    var context = at < 0 ? text : blockText.slice(Math.max(0, at - 20), at + text.length + 20);
    var missing = references.length > 0 && references.every(function (r) { return r.indexOf(context) < 0; });
    if (chrome || notInArticle || missing) outside.push(text);
  });
  return { longtasks: longtasks, shift: shift, readabilityMs: readabilityMs, outside: outside };
}`;

/**
 * For the sweep: the article as Readability sees the page before Casefile touches it (at
 * DOMContentLoaded, in the page's own world), to tell highlights inside it from outside.
 */
const ARTICLE_BEFORE = `document.addEventListener('DOMContentLoaded', function () {
  try {
    ${READABILITY_SOURCE}
    var parsed = new Readability(document.cloneNode(true)).parse();
    window.__casefileArticleText = ((parsed && parsed.textContent) || '').replace(/\\s+/g, ' ');
  } catch (e) {
    window.__casefileArticleText = '';
  }
}, { once: true });`;

/** Readability.parse() alone on a fresh clone of the page, in ms, timed as every page run times it. */
export async function readabilityAlone(page: Page): Promise<number | null> {
  const observed = (await page.evaluate(`(${OBSERVE_AFTER})(${JSON.stringify({ source: READABILITY_SOURCE, slices: [], measure: true, outside: false, reference: '', renderStart: null })})`)) as { readabilityMs: number | null };
  return observed.readabilityMs;
}

export interface PageRun {
  url: string;
  state: PageState | null;
  timings: StageTimings | null;
  /** Readability.parse() alone on a fresh clone of the same page, in ms. */
  readabilityMs: number | null;
  /** Long tasks (> 50 ms) that overlap a slice of Casefile's work: [start, duration]. */
  casefileLongTasks: [number, number][];
  /** Sum of layout-shift scores while Casefile was highlighting. */
  layoutShift: number;
  /** Uncaught errors: the page's own (after Casefile started), the content script's, the background's. */
  errors: string[];
  /** Highlights that sit outside the article body (their text). */
  outside: string[];
  page: Page;
}

/** Open `url`, wait until Casefile has checked or skipped it, and observe what it cost. */
const everything = new WeakSet<ExtensionBrowser>();

export async function runPage(
  browser: ExtensionBrowser,
  url: string,
  options: { timeoutMs?: number; readability?: boolean; outside?: boolean; reference?: string } = {},
): Promise<PageRun> {
  // What is measured and swept is the whole job: every article's names and dates, about a case or not.
  if (!everything.has(browser)) {
    await setReading(browser, { mode: 'everything' });
    everything.add(browser);
  }
  const page = await browser.context.newPage();
  // Each error with when it happened: the page's own errors count only once Casefile has started.
  const errors: { at: number; origin: string; text: string }[] = [];
  const onConsole = (origin: string) => (msg: ConsoleMessage) => {
    const ours = msg.text().startsWith('Casefile');
    if (msg.type() === 'error' || (msg.type() === 'warning' && ours)) errors.push({ at: Date.now(), origin: ours ? 'casefile' : origin, text: msg.text() });
  };
  const pageConsole = onConsole('console');
  const workerConsole = onConsole('background');
  page.on('console', pageConsole);
  page.on('pageerror', (error) => errors.push({ at: Date.now(), origin: 'page', text: error.message }));
  browser.worker.on('console', workerConsole);
  await page.addInitScript(OBSERVE);
  if (options.outside) await page.addInitScript(ARTICLE_BEFORE);
  const started = Date.now();
  let state: PageState | null = null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
    for (;;) {
      state = await tabState(browser, url);
      if (state && state.status !== 'idle' && state.status !== 'checking' && !state.rechecking) break;
      if (Date.now() - started > (options.timeoutMs ?? 30_000)) {
        errors.push({ at: Date.now(), origin: 'casefile', text: `timeout: no result after ${options.timeoutMs ?? 30_000} ms (status ${state?.status ?? 'no content script'})` });
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    browser.worker.off('console', workerConsole);
  }
  if (state?.status === 'error') errors.push({ at: Date.now(), origin: 'content script', text: state.message ?? 'error' });
  const timings = state?.timings ?? null;
  const timeOrigin = (await page.evaluate('performance.timeOrigin')) as number;
  const casefileStarted = timeOrigin + (timings?.runStart ?? timings?.scriptStart ?? 0);
  // Resource errors for requests this harness blocks are the harness's doing, not the page's;
  // the page's own errors before Casefile started are the page's (its remote scripts are blocked).
  const relevant = errors
    .filter((e) => !/net::ERR_BLOCKED_BY_CLIENT|Failed to load resource|^Manifest fetch from .* failed/.test(e.text))
    .filter((e) => (e.origin !== 'page' && e.origin !== 'console') || !timings || e.at >= casefileStarted)
    .map((e) => `${e.origin}: ${e.text}`);

  const observed = (await page.evaluate(`(${OBSERVE_AFTER})(${JSON.stringify({
    source: READABILITY_SOURCE, slices: timings?.slices ?? [], measure: options.readability !== false, outside: options.outside === true, reference: options.reference ?? '', renderStart: timings?.renderStart ?? null,
  })})`)) as { longtasks: [number, number][]; shift: number; readabilityMs: number | null; outside: string[] };
  return {
    url, state, timings, readabilityMs: observed.readabilityMs, casefileLongTasks: observed.longtasks,
    layoutShift: observed.shift, errors: relevant, outside: observed.outside, page,
  };
}

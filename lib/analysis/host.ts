/**
 * The analysis host: the frame with a DOM parser that analyses pages for the background
 * (Chrome's offscreen document). A content script's `check-html` message reaches every frame
 * of the extension, this one included, so the analysis starts the moment the message lands,
 * while the background validates the same message; the background then collects the result
 * by the message's id, and the page's HTML crosses between processes once, not twice. Only
 * the background's requests are answered; a result nobody collects is dropped.
 */
import { checkHtmlRequest } from '../messaging/requests';
import { read } from '../util/shapes';
import { normaliseUrl as articleKey } from '../util/url';
import { analyseHtml, type PageAnalysis } from './analyse';

export const ANALYSIS_TARGET = 'casefile-analysis';

/** From the background: the analysis of a page's message by its id, or (when this frame never saw it) of this HTML. */
export interface AnalysisRequest {
  target: typeof ANALYSIS_TARGET;
  type: 'collect' | 'analyse';
  id: string;
  html?: string;
  url?: string;
}

export type AnalysisAnswer = { analysis: PageAnalysis | null } | { missing: true } | { error: string };

/** Who sent a message, as the browser says. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export class AnalysisHost {
  private readonly pending = new Map<string, Promise<PageAnalysis | null>>();

  constructor(
    private readonly extensionId: string,
    private readonly analyse: (html: string, url: string) => PageAnalysis | null = analyseHtml,
    private readonly keepMs = 30_000,
  ) {}

  /**
   * A message seen by this frame. Returns the answer for the background's requests, and
   * undefined for everything else (a page's message is analysed, never answered here).
   */
  receive(raw: unknown, sender: Sender): Promise<AnalysisAnswer> | undefined {
    if (sender.id !== this.extensionId) return undefined;
    const m = raw as Partial<AnalysisRequest> | null;
    if (m?.target === ANALYSIS_TARGET) return sender.tab ? undefined : this.answer(m);
    if (sender.tab && (m as { type?: unknown } | null)?.type === 'check-html') this.start(raw, sender.url);
    return undefined;
  }

  private start(raw: unknown, pageUrl: string | undefined): void {
    const parsed = read(checkHtmlRequest, raw);
    if (!parsed.ok || !pageUrl || articleKey(parsed.value.url) !== articleKey(pageUrl) || this.pending.has(parsed.value.id)) return;
    const { id, html, url } = parsed.value;
    // After this listener returns, so the browser knows at once this frame will not answer.
    const result = Promise.resolve().then(() => this.analyse(html, url));
    result.catch(() => undefined);
    this.pending.set(id, result);
    setTimeout(() => this.pending.delete(id), this.keepMs);
  }

  private async answer(m: Partial<AnalysisRequest>): Promise<AnalysisAnswer> {
    if (typeof m.id !== 'string') return { error: 'malformed analysis request' };
    try {
      const pending = this.pending.get(m.id);
      if (pending) {
        this.pending.delete(m.id);
        return { analysis: await pending };
      }
      if (m.type === 'analyse' && typeof m.html === 'string' && typeof m.url === 'string') return { analysis: this.analyse(m.html, m.url) };
      return { missing: true };
    } catch (error) {
      return { error: String((error as Error)?.message ?? error) };
    }
  }
}

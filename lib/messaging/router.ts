/**
 * The trust boundary in one place: a table of messages, each with the shape its request must
 * have, who may send it, the URL it concerns and its handler. `route` applies the table to
 * one raw message from one sender and always answers a `Result`; it does not care how the
 * message came (`runtime.sendMessage`, a port, a test), so the transport stays a thin layer.
 */
import { normaliseUrl } from '../util/url';
import { fail, type Failure, type Result } from './result';
import { read, type Shape } from '../util/shapes';

/**
 * Who sent a message. `page`: a content script, speaking for the web page at `url` (a
 * hostile page can make its content script ask anything its scripts can provoke).
 * `extension`: one of the extension's own pages (popup, options), or the background.
 */
export interface Sender {
  origin: 'page' | 'extension';
  url?: string;
}

/** What a handler can use besides the request: progress for long work (imports). */
export interface Io {
  progress: (phase: string) => void;
}

export interface Route<Q, R, C> {
  /** `page`: content scripts may send it, about their own article only (and extension pages may too); `extension`: extension pages only. */
  from: 'page' | 'extension';
  request: Shape<Q>;
  /** The URL the message concerns; a page's message must concern the page's own article. Required for `from: 'page'`. */
  about?: (request: NoInfer<Q>) => string;
  handle: (request: NoInfer<Q>, context: C, io: Io) => Promise<Result<R>>;
}

/**
 * A route: the request's shape first (its type is inferred from it), then who may send it,
 * what it is about and its handler (whose answer type is inferred).
 */
export function route<Q, R, C>(request: Shape<Q>, rest: Omit<Route<Q, R, C>, 'request'>): Route<Q, R, C> {
  return { request, ...rest };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Table<C> = Record<string, Route<any, any, C>>;

/** The request and answer types of each message of a table. */
export type MessagesOf<T extends Table<never>> = {
  [K in keyof T]: T[K] extends Route<infer Q, infer R, never> ? { request: Q; response: R } : never;
};

const NO_IO: Io = { progress: () => undefined };

/** Whether a page at `pageUrl` speaks about its own article when it names `about`. */
function ownArticle(about: string, pageUrl: string | undefined): boolean {
  return !!pageUrl && normaliseUrl(about) === normaliseUrl(pageUrl);
}

/**
 * Answer one raw message by the table: refused when unknown, malformed, not for this sender
 * or about another page's article; the handler's failure or exception becomes a `Failure`
 * (logged once, here).
 */
export async function dispatch<C>(table: Table<C>, raw: unknown, sender: Sender, context: C, io: Io = NO_IO): Promise<Result<unknown>> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('malformed', 'a message is an object with a type');
  const { type, ...fields } = raw as Record<string, unknown>;
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return fail('malformed', `unknown message type ${JSON.stringify(String(type)).slice(0, 80)}`);
  const entry = table[type];
  if (sender.origin === 'page' && entry.from !== 'page') return fail('forbidden', `${type} is answered only for the extension's own pages`);
  const request = read(entry.request, fields);
  if (!request.ok) return fail('malformed', `${type}: the request is malformed`, request.problems);
  if (sender.origin === 'page' && !(entry.about && ownArticle(entry.about(request.value), sender.url))) {
    return fail('forbidden', 'a page may only speak about its own article');
  }
  try {
    return await entry.handle(request.value, context, io);
  } catch (error) {
    console.error(`Casefile: ${type} failed`, error);
    return fail('failed', `${type} failed: ${String((error as Error)?.message ?? error)}`) satisfies Failure;
  }
}

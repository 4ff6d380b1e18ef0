/**
 * One typed messenger for every sender (content script, popup, options page, tests): `send`
 * answers a `Result` and never throws; `call` unwraps it for callers that cannot go on
 * without the value; `sendWithProgress` carries long work (imports) over a port, a large
 * string field in pieces, with the receiver's progress as it goes. The transport is given,
 * so the same messenger runs over `runtime.sendMessage`, a port or a direct call.
 */
import { fail, isResult, unwrap, type Result } from './result';

/** A message table's request and answer types, by message type. */
export type MessageMap = Record<string, { request: object; response: unknown }>;

/** The least of a port the messenger needs (browser ports have it). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface Transport {
  send(message: object): Promise<unknown>;
  /** A port to the receiver, for work that reports progress. */
  connect?(name: string): PortLike;
}

/** The port name long work goes over. */
export const LONG_WORK_PORT = 'casefile-long';

/** Strings longer than this go in pieces: one huge message holds the sender's thread while it is serialised. */
export const CHUNK = 1 << 20;

/** A frame on the long-work port (see `Reassembler`). */
export type Frame =
  | { message: object }
  | { begin: object; field: string; length: number }
  | { chunk: string }
  | { end: true };

/** What the receiver posts back on the long-work port. */
export type PortAnswer = { progress: string } | { result: Result<unknown> };

export interface Messenger<M extends MessageMap> {
  send<K extends keyof M & string>(type: K, request: M[K]['request']): Promise<Result<M[K]['response']>>;
  call<K extends keyof M & string>(type: K, request: M[K]['request']): Promise<M[K]['response']>;
  sendWithProgress<K extends keyof M & string>(type: K, request: M[K]['request'], onProgress: (phase: string) => void): Promise<Result<M[K]['response']>>;
}

export function createMessenger<M extends MessageMap>(transport: Transport): Messenger<M> {
  const send = async <K extends keyof M & string>(type: K, request: M[K]['request']): Promise<Result<M[K]['response']>> => {
    let answer: unknown;
    try {
      answer = await transport.send({ ...request, type });
    } catch (error) {
      return fail('unavailable', `no answer to ${type}: ${String((error as Error)?.message ?? error)}`);
    }
    return isResult(answer) ? (answer as Result<M[K]['response']>) : fail('unavailable', `no answer to ${type}`);
  };
  return {
    send,
    call: async (type, request) => unwrap(await send(type, request)),
    sendWithProgress: (type, request, onProgress) => {
      if (!transport.connect) return send(type, request);
      const port = transport.connect(LONG_WORK_PORT);
      return new Promise((resolve) => {
        let done = false;
        port.onMessage.addListener((raw) => {
          const m = raw as Partial<{ progress: string; result: unknown }>;
          if (typeof m?.progress === 'string') onProgress(m.progress);
          if (m?.result !== undefined && !done) {
            done = true;
            resolve(isResult(m.result) ? (m.result as Result<M[typeof type]['response']>) : fail('unavailable', `no answer to ${type}`));
            port.disconnect();
          }
        });
        port.onDisconnect.addListener(() => {
          if (done) return;
          done = true;
          resolve(fail('unavailable', `the extension stopped before ${type} was answered; if it was an import, look at the list before trying again`));
        });
        postInPieces(port, { ...request, type }, onProgress);
      });
    },
  };
}

/** Post a message on a port, its one large string field (if any) in pieces, yielding between them. */
function postInPieces(port: PortLike, message: Record<string, unknown>, onProgress: (phase: string) => void): void {
  const field = Object.keys(message).find((k) => typeof message[k] === 'string' && (message[k] as string).length >= CHUNK);
  if (!field) {
    port.postMessage({ message } satisfies Frame);
    return;
  }
  const body = message[field] as string;
  port.postMessage({ begin: { ...message, [field]: null }, field, length: body.length } satisfies Frame);
  let at = 0;
  const next = () => {
    if (at >= body.length) {
      port.postMessage({ end: true } satisfies Frame);
      return;
    }
    port.postMessage({ chunk: body.slice(at, at + CHUNK) } satisfies Frame);
    at += CHUNK;
    onProgress(`sending ${Math.min(100, Math.round((100 * at) / body.length))}%`);
    setTimeout(next, 0);
  };
  next();
}

/**
 * The receiving end of the long-work port: frames in, whole messages out. A message in
 * pieces is `{begin, field, length}`, then `{chunk}`s, then `{end}`; anything else is refused.
 */
export class Reassembler {
  private pending: { message: Record<string, unknown>; field: string; length: number; parts: string[]; received: number } | null = null;

  /** The whole message once it is complete, null while pieces are still to come, or a problem. */
  accept(raw: unknown): { message: object } | { problem: string } | null {
    const f = raw as Partial<Record<'message' | 'begin' | 'field' | 'length' | 'chunk' | 'end', unknown>> | null;
    if (f && typeof f.message === 'object' && f.message && !this.pending) return { message: f.message };
    if (f && typeof f.begin === 'object' && f.begin && typeof f.field === 'string' && typeof f.length === 'number' && !this.pending) {
      this.pending = { message: f.begin as Record<string, unknown>, field: f.field, length: f.length, parts: [], received: 0 };
      return null;
    }
    if (f && typeof f.chunk === 'string' && this.pending) {
      this.pending.parts.push(f.chunk);
      this.pending.received += f.chunk.length;
      return this.pending.received > this.pending.length ? this.refuse('more pieces arrived than announced') : null;
    }
    if (f?.end === true && this.pending) {
      const { message, field, parts, received, length } = this.pending;
      this.pending = null;
      if (received !== length) return { problem: `the message arrived incomplete (${received} of ${length} characters)` };
      return { message: { ...message, [field]: parts.join('') } };
    }
    return this.refuse('not a frame of a message in pieces');
  }

  private refuse(problem: string): { problem: string } {
    this.pending = null;
    return { problem };
  }
}

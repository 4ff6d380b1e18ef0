/**
 * The host's life beyond answering: made warm at once (the first page a reader opens should
 * not wait for the recognisers' model or the case's index), and its problems written where a
 * developer looks (Chrome's offscreen document has no console of its own in the extensions
 * page; the service worker's is the one shown).
 */
import { recogniseMentions } from '../recognise/mentions';
import type { PortLike } from '../messaging/messenger';
import { LOG_PORT } from './keeper';
import type { CasefileService } from './service';

/** Seed, open the database, build the active cases' indexes and load the recognisers, in the background. */
export function warmUp(service: CasefileService): void {
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 0));
  idle(() => {
    service.activeCases().catch((error) => console.error('Casefile: the cases could not be loaded', error));
    recogniseMentions('Casefile warms up on Friday, January 10, 2025, in Santa Fe.', '2025-01-15');
  });
}

/**
 * Copy what this context logs as an error or a warning to the service worker's console (over
 * a port, opened on the first problem and again after the worker slept). Where there is no
 * worker to write to (Firefox), nothing changes.
 */
export function relayProblems(runtime: { connect(info: { name: string }): PortLike }): void {
  let port: PortLike | null = null;
  const write = (level: 'error' | 'warn', args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : safeJson(a))).join(' ');
    try {
      if (!port) {
        port = runtime.connect({ name: LOG_PORT });
        port.onDisconnect.addListener(() => { port = null; });
      }
      port.postMessage({ level, text });
    } catch {
      port = null;
    }
  };
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      write(level, args);
    };
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

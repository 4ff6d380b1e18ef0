/**
 * The transport every sender uses to reach the host (see `lib/background/host.ts`):
 * `runtime.sendMessage`, and when nobody answers — Chrome's host document is not open yet,
 * the browser has just started or closed it — a knock on the worker's wake port, which opens
 * the host, and the message once more. Nothing is sent twice to a receiver that took it: a
 * retry follows only the browser's own "nobody received it" errors.
 */
import { WAKE_PORT } from '../background/keeper';
import type { PortLike, Transport } from './messenger';

/** The part of the extension runtime a sender uses (`browser.runtime`; a fake in tests). */
export interface SenderRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}

/** What browsers say when no listener took a message (Chrome, Firefox). */
const NOBODY = /Receiving end does not exist|message port closed before a response|Could not establish connection/i;

/** How long to wait for the worker to open the host. */
const WAKE_MS = 10_000;

export function runtimeTransport(runtime: SenderRuntime): Transport & { wake(): Promise<void> } {
  const wake = () => new Promise<void>((resolve, reject) => {
    const port = runtime.connect({ name: WAKE_PORT });
    const done = (error?: Error) => {
      clearTimeout(timer);
      try {
        port.disconnect();
      } catch {
        // Already gone.
      }
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error('the extension did not open its host in time')), WAKE_MS);
    port.onMessage.addListener((m) => {
      const answer = m as { ready?: boolean; error?: string };
      done(answer?.ready ? undefined : new Error(answer?.error ?? 'the extension could not open its host'));
    });
    port.onDisconnect.addListener(() => done(new Error('nobody keeps a host here')));
  });
  return {
    async send(message) {
      try {
        const answer = await runtime.sendMessage(message);
        if (answer !== undefined) return answer;
      } catch (error) {
        if (!NOBODY.test(String((error as Error)?.message ?? error))) throw error;
      }
      await wake();
      return runtime.sendMessage(message);
    },
    connect: (name) => runtime.connect({ name }),
    wake,
  };
}

/**
 * Giving the page its main thread back between slices of work, so that Casefile never holds
 * it long enough to delay input or a frame. `scheduler.yield()` where the browser has it;
 * otherwise a message-channel task, which is not clamped like nested timers are.
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice of work may run before yielding, well under the 50 ms of a long task. */
export const SLICE_MS = 8;


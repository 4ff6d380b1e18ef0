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


/**
 * Run work written as steps (a generator that yields between small pieces) in slices of at
 * most `budget` ms, giving the page its thread back between slices; `record` hears each
 * slice's [start, end]. Resolves with the work's result and the time spent working.
 */
export async function runInSlices<T>(steps: Iterator<unknown, T>, record: (start: number, end: number) => void = () => undefined, budget = SLICE_MS): Promise<[T, number]> {
  let spent = 0;
  for (;;) {
    const start = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - start < budget) step = steps.next();
    const end = performance.now();
    record(start, end);
    spent += end - start;
    if (step.done) return [step.value, spent];
    await yieldToPage();
  }
}

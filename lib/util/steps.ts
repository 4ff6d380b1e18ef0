/**
 * Work written as steps: a generator that yields between small pieces, so that whoever runs
 * it decides when to stop for breath (the page's thread: `runInSlices`) or not at all.
 */

/** Run every step at once and return the result (where no one waits: Node, tests, the host). */
export function drain<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The Node engine: the extension's check without a browser, on every core. A pool of worker
 * threads (one per core by default), each holding the case's index warm; pages go to the
 * least busy worker, answers come back by sequence number. Nothing is kept between pages,
 * so a newsroom can shard its stream over as many processes or machines as it likes.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CaseFile } from '../../../lib/cases/format';
import type { PageAnnotations } from '../../../lib/export/w3c';

/** A page to check: its HTML and the address it was read at (its key, and the base of its links). */
export interface EngineJob {
  seq: number;
  url: string;
  html: string;
}

/**
 * A checked page, as the extension stores it (less what only a reader's browser adds: other
 * articles, decisions, and the map into the page's own text, which needs the live page).
 */
export type CheckedPage = PageAnnotations;

export type EngineAnswer = { seq: number; page: CheckedPage } | { seq: number; error: string };

interface Slot {
  worker: Worker;
  busy: number;
}

/** Worker threads cannot load TypeScript by themselves: each registers tsx, then loads the worker module. */
const BOOT = (module: string) => `const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(module)});`;

export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (a: EngineAnswer) => void; slot: Slot }>();
  private seq = 0;
  private failure: Error | null = null;

  private constructor(caseFile: CaseFile, size: number) {
    const module = new URL('./worker.ts', import.meta.url).href;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(BOOT(module), { eval: true, workerData: { case: caseFile } } as ConstructorParameters<typeof Worker>[1]);
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (m: EngineAnswer | { ready: true }) => {
        if ('ready' in m) return;
        const pending = this.waiting.get(m.seq);
        if (!pending) return;
        this.waiting.delete(m.seq);
        pending.slot.busy--;
        pending.resolve(m);
      });
      // A worker that dies fails the pages it held; the others go on.
      worker.on('error', (error) => this.fail(slot, error));
      worker.on('exit', (code) => { if (code !== 0) this.fail(slot, new Error(`a worker stopped (exit code ${code})`)); });
      this.slots.push(slot);
    }
  }

  /** Start `size` workers (default: one per core) for one case, and wait until each has built its index. */
  static async start(caseFile: CaseFile, size = availableParallelism()): Promise<EnginePool> {
    const pool = new EnginePool(caseFile, Math.max(1, size));
    await Promise.all(pool.slots.map((s) => new Promise<void>((resolve, reject) => {
      const ready = (m: unknown) => { if ((m as { ready?: boolean })?.ready) { s.worker.off('message', ready); resolve(); } };
      s.worker.on('message', ready);
      s.worker.once('error', reject);
    })));
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Pages in flight, over every worker. */
  get inFlight(): number {
    return this.waiting.size;
  }

  /** Check one page; never rejects: a page that cannot be checked gets an `error`. */
  check(url: string, html: string): Promise<EngineAnswer> {
    const seq = this.seq++;
    if (this.failure && this.slots.every((s) => s.busy < 0)) return Promise.resolve({ seq, error: this.failure.message });
    const slot = this.slots.filter((s) => s.busy >= 0).reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve) => {
      this.waiting.set(seq, { resolve, slot });
      slot.worker.postMessage({ seq, url, html } satisfies EngineJob);
    });
  }

  private fail(slot: Slot, error: Error): void {
    this.failure = error;
    slot.busy = -1; // never chosen again
    for (const [seq, pending] of this.waiting) {
      if (pending.slot !== slot) continue;
      this.waiting.delete(seq);
      pending.resolve({ seq, error: `the check failed: ${error.message}` });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

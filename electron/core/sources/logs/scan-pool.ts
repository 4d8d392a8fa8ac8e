import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PriceTable } from '../../../../shared/domain/logs/prices';
import { scanFile, type FileScanResult, type FileScanTask } from './file-scan';
import type { WorkerJob, WorkerMessage } from './scan-worker';
import { createReadBuffer, type ReadBuffer } from './read-buffer';

/** Receives each file's result, in task order. */
export type ResultSink = (position: number, result: FileScanResult) => void;

/** Reads files, on worker threads when there is enough to read to pay for starting them. */
export interface Scanner {
  /**
   * Calls `sink` once per task, in task order (results arrive while other threads still read).
   * Resolves to how many worker threads read a share.
   */
  scan(tasks: readonly FileScanTask[], pendingBytes: number, sink: ResultSink): Promise<number>;
  /** Starts the worker threads now, before the files are known (a cold start is coming). */
  prewarm(): void;
  close(): void;
}

/** How to scan. */
export interface ScannerOptions {
  readonly prices: PriceTable;
  /** Worker threads; undefined: one per core beyond the first, at least one. 0: calling thread only. */
  readonly threads?: number | undefined;
  readonly workerScript: string | null;
  /** Below this many bytes to read, threads cost more than they save. */
  readonly threadThresholdBytes?: number;
}

/** Bytes below which reading stays on the calling thread (a worker costs ~30 ms to start). */
export const THREAD_THRESHOLD_BYTES = 32 << 20;
/**
 * The calling thread's share of the bytes when workers help: smaller than an equal share, since it
 * also merges every result (de-duplication must run in path order, on one thread).
 */
const CALLER_SHARE = 0.47;
const WORKER_YOUNG_MB = 8;

/** The bundled worker next to the running bundle (`dist/logs-worker.cjs`), if there is one. */
export function bundledWorkerScript(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : null;
  const script = here === null ? null : join(here, 'logs-worker.cjs');
  return script !== null && existsSync(script) ? script : null;
}

/** Creates a scanner; workers start per large scan and stop after it (idle memory stays low). */
export function createScanner(options: ScannerOptions): Scanner {
  const buffer = createReadBuffer();
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const threshold = options.threadThresholdBytes ?? THREAD_THRESHOLD_BYTES;
  const script = options.workerScript;
  let idle: Spawned[] = [];
  const release = (): void => {
    for (const spawned of idle) void spawned.worker.terminate();
    idle = [];
  };
  return {
    async scan(tasks, pendingBytes, sink) {
      if (script === null || threads === 0 || pendingBytes < threshold || tasks.length < 2) {
        release();
        tasks.forEach((task, position) => {
          sink(position, scanFile(task, buffer, options.prices));
        });
        return 0;
      }
      const ready = idle;
      idle = [];
      const spawn = (): Spawned | null => ready.pop() ?? spawnWorker(script);
      const helped = await scanShared(spawn, threads, tasks, buffer, options.prices, sink);
      for (const spawned of ready) void spawned.worker.terminate();
      return helped;
    },
    prewarm() {
      if (script === null || threads === 0 || idle.length > 0) return;
      for (let count = 0; count < threads; count += 1) {
        const spawned = spawnWorker(script);
        if (spawned !== null) idle.push(spawned);
      }
    },
    close() {
      release();
      buffer.release();
    },
  };
}

/** A started worker thread, and whether it already failed (before or after its job came). */
interface Spawned {
  readonly worker: Worker;
  failure: Error | null;
}

function spawnWorker(script: string): Spawned | null {
  let worker: Worker;
  try {
    worker = new Worker(script, {
      // A worker parses and drops short-lived JSON: a small young generation keeps RSS low.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
  } catch {
    return null;
  }
  const spawned: Spawned = { worker, failure: null };
  // Recorded from the start: a worker that fails while idle must not crash the process.
  worker.on('error', (error) => {
    spawned.failure = error;
  });
  worker.on('exit', (code) => {
    spawned.failure ??= new Error(`logs worker exited with code ${code}`);
  });
  // An idle, prewarmed worker must not keep the process alive.
  worker.unref();
  return spawned;
}

/**
 * Cuts the tasks (already in path order) into contiguous ranges by size: the first, smaller one
 * is read here while workers read the others, then worker results are handed over range by range.
 */
async function scanShared(
  spawn: () => Spawned | null,
  threads: number,
  tasks: readonly FileScanTask[],
  buffer: ReadBuffer,
  prices: PriceTable,
  sink: ResultSink,
): Promise<number> {
  const ranges = splitRanges(tasks, threads);
  let helped = 0;
  const workers = ranges
    .slice(1)
    .map((range) => startWorker(spawn, tasks.slice(range.start, range.end), prices));
  const first = ranges[0] ?? { start: 0, end: 0 };
  for (let position = first.start; position < first.end; position += 1) {
    sink(position, scanFile(tasks[position] as FileScanTask, buffer, prices));
  }
  for (const [index, worker] of workers.entries()) {
    const range = ranges[index + 1] as { start: number; end: number };
    let position = range.start;
    try {
      for await (const result of worker.results()) sink(position++, result);
      if (range.end > range.start) helped += 1;
    } catch {
      // A worker that failed (missing script, out of memory): read the rest of its share here.
      for (; position < range.end; position += 1)
        sink(position, scanFile(tasks[position] as FileScanTask, buffer, prices));
    }
  }
  return helped;
}

function splitRanges(
  tasks: readonly FileScanTask[],
  threads: number,
): { start: number; end: number }[] {
  const sizes = tasks.map((task) => Math.max(1, task.sizeHint ?? 1));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const callerShare = CALLER_SHARE;
  const workerShare = (1 - callerShare) / threads;
  const targets = [callerShare, ...Array.from({ length: threads }, () => workerShare)];
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  let goal = 0;
  let done = 0;
  for (const [part, share] of targets.entries()) {
    goal += share * total;
    let end = start;
    while (
      end < tasks.length &&
      (done + (sizes[end] ?? 0) / 2 <= goal || part === targets.length - 1)
    ) {
      done += sizes[end] ?? 0;
      end += 1;
    }
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

/** A running worker whose results can be consumed, in order, while it still reads. */
interface WorkerRun {
  results(): AsyncGenerator<FileScanResult>;
}

function startWorker(
  spawn: () => Spawned | null,
  tasks: readonly FileScanTask[],
  prices: PriceTable,
): WorkerRun {
  const received: FileScanResult[] = [];
  let finished = tasks.length === 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const spawned = finished ? null : spawn();
  const failed = (): Error | null =>
    finished
      ? null
      : spawned === null
        ? new Error('no logs worker could be started')
        : spawned.failure;
  if (spawned !== null) {
    const { worker } = spawned;
    worker.ref();
    worker.on('message', (message: WorkerMessage) => {
      received.push(...message.results);
      if (message.done) {
        finished = true;
        void worker.terminate();
      }
      notify();
    });
    worker.on('error', notify);
    worker.on('exit', notify);
    worker.postMessage({ tasks, priceRows: prices.rows } satisfies WorkerJob);
  }
  return {
    async *results() {
      let next = 0;
      for (;;) {
        while (next < received.length) yield received[next++] as FileScanResult;
        if (finished) return;
        const failure = failed();
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { PriceTable } from '../../../../shared/domain/logs/prices';
import { scanFile, type FileScanResult, type FileScanTask } from './file-scan';
import { CLAIMED, type WorkerJob, type WorkerMessage } from './scan-protocol';
import { ReadBuffer, searchModule } from './read-buffer';

/** Receives each file's result, in task order. */
export type ResultSink = (position: number, result: FileScanResult) => void;

/** Reads files, on worker threads when there is enough to read to pay for starting them. */
export interface Scanner {
  /**
   * Calls `sink` once per task, in task order. `pendingBytes` (Infinity: unknown, a first read)
   * chooses between worker threads and this one. Resolves to how many worker threads read a share.
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
  /**
   * false: when workers read, this thread only merges their results (its heap stays small: a
   * long-lived reader's). Default true: it takes files too.
   */
  readonly readOnCallingThread?: boolean;
}

/** Bytes below which reading stays on the calling thread (a worker costs ~30 ms to start). */
export const THREAD_THRESHOLD_BYTES = 32 << 20;
const WORKER_YOUNG_MB = 8;

/** The bundled worker next to the running bundle (`dist/logs-worker.cjs`), if there is one. */
export function bundledWorkerScript(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : null;
  const script = here === null ? null : join(here, 'logs-worker.cjs');
  return script !== null && existsSync(script) ? script : null;
}

/** Creates a scanner; workers start per large scan and stop after it (idle memory stays low). */
export function createScanner(options: ScannerOptions): Scanner {
  const buffer = new ReadBuffer();
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
      const helped = await scanShared(
        spawn,
        threads,
        tasks,
        { buffer, prices: options.prices, reads: options.readOnCallingThread ?? true },
        sink,
      );
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
 * Shares the tasks (in path order) without knowing their sizes: every thread takes the next one
 * from a shared count (one atomic increment per file), so a thread slowed down, by the machine or
 * by merging, simply takes fewer. Results go to `sink` in path order as soon as they can: this
 * thread reads the workers' ports between its own files, so merging (one thread only, in order)
 * runs while the workers read instead of after them. A task a failed worker took but did not
 * deliver is read here.
 */
async function scanShared(
  spawn: () => Spawned | null,
  threads: number,
  tasks: readonly FileScanTask[],
  here: { readonly buffer: ReadBuffer; readonly prices: PriceTable; readonly reads: boolean },
  sink: ResultSink,
): Promise<number> {
  const claims = new SharedArrayBuffer(4);
  const counter = new Int32Array(claims);
  const done = new Map<number, FileScanResult>();
  let next = 0;
  const flush = (): void => {
    for (let result = done.get(next); result !== undefined; result = done.get(next)) {
      done.delete(next);
      sink(next, result);
      next += 1;
    }
  };
  const workers = Array.from({ length: threads }, () =>
    startWorker(spawn, tasks, here.prices, claims, done),
  );
  while (here.reads) {
    const position = Atomics.add(counter, CLAIMED, 1);
    if (position >= tasks.length) break;
    done.set(position, scanFile(tasks[position] as FileScanTask, here.buffer, here.prices));
    for (const worker of workers) worker.receive();
    flush();
  }
  // Every task is taken: wait for the workers' last results, merging as they come.
  for (;;) {
    for (const worker of workers) worker.receive();
    flush();
    if (next >= tasks.length || workers.every((worker) => worker.over())) break;
    await Promise.race(workers.map((worker) => worker.changed()));
  }
  // What is still missing was taken by a worker that failed (or never started): read it here.
  while (next < tasks.length) {
    if (!done.has(next))
      done.set(next, scanFile(tasks[next] as FileScanTask, here.buffer, here.prices));
    flush();
  }
  for (const worker of workers) worker.stop();
  return workers.filter((worker) => worker.delivered() > 0).length;
}

/** A worker of one scan, seen from this thread. */
interface WorkerRun {
  /** Moves the results it posted so far into the shared map (without waiting). */
  receive(): void;
  /** Resolves when it posts or stops. */
  changed(): Promise<void>;
  /** It posted its last result, or it failed. */
  over(): boolean;
  delivered(): number;
  /** Ends the thread (it has posted its last result, or failed). */
  stop(): void;
}

function startWorker(
  spawn: () => Spawned | null,
  tasks: readonly FileScanTask[],
  prices: PriceTable,
  claims: SharedArrayBuffer,
  done: Map<number, FileScanResult>,
): WorkerRun {
  const spawned = tasks.length === 0 ? null : spawn();
  let finished = spawned === null;
  let closed = false;
  let delivered = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const take = (message: WorkerMessage): void => {
    message.results.forEach((result, index) => {
      done.set(message.positions[index] as number, result);
    });
    delivered += message.results.length;
    if (message.done) finished = true;
  };
  const channel = spawned === null ? null : new MessageChannel();
  if (spawned !== null && channel !== null) {
    const { worker } = spawned;
    worker.ref();
    // Messages are read here by `receive` while this thread is busy, and by the listener while
    // it waits: both take every message exactly once.
    channel.port1.on('message', (message: WorkerMessage) => {
      take(message);
      notify();
    });
    worker.on('error', notify);
    worker.on('exit', notify);
    const job: WorkerJob = {
      tasks,
      priceRows: prices.rows,
      claims,
      searchModule: searchModule(),
      port: channel.port2,
    };
    worker.postMessage(job, [channel.port2]);
  }
  const over = (): boolean => finished || spawned === null || spawned.failure !== null;
  const stop = (): void => {
    if (closed) return;
    closed = true;
    channel?.port1.close();
    if (spawned !== null) void spawned.worker.terminate();
  };
  return {
    receive() {
      if (channel === null || closed) return;
      for (let message = receiveMessageOnPort(channel.port1); message !== undefined;) {
        take(message.message as WorkerMessage);
        message = receiveMessageOnPort(channel.port1);
      }
      if (finished) stop();
    },
    changed: () => (over() ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve))),
    over,
    delivered: () => delivered,
    stop,
  };
}

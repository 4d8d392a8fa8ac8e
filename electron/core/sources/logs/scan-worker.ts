import { parentPort } from 'node:worker_threads';
import { createPriceTable, type PriceRow } from '../../../../shared/domain/logs/prices';
import { scanFile, type FileScanResult, type FileScanTask } from './file-scan';
import { createReadBuffer } from './read-buffer';

/** A message from the logs worker: results in task order; `done` on the last one. */
export interface WorkerMessage {
  readonly results: FileScanResult[];
  readonly done: boolean;
}

/** Bytes read between two posts, so the main thread can merge while this one reads on. */
const POST_EVERY_BYTES = 16 << 20;

/** The job the main thread sends: the files to read, and the price table's rows. */
export interface WorkerJob {
  readonly tasks: readonly FileScanTask[];
  readonly priceRows: readonly PriceRow[];
}

// The logs worker (bundled to dist/logs-worker.cjs): it may start before its job is known (so
// its start-up overlaps the main thread's walk of the tree), reads its share of the files and
// posts the results back in slices, transferring each batch's buffer instead of copying it.
parentPort?.once('message', ({ tasks, priceRows }: WorkerJob) => {
  const prices = createPriceTable(priceRows);
  const buffer = createReadBuffer();
  let pending: FileScanResult[] = [];
  let bytes = 0;
  const post = (done: boolean): void => {
    const transfer = pending.flatMap((result) =>
      result.ok ? [result.batch.values.buffer as ArrayBuffer] : [],
    );
    parentPort?.postMessage({ results: pending, done } satisfies WorkerMessage, transfer);
    pending = [];
    bytes = 0;
  };
  for (const task of tasks) {
    const result = scanFile(task, buffer, prices);
    pending.push(result);
    bytes += result.ok ? result.bytesRead : 0;
    if (bytes >= POST_EVERY_BYTES) post(false);
  }
  post(true);
});

import { parentPort } from 'node:worker_threads';
import { createPriceTable } from '../../../../shared/domain/logs/prices';
import { scanFile, type FileScanResult, type FileScanTask } from './file-scan';
import { ReadBuffer, useSearchModule } from './read-buffer';
import {
  CLAIMED,
  FIRST_READ_FLAG,
  type FirstReadJob,
  type WorkerJob,
  type WorkerMessage,
} from './scan-protocol';

/**
 * Bytes read between two posts: the main thread merges results in path order as they come, so
 * a small slice keeps it merging while this thread reads on (each post costs a few µs).
 */
const POST_EVERY_BYTES = 4 << 20;

// The logs worker (bundled to dist/logs-worker.cjs): it may start before its job is known (so
// its start-up overlaps the main thread's walk of the tree), then takes the next file in path
// order from the count it shares with every thread of the scan (see scan-pool.ts), and posts the
// results to its own port in slices, transferring each batch's buffer instead of copying it.
parentPort?.once('message', ({ tasks, priceRows, claims, searchModule, port }: WorkerJob) => {
  useSearchModule(searchModule);
  const prices = createPriceTable(priceRows);
  const buffer = new ReadBuffer();
  const counter = new Int32Array(claims);
  let pending: FileScanResult[] = [];
  let positions: number[] = [];
  let bytes = 0;
  const post = (done: boolean): void => {
    const transfer = pending.flatMap((result) =>
      result.ok ? [result.batch.values.buffer as ArrayBuffer] : [],
    );
    port.postMessage({ results: pending, positions, done } satisfies WorkerMessage, transfer);
    pending = [];
    positions = [];
    bytes = 0;
  };
  for (;;) {
    const position = Atomics.add(counter, CLAIMED, 1);
    if (position >= tasks.length) break;
    const result = scanFile(tasks[position] as FileScanTask, buffer, prices);
    pending.push(result);
    positions.push(position);
    bytes += result.ok ? result.bytesRead : 0;
    if (bytes >= POST_EVERY_BYTES) post(false);
  }
  post(true);
  port.close();
});

// The same script run as a child process (see first-read.ts): a first read, then exit. The flag
// is looked for, not counted to: Node's and Electron's utilityProcess argv differ in what precedes it.
const flagAt = process.argv.indexOf(FIRST_READ_FLAG);
if (parentPort === null && flagAt >= 0) {
  const job = JSON.parse(process.argv[flagAt + 1] ?? '{}') as FirstReadJob;
  import('./first-read-child')
    .then(({ runFirstRead }) => runFirstRead(job))
    .then(
      (written) => process.exit(written ? 0 : 1),
      () => process.exit(1),
    );
}

import type { MessagePort } from 'node:worker_threads';
import type { PriceRow } from '../../../../shared/domain/logs/prices';
import type { FileScanResult, FileScanTask } from './file-scan';

/** A message from the logs worker: results, the task position of each; `done` on the last one. */
export interface WorkerMessage {
  readonly results: FileScanResult[];
  readonly positions: number[];
  readonly done: boolean;
}

/** The Int32 slot of `WorkerJob.claims`: how many tasks any thread took (the next one to take). */
export const CLAIMED = 0;

/** The job the main thread sends: the files, the price table's rows, and the shared claim counts. */
export interface WorkerJob {
  readonly tasks: readonly FileScanTask[];
  readonly priceRows: readonly PriceRow[];
  /** The Int32 count (CLAIMED) every thread of the scan takes tasks in order with. */
  readonly claims: SharedArrayBuffer;
  /** Where to post results (WorkerMessage): the main thread reads it between its own files. */
  readonly port: MessagePort;
  /** The compiled search module (a WebAssembly.Module): the worker need not compile it again. */
  readonly searchModule: object;
}

/** The flag that makes the bundled logs worker script do a first read (see first-read.ts). */
export const FIRST_READ_FLAG = '--pacewatch-first-read';

/** What a first read in a child process needs (JSON after the flag on its command line). */
export interface FirstReadJob {
  readonly roots: readonly string[];
  readonly indexPath: string;
  /** The price table's rows (the user's file already applied: the child loads no schema). */
  readonly priceRows: readonly PriceRow[];
}

import { createPriceTable } from '../../../../shared/domain/logs/prices';
import type { FirstReadJob } from './scan-protocol';
import { createLogsReader } from './reader';
import { bundledWorkerScript } from './scan-pool';

/**
 * The child side of `firstReadInChild`: reads every transcript (with the worker threads, as a
 * `pacewatch report` does) and writes the index. True when the index was written.
 */
export async function runFirstRead(job: FirstReadJob): Promise<boolean> {
  const reader = createLogsReader({
    roots: job.roots,
    indexPath: job.indexPath,
    prices: createPriceTable(job.priceRows),
    workerScript: bundledWorkerScript(),
  });
  await reader.refresh();
  reader.close();
  return true;
}

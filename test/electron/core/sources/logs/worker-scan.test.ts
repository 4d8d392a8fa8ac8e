import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogsReader } from '../../../../../electron/core/sources/logs/reader';
import { buildReport } from '../../../../../shared/domain/logs/reports';
import { generateTree } from '../../../../fakes/transcripts/tree';
import { assertBuilt } from '../../../../support/cli';
import { useTempDir } from '../../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-worker-');
const WORKER = join(import.meta.dirname, '..', '..', '..', '..', '..', 'dist', 'logs-worker.cjs');

describe('reading on worker threads', () => {
  it('counts exactly what reading on the calling thread counts', async () => {
    assertBuilt();
    const dir = tempDir();
    generateTree({
      root: join(dir, 'claude'),
      seed: 11,
      startAt: Date.UTC(2026, 5, 1),
      days: 20,
      sessions: 40,
      scale: 0.05,
      faults: true,
      divergent: true,
    });
    const roots = [join(dir, 'claude', 'projects')];
    const inThread = createLogsReader({ roots, indexPath: join(dir, 'a.bin'), threads: 0 });
    const onWorkers = (threads: number, name: string) =>
      createLogsReader({
        roots,
        indexPath: join(dir, name),
        threads,
        workerScript: WORKER,
        threadThresholdBytes: 0,
        // On a tree this small the calling thread would take every file before a worker starts.
        readOnCallingThread: false,
      });
    const oneWorker = onWorkers(1, 'b.bin');
    const twoWorkers = onWorkers(2, 'c.bin');
    const one = await inThread.refresh();
    const single = await oneWorker.refresh();
    const double = await twoWorkers.refresh();
    expect([one.threads, single.threads]).toEqual([0, 1]);
    // Two workers share the files as they come: which one reads what varies, the counts do not.
    expect(double.threads).toBeGreaterThanOrEqual(1);
    for (const refresh of [single, double]) {
      expect(refresh).toMatchObject({
        filesRead: one.filesRead,
        bytesRead: one.bytesRead,
        added: one.added,
        replaced: one.replaced,
        malformedLines: one.malformedLines,
      });
    }
    const options = { timeZone: 'UTC', since: null, until: null, mode: 'auto' as const, now: 0 };
    for (const reader of [oneWorker, twoWorkers]) {
      for (const kind of ['daily', 'sessions', 'blocks'] as const) {
        expect(buildReport(reader.entries(), kind, options).json).toEqual(
          buildReport(inThread.entries(), kind, options).json,
        );
      }
    }
  });

  it('reads a failed worker’s share on the calling thread (a broken worker script)', async () => {
    const dir = tempDir();
    generateTree({
      root: join(dir, 'claude'),
      seed: 12,
      startAt: Date.UTC(2026, 5, 1),
      days: 5,
      sessions: 10,
      scale: 0.05,
    });
    const broken = join(dir, 'broken-worker.cjs');
    writeFileSync(broken, 'throw new Error("this worker cannot start");\n');
    const roots = [join(dir, 'claude', 'projects')];
    const reference = createLogsReader({ roots, indexPath: join(dir, 'a.bin'), threads: 0 });
    // No index: the reader prewarms the (broken) worker before it knows the files. Whether this
    // thread takes files too or leaves them all to the workers, nothing is lost.
    const fallbacks = [true, false].map((readOnCallingThread) =>
      createLogsReader({
        roots,
        indexPath: join(dir, `${String(readOnCallingThread)}.bin`),
        threads: 1,
        workerScript: broken,
        threadThresholdBytes: 0,
        readOnCallingThread,
      }),
    );
    const one = await reference.refresh();
    for (const fallback of fallbacks) {
      const two = await fallback.refresh();
      expect([two.threads, two.added, two.bytesRead]).toEqual([0, one.added, one.bytesRead]);
      fallback.close();
    }
  });
});

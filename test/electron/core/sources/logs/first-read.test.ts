import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_ROWS } from '../../../../../shared/domain/logs/prices';
import { buildReport } from '../../../../../shared/domain/logs/reports';
import { nodeForkScript } from '../../../../../electron/core/adapters/node-fork';
import { firstReadInChild } from '../../../../../electron/core/sources/logs/first-read';
import { createLogsReader } from '../../../../../electron/core/sources/logs/reader';
import { generateTree } from '../../../../fakes/transcripts/tree';
import { assertBuilt } from '../../../../support/cli';
import { useTempDir } from '../../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-first-read-');
const WORKER = join(import.meta.dirname, '..', '..', '..', '..', '..', 'dist', 'logs-worker.cjs');

describe('a first read in a child process (the command: Node’s fork)', () => {
  it('writes the index a long-lived reader then starts from, counting exactly the same', async () => {
    assertBuilt();
    const dir = tempDir();
    generateTree({
      root: join(dir, 'claude'),
      seed: 21,
      startAt: Date.UTC(2026, 5, 1),
      days: 20,
      sessions: 30,
      scale: 0.05,
      faults: true,
      divergent: true,
    });
    const roots = [join(dir, 'claude', 'projects')];
    const indexPath = join(dir, 'data', 'index.bin');
    const job = { roots, indexPath, priceRows: DEFAULT_PRICE_ROWS };
    expect(await firstReadInChild(nodeForkScript, WORKER, job)).toBe(true);
    expect(existsSync(indexPath)).toBe(true);
    const restarted = createLogsReader({ roots, indexPath, threads: 0 });
    const direct = createLogsReader({ roots, indexPath: join(dir, 'direct.bin'), threads: 0 });
    const [fromIndex, read] = [await restarted.refresh(), await direct.refresh()];
    expect([fromIndex.filesRead, fromIndex.rebuilt]).toEqual([0, null]);
    expect(read.filesRead).toBeGreaterThan(20);
    const options = { timeZone: 'UTC', since: null, until: null, mode: 'auto' as const, now: 0 };
    for (const kind of ['daily', 'sessions', 'blocks'] as const)
      expect(buildReport(restarted.entries(), kind, options).json).toEqual(
        buildReport(direct.entries(), kind, options).json,
      );
    expect(restarted.problems().malformedLines).toBe(direct.problems().malformedLines);
  });

  it('says when it could not, so the caller reads in-process', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.cjs');
    writeFileSync(broken, 'process.exit(3);\n');
    const job = { roots: [dir], indexPath: join(dir, 'index.bin'), priceRows: DEFAULT_PRICE_ROWS };
    expect(await firstReadInChild(nodeForkScript, broken, job)).toBe(false);
    expect(await firstReadInChild(nodeForkScript, join(dir, 'missing.cjs'), job)).toBe(false);
    expect(existsSync(job.indexPath)).toBe(false);
  });
});

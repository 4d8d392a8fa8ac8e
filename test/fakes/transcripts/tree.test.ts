import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp-dir';
import { generateTree } from './tree';

const tempDir = useTempDir('pacewatch-tree-');

function digest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      hash.update(path.slice(dir.length));
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('the transcript tree generator', () => {
  it('writes the same bytes for the same seed, and other bytes for another', () => {
    const options = {
      startAt: Date.UTC(2026, 5, 1),
      days: 10,
      sessions: 8,
      scale: 0.05,
      faults: true,
      divergent: true,
    };
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const stats = generateTree({ ...options, root: a, seed: 1 });
    generateTree({ ...options, root: b, seed: 1 });
    generateTree({ ...options, root: c, seed: 2 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
    expect(stats.sessions).toBe(8);
    expect(stats.usageLines).toBeGreaterThan(50);
  });

  it('stops near a byte target (the benchmark’s ~1 GB tree, here 2 MB)', () => {
    const stats = generateTree({
      root: tempDir(),
      seed: 3,
      startAt: Date.UTC(2026, 5, 1),
      days: 30,
      targetBytes: 2_000_000,
    });
    expect(stats.bytes).toBeGreaterThanOrEqual(2_000_000);
    expect(stats.bytes).toBeLessThan(6_000_000);
  });
});

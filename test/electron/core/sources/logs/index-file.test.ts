import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENTRY_COLUMNS,
  type EntryColumn,
} from '../../../../../electron/core/sources/logs/entry-table';
import { loadIndex, saveIndex } from '../../../../../electron/core/sources/logs/index-file';
import type { IndexHeader } from '../../../../../electron/core/sources/logs/index-schema';
import { useTempDir } from '../../../../support/temp-dir';

const NOW = Date.UTC(2026, 11, 5, 12);
const COUNT = 3;

/** A header for `COUNT` entries of one file, and columns whose values say where they are. */
function sample(): { header: IndexHeader; columns: Record<EntryColumn, Float64Array> } {
  const header: IndexHeader = {
    count: COUNT,
    models: ['claude-opus-4-6'],
    sessions: ['s1'],
    files: [],
    dirs: [{ path: '/p', mtimeMs: 5 }],
    roots: ['/p'],
    priceVersion: 'v1',
  };
  const columns = {} as Record<EntryColumn, Float64Array>;
  ENTRY_COLUMNS.forEach((name, column) => {
    columns[name] = Float64Array.from({ length: COUNT }, (_, row) => column * 100 + row + 0.5);
  });
  return { header, columns };
}

describe('the logs index file', () => {
  const temp = useTempDir('pacewatch-index-file-');

  function saved(): string {
    const path = join(temp(), 'logs-index', 'i.bin');
    const { header, columns } = sample();
    saveIndex(path, header, { count: COUNT, columns, models: header.models, sessions: [] });
    return path;
  }

  it('reads back what it wrote, each column with room for 4,096 more entries', () => {
    const loaded = loadIndex(saved(), NOW);
    if (loaded.kind !== 'ok') throw new Error(`not loaded: ${JSON.stringify(loaded)}`);
    expect(loaded.header).toMatchObject({ count: 3, models: ['claude-opus-4-6'], roots: ['/p'] });
    expect(loaded.table.count).toBe(3);
    ENTRY_COLUMNS.forEach((name, column) => {
      const values = loaded.table.columns[name];
      expect(values.length).toBe(3 + 4096);
      expect([...values.subarray(0, 4)]).toEqual([
        column * 100 + 0.5,
        column * 100 + 1.5,
        column * 100 + 2.5,
        0,
      ]);
    });
  });

  it('says missing when there is no file', () => {
    expect(loadIndex(join(temp(), 'none.bin'), NOW)).toEqual({ kind: 'missing' });
  });

  const damages: [string, (bytes: Buffer) => Buffer][] = [
    ['cut short by 8 bytes', (bytes) => bytes.subarray(0, bytes.length - 8)],
    ['a flipped byte in the last column', (bytes) => flip(bytes, bytes.length - 3)],
    ['a flipped byte in the header', (bytes) => flip(bytes, 20)],
  ];
  it.each(damages)('sets aside an index %s as damaged and says so', (_, damage) => {
    const path = saved();
    writeFileSync(path, damage(readFileSync(path)));
    const loaded = loadIndex(path, NOW);
    expect(loaded).toMatchObject({
      kind: 'corrupt',
      reason: 'checksum mismatch (truncated or damaged)',
      quarantinedTo: `${path}.corrupt-2026-12-05T12-00-00-000Z`,
    });
    expect(readdirSync(join(path, '..'))).toEqual(['i.bin.corrupt-2026-12-05T12-00-00-000Z']);
  });

  it('names a file that is not an index', () => {
    const path = saved();
    writeFileSync(path, 'not an index at all');
    expect(loadIndex(path, NOW)).toMatchObject({
      kind: 'corrupt',
      reason: 'not a Pacewatch logs index',
    });
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

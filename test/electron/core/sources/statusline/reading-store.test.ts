import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendReading,
  historyDue,
  readCachedReading,
  readReadings,
  recordReading,
  samplesOf,
  type Readings,
} from '../../../../../electron/core/sources/statusline/reading-store';
import { createStatuslineSource } from '../../../../../electron/core/sources/statusline/statusline-source';
import { dataLayout } from '../../../../../electron/core/stores/data-layout';
import { sourceRecordSchema } from '../../../../../electron/core/stores/record-schema';
import { readHistoryFile } from '../../../../support/history-file';
import type { Snapshot, UsageWindow } from '../../../../../shared/domain/snapshot';
import { useTempDir } from '../../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-statusline-');
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 21, 14);
const RESET = Date.UTC(2026, 10, 21, 16);

const session = (utilization: number, resetsAt: number | null = RESET): UsageWindow => ({
  id: 'five_hour',
  label: 'Session',
  utilization,
  resetsAt,
});
const reading = (fetchedAt: number, utilization = 42): Snapshot => ({
  source: 'statusline',
  fetchedAt,
  windows: [session(utilization)],
  extraUsage: null,
});

describe("the status line's cache record", () => {
  it('writes a full source record the engine reads with its schema', async () => {
    const layout = dataLayout(tempDir());
    expect(await recordReading(layout, reading(T0))).toBe(true);
    const record = sourceRecordSchema.parse(
      JSON.parse(readFileSync(layout.cache('statusline'), 'utf8')),
    );
    expect(record).toEqual({
      source: 'statusline',
      snapshot: reading(T0),
      error: null,
      attemptedAt: T0,
      failures: 0,
      nextAttemptAt: null,
      cooldownUntil: null,
      haltedOn: null,
      // The hourly request budget's count (issue 13, defect 5): a reading counts as an attempt.
      recentAttempts: [T0],
    });
    expect(await readCachedReading(layout)).toEqual(reading(T0));
    const source = createStatuslineSource({ layout });
    expect(source.passive).toBe(true);
    expect(await source.fetch()).toEqual({ ok: true, snapshot: reading(T0) });
  });

  it('never lets an older reading replace a newer one, however the writes interleave', async () => {
    const layout = dataLayout(tempDir());
    const times = [5, 1, 9, 3, 7, 2, 8, 4, 6, 0].map((n) => T0 + n * 1_000);
    const written = await Promise.all(
      times.map((at) => recordReading(layout, reading(at, at % 97))),
    );
    expect(written.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await readCachedReading(layout)).toEqual(reading(T0 + 9_000, (T0 + 9_000) % 97));
    expect(await recordReading(layout, reading(T0 + 8_000))).toBe(false);
    expect(await recordReading(layout, reading(T0 + 9_000, 50))).toBe(true);
    expect(readdirSync(join(layout.dir, 'cache'))).toEqual(['statusline.json']);
  });

  it('treats a damaged or foreign cache file as no reading, and writes over it', async () => {
    const layout = dataLayout(tempDir());
    mkdirSync(join(layout.dir, 'cache'), { recursive: true });
    for (const text of [
      '{"snapshot": {"fetchedAt": "x"',
      '[]',
      '{"snapshot": {"fetchedAt": 1, "windows": [{"id": 1}]}}',
    ]) {
      writeFileSync(layout.cache('statusline'), text);
      expect(await readCachedReading(layout)).toBeNull();
    }
    expect(await recordReading(layout, reading(T0))).toBe(true);
    expect(await readCachedReading(layout)).toEqual(reading(T0));
  });

  it('says "no reading yet" through the source when nothing was recorded', async () => {
    const source = createStatuslineSource({ layout: dataLayout(tempDir()) });
    expect(await source.fetch()).toEqual({
      ok: false,
      error: {
        kind: 'no-credentials',
        message:
          "No reading from Claude Code's status line yet. Run `pacewatch statusline --install`, then use Claude Code: figures arrive with its first reply.",
      },
      retryAfterMs: null,
    });
    expect(await source.credentialStamp()).toBeNull();
  });
});

describe("the status line's history", () => {
  const readings = (points: [number, number, number | null][]): Readings =>
    new Map([['five_hour', points]]);

  it.each([
    { name: 'no reading of the window yet', points: [], due: true },
    { name: 'the last reading under 2 min old', points: [[T0 - MINUTE, 40, RESET]], due: false },
    { name: 'the last reading 2 min old', points: [[T0 - 2 * MINUTE, 40, RESET]], due: true },
    {
      name: 'a reset that jittered by seconds',
      points: [[T0 - MINUTE, 40, RESET + 20_000]],
      due: false,
    },
    { name: 'another period', points: [[T0 - MINUTE, 40, RESET - 5 * 60 * MINUTE]], due: true },
    { name: 'a reset time appearing', points: [[T0 - MINUTE, 40, null]], due: true },
    { name: 'a clock that went back', points: [[T0 + MINUTE, 40, RESET]], due: true },
  ] as { name: string; points: [number, number, number | null][]; due: boolean }[])(
    'appends when due: $name → $due',
    ({ points, due }) => {
      expect(historyDue(readings(points), reading(T0))).toBe(due);
    },
  );

  it('appends through the history schema and reads the readings back without it', async () => {
    const layout = dataLayout(tempDir());
    await appendReading(layout, reading(T0 - 4 * MINUTE, 30));
    await appendReading(layout, reading(T0, 42));
    const file = readHistoryFile(layout.history('statusline'));
    expect(file.series.five_hour).toEqual([
      [T0 - 4 * MINUTE, 30, RESET],
      [T0, 42, RESET],
    ]);
    expect(await readReadings(layout, ['five_hour', 'seven_day'])).toEqual(
      new Map([['five_hour', file.series.five_hour]]),
    );
  });

  it('reads a damaged history as no readings', async () => {
    const layout = dataLayout(tempDir());
    mkdirSync(join(layout.dir, 'history'), { recursive: true });
    writeFileSync(
      layout.history('statusline'),
      '{"version":1,"series":{"five_hour":[[1,"x",null]]}}',
    );
    expect(await readReadings(layout, ['five_hour'])).toEqual(new Map());
  });

  it('projects a window without a reset time from its trailing readings without one', () => {
    const points: [number, number, number | null][] = [
      [1, 10, RESET],
      [2, 11, null],
      [3, 12, null],
    ];
    expect(samplesOf(readings(points), session(12, null))).toEqual([
      { at: 2, utilization: 11 },
      { at: 3, utilization: 12 },
    ]);
    expect(samplesOf(readings(points), session(12))).toHaveLength(3);
  });
});

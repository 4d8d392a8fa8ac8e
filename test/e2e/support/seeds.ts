import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataLayout } from '../../../electron/core/stores/data-layout';
import type { SourceRecord } from '../../../shared/domain/source-record';
import type { DevWorldOptions } from './dev-browser-world';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A usage body whose resets lie ahead of `now`, as the live endpoint answers. */
export function usageBody(
  now: number,
  figures: { session: number; week: number; sessionResetMs?: number; weekResetMs?: number },
  extra: object | null = null,
): Record<string, unknown> {
  return {
    five_hour: {
      utilization: figures.session,
      resets_at: new Date(
        now + (figures.sessionResetMs ?? 2 * HOUR + 13 * MINUTE + 30_000),
      ).toISOString(),
    },
    seven_day: {
      utilization: figures.week,
      resets_at: new Date(
        now + (figures.weekResetMs ?? 3 * 24 * HOUR + 4 * HOUR + 30_000),
      ).toISOString(),
    },
    extra_usage: extra,
  };
}

/** A dev world whose fake usage endpoint answers with these figures, resets ahead of each answer's time. */
export function answering(figures: { session: number; week: number }): DevWorldOptions {
  return {
    script: (api) => {
      api.respond({ body: usageBody(Date.now(), figures) });
    },
  };
}

/** Writes a JSON state file into the data dir. */
export function writeState(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
}

/** Session readings rising steadily over the last hour: enough for a projection. */
export function risingHistory(layout: DataLayout, now: number, resetsAt: number): void {
  const points = Array.from({ length: 13 }, (_, i) => [
    now - (60 - i * 5) * MINUTE,
    30 + i * 2.5,
    resetsAt,
  ]);
  writeState(layout.history('oauth'), { version: 1, series: { five_hour: points } });
}

/** A cached oauth record, as another process (or an earlier run) left it. */
export function cachedRecord(layout: DataLayout, record: Omit<SourceRecord, 'source'>): void {
  writeState(layout.cache('oauth'), { source: 'oauth', ...record });
}

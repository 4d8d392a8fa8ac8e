import { describe, expect, it } from 'vitest';
import {
  appendSnapshot,
  compactHistory,
  emptyHistory,
  limitHits,
  periodSamples,
  sparkline,
  type History,
  type HistoryPoint,
} from '../../../shared/domain/history';
import { historySchema } from '../../../shared/domain/history-schema';
import { DAY, HOUR, MINUTE, SECOND, snapshot, t, usageWindow, weekWindow } from './factories';

const history = (series: Record<string, HistoryPoint[]>): History => ({ version: 1, series });

describe('appendSnapshot', () => {
  const reset = t('2026-11-21T16:00');
  const week = t('2026-11-24T09:00');

  it('adds one point per window at fetchedAt', () => {
    const next = appendSnapshot(
      emptyHistory(),
      snapshot(t('2026-11-21T12:00'), [
        usageWindow({ utilization: 42.5, resetsAt: reset }),
        weekWindow({ utilization: 61, resetsAt: week }),
      ]),
    );
    expect(next).toEqual(
      history({
        five_hour: [[t('2026-11-21T12:00'), 42.5, reset]],
        seven_day: [[t('2026-11-21T12:00'), 61, week]],
      }),
    );
  });

  it('ignores a repeat of the same fetchedAt (the same cached snapshot read twice)', () => {
    const once = appendSnapshot(
      emptyHistory(),
      snapshot(t('2026-11-21T12:00'), [usageWindow({ utilization: 40 })]),
    );
    const twice = appendSnapshot(
      once,
      snapshot(t('2026-11-21T12:00'), [usageWindow({ utilization: 40 })]),
    );
    expect(twice).toBe(once);
  });

  it('keeps time order when the clock went back', () => {
    let h = emptyHistory();
    for (const [at, u] of [
      [t('2026-11-21T12:00'), 10],
      [t('2026-11-21T12:10'), 30],
      [t('2026-11-21T12:05'), 20],
      [t('2026-11-21T11:55'), 5],
      [t('2026-11-21T12:05'), 99],
    ] as const) {
      h = appendSnapshot(h, snapshot(at, [usageWindow({ utilization: u })]));
    }
    expect(h.series['five_hour']).toEqual([
      [t('2026-11-21T11:55'), 5, null],
      [t('2026-11-21T12:00'), 10, null],
      [t('2026-11-21T12:05'), 20, null],
      [t('2026-11-21T12:10'), 30, null],
    ]);
  });
});

/** Readings every `stepMs` from `from` up to `to` (inclusive). */
function points(
  from: number,
  to: number,
  stepMs: number,
  at: (time: number) => [number, number | null],
): HistoryPoint[] {
  const result: HistoryPoint[] = [];
  for (let time = from; time <= to; time += stepMs) result.push([time, ...at(time)]);
  return result;
}

/** A session that climbs 0 → 98.3% over each 5-hour period, periods aligned to `origin`. */
function sawtooth(origin: number) {
  return (time: number): [number, number] => {
    const minutes = (time - origin) / MINUTE;
    return [(minutes % 300) / 3, origin + (Math.floor(minutes / 300) + 1) * 300 * MINUTE];
  };
}

describe('compactHistory', () => {
  const now = t('2026-11-21T12:00');

  it('drops readings older than 35 days, and series left empty', () => {
    const compacted = compactHistory(
      history({
        five_hour: [
          [now - 35 * DAY - 1, 10, null],
          [now - 35 * DAY, 20, null],
          [now - HOUR, 30, null],
        ],
        seven_day_opus: [[now - 40 * DAY, 5, null]],
      }),
      now,
    );
    expect(compacted).toEqual(
      history({
        five_hour: [
          [now - 35 * DAY, 20, null],
          [now - HOUR, 30, null],
        ],
      }),
    );
  });

  it('keeps the highest reading per 30 min once older than 48 h', () => {
    const base = t('2026-11-18T10:00'); // 74 h ago, on a 30-min boundary
    const compacted = compactHistory(
      history({
        five_hour: [
          [base, 10, null],
          [base + 10 * MINUTE, 40, null],
          [base + 20 * MINUTE, 30, null],
          [base + 30 * MINUTE, 50, null],
          [base + 55 * MINUTE, 45, null],
        ],
      }),
      now,
    );
    expect(compacted.series['five_hour']).toEqual([
      [base + 10 * MINUTE, 40, null],
      [base + 30 * MINUTE, 50, null],
    ]);
  });

  it('keeps only both ends of a flat run older than 48 h, per period', () => {
    const base = t('2026-11-15T00:00');
    const periodA = t('2026-11-17T09:00');
    const periodB = t('2026-11-24T09:00');
    const flat = points(base, base + 10 * HOUR, 30 * MINUTE, (time) => [
      20,
      time < base + 6 * HOUR ? periodA : periodB,
    ]);
    const compacted = compactHistory(history({ seven_day: flat }), now);
    expect(compacted.series['seven_day']).toEqual([
      [base, 20, periodA],
      [base + 5.5 * HOUR, 20, periodA],
      [base + 6 * HOUR, 20, periodB],
      [base + 10 * HOUR, 20, periodB],
    ]);
  });

  it('keeps every 5-minute reading of the last 48 h, flat or not', () => {
    const recent = points(now - 48 * HOUR, now, 5 * MINUTE, () => [33, null]);
    expect(compactHistory(history({ five_hour: recent }), now).series['five_hour']).toEqual(recent);
  });

  it('thins readings of the last 48 h to one per 2 min (status-line bursts)', () => {
    const burst = points(now - 48 * HOUR, now, 10 * SECOND, (time) => [
      (time - now + 48 * HOUR) / HOUR,
      null,
    ]);
    const compacted = compactHistory(history({ five_hour: burst }), now).series['five_hour'] ?? [];
    expect(burst).toHaveLength(17_281);
    expect(compacted).toHaveLength(48 * 30 + 1);
    expect(compacted.at(-1)).toEqual(burst.at(-1));
  });

  it('caps a series at 4000 points, keeping the newest', () => {
    // The clock went back 10 days: ten days of per-minute readings now lie "in the future".
    const future = points(now + MINUTE, now + 10 * DAY, MINUTE, (time) => [
      ((time - now) / MINUTE) % 100,
      null,
    ]);
    const compacted = compactHistory(history({ five_hour: future }), now).series['five_hour'] ?? [];
    expect(compacted).toHaveLength(4000);
    expect(compacted.at(-1)).toEqual(future.at(-1));
  });

  it('bounds a year of 5-minute readings to exactly 2162 points, keeping recent resolution', () => {
    const origin = t('2025-11-21T00:00');
    const year = points(origin, origin + 365 * DAY - 5 * MINUTE, 5 * MINUTE, sawtooth(origin));
    const end = origin + 365 * DAY - 5 * MINUTE; // 23:55, 25 min into its 30-min bucket
    const compacted = compactHistory(history({ five_hour: year }), end).series['five_hour'] ?? [];
    // Last 48 h: 48 × 12 + 1 = 577 readings, untouched. Before that, 35 d − 48 h = 33 d of
    // readings starting 25 min into a 30-min bucket: 1 + 1583 whole + 1 partial = 1585 buckets,
    // one reading each; the sawtooth has no flat runs to collapse.
    expect(compacted).toHaveLength(2162);
    expect(compacted.slice(-577)).toEqual(year.slice(-577));
    expect(compacted[0]?.[0]).toBeGreaterThanOrEqual(end - 35 * DAY - 30 * MINUTE);
  });

  it('gives the same result compacting as it goes as compacting once', () => {
    const origin = t('2026-09-01T00:00');
    // Plateaus at 60% make flat runs; periods start 10 min into a 30-min bucket, so a bucket's
    // highest reading is not always its last; compacting every 6 h 25 m lands off the buckets.
    const plateau = (time: number): [number, number] => {
      const [utilization, resetsAt] = sawtooth(origin - 290 * MINUTE)(time);
      return [Math.min(60, utilization), resetsAt];
    };
    const end = origin + 60 * DAY + 20 * MINUTE;
    const readings = points(origin, end, 5 * MINUTE, plateau);
    let incremental = emptyHistory();
    readings.forEach(([at, utilization, resetsAt], i) => {
      incremental = appendSnapshot(
        incremental,
        snapshot(at, [usageWindow({ utilization, resetsAt })]),
      );
      if (i % 77 === 0) incremental = compactHistory(incremental, at);
    });
    expect(compactHistory(incremental, end)).toEqual(
      compactHistory(history({ five_hour: readings }), end),
    );
    expect(compactHistory(compactHistory(incremental, end), end)).toEqual(
      compactHistory(incremental, end),
    );
  });
});

describe('periodSamples', () => {
  const reset = t('2026-11-21T16:00');
  const now = t('2026-11-21T13:00');

  it('returns the readings of the current period, across jitter and a moved reset time', () => {
    const h = history({
      five_hour: [
        [t('2026-11-21T10:50'), 97, t('2026-11-21T11:00')], // previous period
        [t('2026-11-21T11:02'), 99, t('2026-11-21T11:00')], // previous period, reported late
        [t('2026-11-21T11:20'), 0, null], // before the session started
        [t('2026-11-21T11:30'), 5, t('2026-11-21T15:30')], // before the server moved the reset
        [t('2026-11-21T12:00'), 20, t('2026-11-21T16:00:00.282')],
        [t('2026-11-21T12:30'), 30, t('2026-11-21T15:59:59.990')],
        [t('2026-11-21T13:30'), 45, reset], // after now
      ],
    });
    expect(periodSamples(h, 'five_hour', reset, now)).toEqual([
      { at: t('2026-11-21T11:20'), utilization: 0 },
      { at: t('2026-11-21T11:30'), utilization: 5 },
      { at: t('2026-11-21T12:00'), utilization: 20 },
      { at: t('2026-11-21T12:30'), utilization: 30 },
    ]);
  });

  it('stops at a reading whose period had ended, even inside the window duration', () => {
    // The new session's reset is rounded: its 5 hours reach back into the previous session.
    const h = history({
      five_hour: [
        [t('2026-11-21T11:40'), 80, t('2026-11-21T12:00')],
        [t('2026-11-21T12:05'), 2, t('2026-11-21T16:30')],
        [t('2026-11-21T12:30'), 10, t('2026-11-21T16:30')],
      ],
    });
    expect(periodSamples(h, 'five_hour', t('2026-11-21T16:30'), now)).toEqual([
      { at: t('2026-11-21T12:05'), utilization: 2 },
      { at: t('2026-11-21T12:30'), utilization: 10 },
    ]);
  });

  it('without a reset time, returns the trailing readings that had none', () => {
    const h = history({
      five_hour: [
        [t('2026-11-21T10:00'), 90, t('2026-11-21T11:00')],
        [t('2026-11-21T11:05'), 0, null],
        [t('2026-11-21T12:05'), 0, null],
      ],
    });
    expect(periodSamples(h, 'five_hour', null, now)).toEqual([
      { at: t('2026-11-21T11:05'), utilization: 0 },
      { at: t('2026-11-21T12:05'), utilization: 0 },
    ]);
  });

  it('returns nothing for an unknown window', () => {
    expect(periodSamples(emptyHistory(), 'seven_day', reset, now)).toEqual([]);
  });
});

describe('sparkline', () => {
  const now = t('2026-11-21T12:00');
  const h = history({
    five_hour: points(now - 10 * HOUR, now + HOUR, HOUR, (time) => [
      (time - now) / HOUR + 10,
      null,
    ]),
  });

  it('returns the readings of the span', () => {
    expect(sparkline(h, 'five_hour', now, 2 * HOUR)).toEqual([
      { at: now - 2 * HOUR, utilization: 8 },
      { at: now - HOUR, utilization: 9 },
      { at: now, utilization: 10 },
    ]);
  });

  it('keeps the highest per slice when asked for fewer points', () => {
    expect(sparkline(h, 'five_hour', now, 10 * HOUR, 2)).toEqual([
      { at: now - 6 * HOUR, utilization: 4 },
      { at: now, utilization: 10 },
    ]);
  });

  it('is empty for a window without history', () => {
    expect(sparkline(h, 'seven_day', now, DAY)).toEqual([]);
  });
});

describe('limitHits', () => {
  const now = t('2026-11-21T12:00');
  const s1 = t('2026-11-10T05:00');
  const s2 = t('2026-11-12T05:00');
  const w1 = t('2026-11-17T09:00');

  it.each<[string, Record<string, HistoryPoint[]>, number]>([
    ['no history', {}, 0],
    [
      'one period full twice (counted once)',
      {
        five_hour: [
          [s1 - HOUR, 100, s1],
          [s1 - 50 * MINUTE, 99.5, s1],
          [s1 - 40 * MINUTE, 100, s1],
        ],
      },
      1,
    ],
    [
      'a jittered reset in one period',
      {
        five_hour: [
          [s1 - HOUR, 100, s1 + 282],
          [s1 - 40 * MINUTE, 100, s1 - 10],
        ],
      },
      1,
    ],
    [
      'two sessions and a week',
      {
        five_hour: [
          [s1 - HOUR, 100, s1],
          [s2 - HOUR, 100, s2],
        ],
        seven_day: [[w1 - DAY, 100, w1]],
      },
      3,
    ],
    ['a hit before the span', { five_hour: [[now - 31 * DAY, 100, now - 30 * DAY - HOUR]] }, 0],
    ['readings below 100', { five_hour: [[s1 - HOUR, 99.9, s1]] }, 0],
    [
      'runs of full readings without reset times',
      {
        five_hour: [
          [s1, 100, null],
          [s1 + MINUTE, 100, null],
          [s1 + 2 * MINUTE, 50, null],
          [s1 + 3 * MINUTE, 100, null],
        ],
      },
      2,
    ],
    [
      'a spent budget (not a plan limit)',
      { monthly_budget: [[s1, 100, t('2026-12-01T00:00')]] },
      0,
    ],
  ])('%s → %d', (_case, series, hits) => {
    expect(limitHits(history(series), now, 30 * DAY)).toBe(hits);
  });
});

describe('historySchema', () => {
  const at = t('2026-11-21T09:00');
  const resets = t('2026-11-21T11:00');

  it('round-trips a history through JSON', () => {
    const h = history({
      five_hour: [
        [at, 2.5, null],
        [at + 1, 3, resets],
      ],
    });
    expect(historySchema.safeParse(JSON.parse(JSON.stringify(h)))).toEqual({
      success: true,
      data: h,
    });
  });

  it.each([
    ['a wrong version', { version: 2, series: {} }, 'version: expected 1'],
    ['no series', { version: 1 }, 'series: expected an object'],
    [
      'a series that is not a list',
      { version: 1, series: { five_hour: 3 } },
      'series.five_hour: expected an array',
    ],
  ])('refuses %s, saying what is wrong', (_case, value, message) => {
    expect(historySchema.safeParse(value)).toEqual({
      success: false,
      error: { issues: [{ message }] },
    });
  });

  it('keeps a window id of __proto__ as a series, not as the object’s prototype', () => {
    const parsed = historySchema.safeParse(
      JSON.parse(`{"version":1,"series":{"__proto__":[[${at},2,null]]}}`),
    );
    expect(parsed.success && Object.getPrototypeOf(parsed.data.series)).toBe(Object.prototype);
    expect(parsed.success && Object.entries(parsed.data.series)).toEqual([
      ['__proto__', [[at, 2, null]]],
    ]);
  });

  // A damaged reading used to fail the whole file (and lose every reading with it); now it is
  // left out and the window's other readings stay (issue 13, "last good figures kept").
  it.each([
    ['a missing field', [at, 2]],
    ['text', [at, '2', null]],
    ['a reset time of 1e300', [at, 2, 1e300]],
    ['a time of 1', [1, 2, null]],
    ['a utilization of -5', [at, -5, null]],
  ])('leaves out a point with %s and keeps the others', (_case, point) => {
    const value = { version: 1, series: { five_hour: [point, [at + 1, 3, resets]] } };
    expect(historySchema.safeParse(value)).toEqual({
      success: true,
      data: history({ five_hour: [[at + 1, 3, resets]] }),
    });
  });
});

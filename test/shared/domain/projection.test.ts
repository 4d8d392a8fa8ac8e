import { describe, expect, it } from 'vitest';
import { projectWindow, type UsageSample } from '../../../shared/domain/projection';
import { HOUR, MINUTE, t, usageWindow, weekWindow } from './factories';

const resetsAt = t('2026-11-21T16:00');
const now = t('2026-11-21T13:00');

/** Readings every `stepMin` minutes from `from` to `to` (inclusive), from a utilization curve. */
function readings(
  from: number,
  to: number,
  stepMin: number,
  curve: (hours: number) => number,
): UsageSample[] {
  const samples: UsageSample[] = [];
  for (let at = from; at <= to; at += stepMin * MINUTE) {
    samples.push({ at, utilization: curve((at - from) / HOUR) });
  }
  return samples;
}

/** 10% at 11:30, climbing 30 points an hour, every 5 min: 55% at 13:00. */
const steadyClimb = readings(t('2026-11-21T11:30'), now, 5, (h) => 10 + 30 * h);

describe('projectWindow', () => {
  it('projects the exact lockout time and blocked duration of a steady climb', () => {
    const projection = projectWindow(usageWindow({ utilization: 55, resetsAt }), steadyClimb, now);
    expect(projection).toEqual({
      windowId: 'five_hour',
      status: 'at-risk',
      ratePerHour: expect.closeTo(30, 9) as number,
      projectedFullAt: t('2026-11-21T14:30'),
      lockoutAt: t('2026-11-21T14:30'),
      blockedMs: 90 * MINUTE,
      note: null,
    });
  });

  it('keeps a noisy climb with one outlier within 1 point/h and 3 min of the true pace', () => {
    // ±1 point of jitter on every reading, and one reading of 95% (a bad poll) at 12:50,
    // late in the lookback where it would pull a least-squares line up to 36.4 points/h.
    const jitter = [1, -1, 0.5, -0.5];
    const noisy = steadyClimb.map((sample, i) => ({
      at: sample.at,
      utilization:
        sample.at === t('2026-11-21T12:50') ? 95 : sample.utilization + (jitter[i % 4] ?? 0),
    }));
    // The last reading (13:00) is 55 + 0.5.
    const projection = projectWindow(usageWindow({ utilization: 55.5, resetsAt }), noisy, now);
    const { status, ratePerHour, lockoutAt, blockedMs } = projection;
    expect(status).toBe('at-risk');
    expect(Math.abs((ratePerHour ?? NaN) - 30)).toBeLessThanOrEqual(1);
    expect(Math.abs((lockoutAt ?? NaN) - t('2026-11-21T14:30'))).toBeLessThanOrEqual(3 * MINUTE);
    expect(blockedMs).toBe(resetsAt - (lockoutAt ?? NaN));
  });

  it('calls a climb that fills only after the reset safe, and still says when it would fill', () => {
    const slow = readings(t('2026-11-21T11:30'), now, 5, (h) => 20 + 10 * h); // 35% at 13:00
    expect(projectWindow(usageWindow({ utilization: 35, resetsAt }), slow, now)).toEqual({
      windowId: 'five_hour',
      status: 'safe',
      ratePerHour: expect.closeTo(10, 9) as number,
      projectedFullAt: t('2026-11-21T19:30'),
      lockoutAt: null,
      blockedMs: null,
      note: null,
    });
  });

  it.each([
    ['flat', (_h: number) => 40, 40, 0],
    ['falling', (h: number) => 50 - 4 * h, 44, -4],
  ])('calls a %s window safe with no time to full', (_case, curve, current, rate) => {
    const samples = readings(t('2026-11-21T11:30'), now, 5, curve);
    expect(projectWindow(usageWindow({ utilization: current, resetsAt }), samples, now)).toEqual({
      windowId: 'five_hour',
      status: 'safe',
      ratePerHour: expect.closeTo(rate, 9) as number,
      projectedFullAt: null,
      lockoutAt: null,
      blockedMs: null,
      note: null,
    });
  });

  it.each([
    [
      'two readings',
      usageWindow({ utilization: 30, resetsAt }),
      [
        { at: t('2026-11-21T12:30'), utilization: 20 },
        { at: now, utilization: 30 },
      ],
      'Not enough readings yet to project: 2 in the last 90 min, need 3.',
    ],
    [
      'a third reading older than the lookback',
      usageWindow({ utilization: 30, resetsAt }),
      [
        { at: t('2026-11-21T11:20'), utilization: 5 },
        { at: t('2026-11-21T12:30'), utilization: 20 },
        { at: now, utilization: 30 },
      ],
      'Not enough readings yet to project: 2 in the last 90 min, need 3.',
    ],
    [
      'no readings at all (the window value alone)',
      usageWindow({ utilization: 30, resetsAt }),
      [],
      'Not enough readings yet to project: 1 in the last 90 min, need 3.',
    ],
    [
      'readings spanning only 5 minutes',
      usageWindow({ utilization: 30, resetsAt }),
      [
        { at: t('2026-11-21T12:55'), utilization: 28 },
        { at: t('2026-11-21T12:58'), utilization: 29 },
        { at: now, utilization: 30 },
      ],
      'Not enough history yet to project: readings in the last 90 min span 5 m, need 10 m.',
    ],
    [
      'a week with two readings',
      weekWindow({ utilization: 30, resetsAt: t('2026-11-24T09:00') }),
      [
        { at: t('2026-11-20T13:00'), utilization: 25 },
        { at: now, utilization: 30 },
      ],
      'Not enough readings yet to project: 2 in the last 48 h, need 3.',
    ],
    [
      'a week whose readings span one hour',
      weekWindow({ utilization: 30, resetsAt: t('2026-11-24T09:00') }),
      readings(t('2026-11-21T12:00'), now, 5, (h) => 29 + h),
      'Not enough history yet to project: readings in the last 48 h span 1 h, need 2 h.',
    ],
  ])('does not project from %s, and says why', (_case, window, samples, note) => {
    expect(projectWindow(window, samples, now)).toEqual({
      windowId: window.id,
      status: 'insufficient-data',
      ratePerHour: null,
      projectedFullAt: null,
      lockoutAt: null,
      blockedMs: null,
      note,
    });
  });

  it('follows overridden options, and names them in its note', () => {
    const projection = projectWindow(usageWindow({ utilization: 55, resetsAt }), steadyClimb, now, {
      lookbackMs: 25 * MINUTE,
      minSpanMs: 30 * MINUTE,
    });
    expect(projection.note).toBe(
      'Not enough history yet to project: readings in the last 25 min span 25 m, need 30 m.',
    );
  });

  it('is locked from the first reading at 100% and blocked until the reset', () => {
    const climb = readings(t('2026-11-21T12:00'), now, 10, (h) => Math.min(100, 70 + 45 * h)); // 100 at 12:40
    expect(projectWindow(usageWindow({ utilization: 100, resetsAt }), climb, now)).toEqual({
      windowId: 'five_hour',
      status: 'locked',
      // Median pairwise slope: 6 points per 10 min (the climb is 45/h, the plateau 0).
      ratePerHour: expect.closeTo(36, 9) as number,
      projectedFullAt: t('2026-11-21T12:40'),
      lockoutAt: t('2026-11-21T12:40'),
      blockedMs: 3 * HOUR + 20 * MINUTE,
      note: null,
    });
  });

  it.each([
    ['no readings at 100%', resetsAt, 3 * HOUR],
    ['no reset time', null, null],
  ])('is locked as of now with %s', (_case, reset, blockedMs) => {
    const projection = projectWindow(usageWindow({ utilization: 100.4, resetsAt: reset }), [], now);
    expect(projection).toMatchObject({
      status: 'locked',
      lockoutAt: now,
      blockedMs,
      ratePerHour: null,
    });
  });

  it('adds the window value at now when the readings lag behind it', () => {
    const lagging = readings(t('2026-11-21T12:00'), t('2026-11-21T12:50'), 5, (h) => 25 + 30 * h); // 50 at 12:50
    const projection = projectWindow(usageWindow({ utilization: 55, resetsAt }), lagging, now);
    expect(projection).toMatchObject({ status: 'at-risk', lockoutAt: t('2026-11-21T14:30') });
  });

  it('does not repeat an unchanged reading at now (that would invent a flat stretch)', () => {
    const lagging = readings(t('2026-11-21T12:00'), t('2026-11-21T12:50'), 5, (h) => 25 + 30 * h);
    const projection = projectWindow(usageWindow({ utilization: 50, resetsAt }), lagging, now);
    expect(projection).toMatchObject({ status: 'at-risk', lockoutAt: t('2026-11-21T14:30') });
    expect(projection.ratePerHour).toBeCloseTo(30, 9);
  });

  it('ignores readings from the previous period and from after now', () => {
    const stray = [
      { at: t('2026-11-21T10:55'), utilization: 95 },
      ...steadyClimb,
      { at: t('2026-11-21T13:30'), utilization: 5 },
    ];
    const projection = projectWindow(usageWindow({ utilization: 55, resetsAt }), stray, now);
    expect(projection).toMatchObject({ status: 'at-risk', lockoutAt: t('2026-11-21T14:30') });
  });

  it('is not at risk without a reset time, but says when it would fill', () => {
    const projection = projectWindow(
      usageWindow({ utilization: 55, resetsAt: null }),
      steadyClimb,
      now,
    );
    expect(projection).toMatchObject({
      status: 'safe',
      projectedFullAt: t('2026-11-21T14:30'),
      lockoutAt: null,
    });
  });

  it('projects a week from 48 h of hourly readings', () => {
    const week = weekWindow({ utilization: 60, resetsAt: t('2026-11-24T09:00') });
    const hourly = readings(now - 48 * HOUR, now, 60, (h) => 12 + h); // 1 point an hour, 60 at 13:00
    expect(projectWindow(week, hourly, now)).toMatchObject({
      status: 'at-risk',
      projectedFullAt: t('2026-11-23T05:00'),
      blockedMs: 28 * HOUR,
    });
  });

  it('fits thousands of readings quickly and exactly (thinned before the fit)', () => {
    const week = weekWindow({ utilization: 60, resetsAt: t('2026-11-24T09:00') });
    const dense = readings(now - 48 * HOUR, now, 1, (h) => 12 + h); // 2881 readings
    const started = performance.now();
    const projection = projectWindow(week, dense, now);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(projection.projectedFullAt).toBe(t('2026-11-23T05:00'));
  });
});

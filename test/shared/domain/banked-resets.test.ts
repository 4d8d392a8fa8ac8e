import { describe, expect, it } from 'vitest';
import {
  bankedResetAdvice,
  bankedResetLines,
  expiringUnused,
} from '../../../shared/domain/banked-resets';
import type { BankedReset, UsageWindow } from '../../../shared/domain/snapshot';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

const grant = (overrides: Partial<BankedReset> = {}): BankedReset => ({
  id: 'grant_1',
  label: 'Launch reset',
  left: 1,
  total: 2,
  startsAt: NOW - 24 * HOUR,
  endsAt: NOW + 10 * 24 * HOUR,
  clears: ['five_hour', 'seven_day'],
  usableNow: true,
  paused: false,
  ...overrides,
});
const week = (utilization: number, resetsInMs: number): UsageWindow => ({
  id: 'seven_day',
  label: 'Week',
  utilization,
  resetsAt: NOW + resetsInMs,
});

describe('banked reset advice', () => {
  it('says a reset would clear a locked week, and for how long the lock lasts otherwise', () => {
    expect(bankedResetAdvice([grant()], [week(100, 52 * HOUR)], NOW)).toBe(
      'A reset would clear your week now; you are locked for 2 d 4 h otherwise. Run /limit-reset in Claude Code to use one.',
    );
  });

  it.each([
    ['the week is not at its limit', [grant()], [week(99, 52 * HOUR)]],
    ['the grant is paused', [grant({ paused: true })], [week(100, 52 * HOUR)]],
    ['the grant is not usable now', [grant({ usableNow: false })], [week(100, 52 * HOUR)]],
    ['the grant is used up', [grant({ left: 0 })], [week(100, 52 * HOUR)]],
    ['the grant has expired', [grant({ endsAt: NOW - 1 })], [week(100, 52 * HOUR)]],
    ['the grant does not clear the week', [grant({ clears: ['five_hour'] })], [week(100, HOUR)]],
  ])('gives no advice when %s', (_name, resets, windows) => {
    expect(bankedResetAdvice(resets, windows, NOW)).toBeNull();
  });

  it('lists live grants soonest expiry first, with what they clear and their state', () => {
    const resets = [
      grant({ id: 'b', label: 'Later', endsAt: NOW + 9 * 24 * HOUR, total: null }),
      grant({ id: 'a', label: 'Sooner', endsAt: NOW + 3 * HOUR, paused: true }),
      grant({ id: 'c', left: 0 }),
    ];
    expect(bankedResetLines(resets, NOW)).toEqual([
      expect.stringMatching(
        /^Sooner: 1 of 2 left · clears session and week · expires \d\d:00 · paused$/,
      ),
      expect.stringMatching(
        /^Later: 1 left · clears session and week · expires \w{3} \d+ \d\d:00$/,
      ),
    ]);
  });

  it('picks the grants that expire unused within a day', () => {
    const soon = grant({ id: 'soon', endsAt: NOW + 23 * HOUR });
    const later = grant({ id: 'later', endsAt: NOW + 25 * HOUR });
    const spent = grant({ id: 'spent', endsAt: NOW + HOUR, left: 0 });
    expect(expiringUnused([later, soon, spent], NOW).map((reset) => reset.id)).toEqual(['soon']);
  });
});

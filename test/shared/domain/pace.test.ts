import { describe, expect, it } from 'vitest';
import { windowPace } from '../../../shared/domain/pace';
import { HOUR, t, usageWindow, weekWindow } from './factories';

describe('windowPace', () => {
  const weekReset = t('2026-11-24T09:00'); // the week began Tue 17 Nov 09:00
  it.each([
    // 4 d 12 h of 7 d gone: 64.2857…% elapsed
    [
      'ahead',
      weekWindow({ utilization: 76.5, resetsAt: weekReset }),
      t('2026-11-21T21:00'),
      76.5,
      900 / 14,
      '12 points ahead of an even pace',
    ],
    [
      'just inside the even band',
      weekWindow({ utilization: 66, resetsAt: weekReset }),
      t('2026-11-21T21:00'),
      66,
      900 / 14,
      'on an even pace',
    ],
    [
      'under',
      weekWindow({ utilization: 56, resetsAt: weekReset }),
      t('2026-11-21T21:00'),
      56,
      900 / 14,
      '8 points under an even pace',
    ],
    // session: 2 of 5 hours gone
    [
      'a session ahead',
      usageWindow({ utilization: 55, resetsAt: t('2026-11-21T16:00') }),
      t('2026-11-21T13:00'),
      55,
      40,
      '15 points ahead of an even pace',
    ],
    [
      'exactly 2 points under',
      usageWindow({ utilization: 38, resetsAt: t('2026-11-21T16:00') }),
      t('2026-11-21T13:00'),
      38,
      40,
      '2 points under an even pace',
    ],
    [
      'past the reset (elapsed caps at 100)',
      usageWindow({ utilization: 90, resetsAt: t('2026-11-21T16:00') }),
      t('2026-11-21T16:30'),
      90,
      100,
      '10 points under an even pace',
    ],
    [
      'before the period (elapsed floors at 0)',
      usageWindow({ utilization: 0, resetsAt: t('2026-11-21T16:00') }),
      t('2026-11-21T10:00'),
      0,
      0,
      'on an even pace',
    ],
  ])('%s', (_case, window, now, usedPct, elapsedPct, sentence) => {
    const pace = windowPace(window, now);
    expect(pace).toEqual({
      usedPct,
      elapsedPct: expect.closeTo(elapsedPct, 9) as number,
      deltaPct: expect.closeTo(usedPct - elapsedPct, 9) as number,
      sentence,
    });
  });

  it('has no pace without a reset time', () => {
    expect(
      windowPace(usageWindow({ utilization: 40, resetsAt: null }), t('2026-11-21T13:00')),
    ).toBeNull();
  });

  it('reads a week from its 7-day duration, not the session length', () => {
    const pace = windowPace(
      weekWindow({ utilization: 50, resetsAt: t('2026-11-21T13:00') + 84 * HOUR }),
      t('2026-11-21T13:00'),
    );
    expect(pace?.elapsedPct).toBe(50);
    expect(pace?.sentence).toBe('on an even pace');
  });
});

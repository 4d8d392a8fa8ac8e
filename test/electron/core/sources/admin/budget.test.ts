import { describe, expect, it } from 'vitest';
import {
  budgetWindow,
  monthBounds,
  summarizeSpend,
} from '../../../../../electron/core/sources/admin/spend';
import { alertNotification, budgetOutlook } from '../../../../../shared/domain/alert-text';
import type { Alert } from '../../../../../shared/domain/alert';
import { projectWindow } from '../../../../../shared/domain/projection';

const NOW = Date.UTC(2026, 10, 12, 12);
const NEXT_MONTH = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;

const spend = (amount: number) =>
  summarizeSpend(
    [{ cents: amount * 100, currency: 'USD', model: 'm', costType: 'tokens' }],
    [],
    Date.UTC(2026, 10, 1),
  );

describe('the monthly budget window', () => {
  it('is spend over budget, resetting at the start of next month (UTC)', () => {
    expect(monthBounds(NOW)).toEqual({
      start: Date.UTC(2026, 10, 1),
      nextMonth: NEXT_MONTH,
      nextDay: Date.UTC(2026, 10, 13),
    });
    expect(budgetWindow(spend(80), 200, NEXT_MONTH)).toEqual({
      id: 'monthly_budget',
      label: 'Month · $200 budget',
      utilization: 40,
      resetsAt: NEXT_MONTH,
      money: { used: 80, limit: 200, currency: 'USD' },
    });
  });

  it('projects like any window: "at this pace you will pass your $200 budget on the 21st"', () => {
    // 5 points ($10) a day: 55% on the 12th at noon, 100% nine days later.
    const samples = [0, 1, 2, 3].map((d) => ({ at: NOW - (3 - d) * DAY, utilization: 40 + d * 5 }));
    const window = budgetWindow(spend(110), 200, NEXT_MONTH);
    const projection = projectWindow(window, samples, NOW);
    expect(projection.status).toBe('at-risk');
    expect(budgetOutlook(window, projection, NOW)).toBe(
      'at this pace you will pass your $200 budget on the 21st',
    );
    const over = budgetWindow(spend(210), 200, NEXT_MONTH);
    const passed = projectWindow(over, [{ at: NOW - 2 * DAY, utilization: 101 }], NOW);
    expect(budgetOutlook(over, passed, NOW)).toBe('you passed your $200 budget on the 10th');
    const slow = projectWindow(
      window,
      samples.map((s) => ({ ...s, utilization: 55 })),
      NOW,
    );
    expect(budgetOutlook(window, slow, NOW)).toBeNull();
  });

  it('words its alerts in money, naming the budget', () => {
    const base = {
      source: 'admin' as const,
      windowId: 'monthly_budget',
      label: 'Month · $200 budget',
      at: NOW,
    };
    const threshold: Alert = {
      kind: 'threshold',
      ...base,
      threshold: 75,
      utilization: 76.5,
      resetsAt: NEXT_MONTH,
    };
    expect(alertNotification(threshold, NOW)).toEqual({
      title: 'Claude budget at 75%',
      message: '76.5% of your $200 budget used · resets Dec 1 00:00 (in 18 d 12 h)',
    });
    const lockout: Alert = {
      kind: 'lockout',
      ...base,
      lockoutAt: NOW + 3 * DAY,
      resetsAt: NEXT_MONTH,
      blockedMs: NEXT_MONTH - NOW - 3 * DAY,
    };
    expect(alertNotification(lockout, NOW)).toEqual({
      title: 'On course to pass your $200 budget',
      message: 'At this pace you will pass your $200 budget on the 15th.',
    });
    expect(alertNotification({ ...lockout, lockoutAt: NOW + 3_600_000 }, NOW).message).toBe(
      'At this pace you will pass your $200 budget today at 13:00.',
    );
    expect(alertNotification({ ...lockout, label: 'Month · budget' }, NOW).title).toBe(
      'On course to pass your monthly budget',
    );
  });
});

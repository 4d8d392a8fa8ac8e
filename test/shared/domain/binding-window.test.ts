import { describe, expect, it } from 'vitest';
import type { ProjectionStatus, WindowProjection } from '../../../shared/domain/projection';
import type { UsageWindow } from '../../../shared/domain/snapshot';
import { bindingWindow } from '../../../shared/domain/verdict';
import { t, usageWindow, weekWindow } from './factories';

// The binding table that held for projection.ts's bindingWindowId, kept for the rule that
// replaced it (shared/domain/verdict.ts `bindingWindow`): every case still picks the same window.

const resetsAt = t('2026-11-21T16:00');
const now = t('2026-11-21T13:00');

/** The windows and projections as the verdict weighs them. */
function bindingWindowId(
  windows: readonly UsageWindow[],
  projections: readonly WindowProjection[],
): string | null {
  return bindingWindow(
    windows.map((window) => {
      const projection = projections.find((p) => p.windowId === window.id);
      const lockoutAt =
        projection?.status === 'at-risk' || projection?.status === 'locked'
          ? projection.lockoutAt
          : null;
      return {
        id: window.id,
        utilization: window.utilization,
        resetsAt: window.resetsAt,
        resetAt: null,
        money: window.money !== undefined,
        lockoutAt,
        projectedFullAt: projection?.projectedFullAt ?? null,
      };
    }),
  );
}

function projection(
  windowId: string,
  status: ProjectionStatus,
  lockoutAt: number | null = null,
): WindowProjection {
  return {
    windowId,
    status,
    ratePerHour: null,
    projectedFullAt: lockoutAt,
    lockoutAt,
    blockedMs: null,
    note: null,
  };
}

const session = (utilization: number, reset: number | null = resetsAt) =>
  usageWindow({ utilization, resetsAt: reset });
const week = (utilization: number, reset: number | null = t('2026-11-24T09:00')) =>
  weekWindow({ utilization, resetsAt: reset });
const opus = (utilization: number) =>
  weekWindow({
    id: 'seven_day_opus',
    label: 'Week · Opus',
    utilization,
    resetsAt: t('2026-11-25T09:00'),
  });
const budget = (utilization: number) =>
  usageWindow({
    id: 'monthly_budget',
    label: 'Month · budget',
    utilization,
    resetsAt: t('2026-12-01T00:00'),
    money: { used: utilization, limit: 100, currency: 'USD' },
  });

describe('bindingWindowId', () => {
  it.each<[string, UsageWindow[], WindowProjection[], string | null]>([
    ['no windows', [], [], null],
    ['only a budget', [budget(100)], [projection('monthly_budget', 'locked', now)], null],
    [
      'the fullest when all are safe',
      [session(40), week(61), opus(55)],
      [
        projection('five_hour', 'safe'),
        projection('seven_day', 'safe'),
        projection('seven_day_opus', 'safe'),
      ],
      'seven_day',
    ],
    [
      'the earlier reset on equal utilization',
      [week(50), session(50)],
      [projection('seven_day', 'safe'), projection('five_hour', 'safe')],
      'five_hour',
    ],
    [
      'a known reset before an unknown one on equal utilization',
      [session(50, null), week(50)],
      [projection('five_hour', 'safe'), projection('seven_day', 'safe')],
      'seven_day',
    ],
    [
      'an at-risk window over a fuller safe one',
      [session(40), week(80)],
      [projection('five_hour', 'at-risk', t('2026-11-21T15:00')), projection('seven_day', 'safe')],
      'five_hour',
    ],
    [
      'the at-risk window that locks first',
      [session(40), week(80)],
      [
        projection('five_hour', 'at-risk', t('2026-11-21T15:00')),
        projection('seven_day', 'at-risk', t('2026-11-21T14:00')),
      ],
      'seven_day',
    ],
    [
      'a locked window over an at-risk one',
      [session(100), week(80)],
      [
        projection('five_hour', 'locked', now),
        projection('seven_day', 'at-risk', t('2026-11-21T14:00')),
      ],
      'five_hour',
    ],
    [
      'the locked window that resets last',
      [session(100), week(100), opus(100)],
      [
        projection('five_hour', 'locked', now),
        projection('seven_day', 'locked', now),
        projection('seven_day_opus', 'locked', now),
      ],
      'seven_day_opus',
    ],
    [
      'the fullest real window, not a spent budget',
      [budget(100), session(20), week(30)],
      [
        projection('monthly_budget', 'locked', now),
        projection('five_hour', 'safe'),
        projection('seven_day', 'safe'),
      ],
      'seven_day',
    ],
    [
      'a window at 100% even without its projection',
      [session(100), week(90)],
      [projection('seven_day', 'at-risk', t('2026-11-21T14:00'))],
      'five_hour',
    ],
  ])('picks %s', (_case, windows, projections, expected) => {
    expect(bindingWindowId(windows, projections)).toBe(expected);
  });
});

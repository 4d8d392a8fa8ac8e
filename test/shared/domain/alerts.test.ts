import { describe, expect, it } from 'vitest';
import {
  alertLedgerSchema,
  emptyLedger,
  type AlertLedger,
} from '../../../shared/domain/alert-ledger';
import type { Alert } from '../../../shared/domain/alert';
import {
  DEFAULT_ALERT_SETTINGS,
  decideAlerts,
  type AlertSettings,
} from '../../../shared/domain/alerts';
import { periodKey } from '../../../shared/domain/period';
import type { WindowProjection } from '../../../shared/domain/projection';
import type { SourceId, UsageWindow } from '../../../shared/domain/snapshot';
import { MINUTE, snapshot, t, usageWindow, weekWindow } from './factories';

const reset = t('2026-11-21T16:00');
const session = (utilization: number, resetsAt: number | null = reset) =>
  usageWindow({ utilization, resetsAt });
/** The admin source's budget window for November: `used` of `limit` US dollars. */
const budgetWindow = (used: number, limit: number) =>
  usageWindow({
    id: 'monthly_budget',
    label: 'Month · budget',
    utilization: (used / limit) * 100,
    resetsAt: t('2026-12-01T00:00'),
    money: { used, limit, currency: 'USD' },
  });

/** The ledger as a restarted process reads it back from disk. */
function restart(ledger: AlertLedger): AlertLedger {
  return alertLedgerSchema.parse(JSON.parse(JSON.stringify(ledger)));
}

interface Step {
  readonly windows: readonly UsageWindow[];
  readonly now: number;
  readonly projections?: readonly WindowProjection[];
  readonly settings?: Partial<AlertSettings>;
  readonly source?: SourceId;
}

/** Runs readings one after another, through a restart between each; returns every step's alerts. */
function run(
  steps: readonly Step[],
  start: AlertLedger = emptyLedger(),
): { ledger: AlertLedger; alerts: Alert[][] } {
  let ledger = start;
  const alerts: Alert[][] = [];
  for (const step of steps) {
    const decided = decideAlerts(
      restart(ledger),
      snapshot(step.now, step.windows, step.source),
      step.projections ?? [],
      { ...DEFAULT_ALERT_SETTINGS, ...step.settings },
      step.now,
    );
    ledger = decided.ledger;
    alerts.push(decided.alerts);
  }
  return { ledger, alerts };
}

/** Each step's alerts, as short words: "threshold 75", "reset", "lockout". */
function summary(alerts: Alert[][]): string[][] {
  return alerts.map((step) =>
    step.map((alert) => (alert.kind === 'threshold' ? `threshold ${alert.threshold}` : alert.kind)),
  );
}

const at = (hhmm: string) => t(`2026-11-21T${hhmm}`);

describe('periodKey', () => {
  it.each([
    [null, null],
    [t('2026-11-21T16:00:00.282'), '2026-11-21T16:00:00.000Z'],
    [t('2026-11-21T15:59:59.995'), '2026-11-21T16:00:00.000Z'],
    [t('2026-11-21T16:00:29.999'), '2026-11-21T16:00:00.000Z'],
    [t('2026-11-21T16:00:30'), '2026-11-21T16:01:00.000Z'],
  ])('%s is the period %s', (resetsAt, key) => {
    expect(periodKey(resetsAt)).toBe(key);
  });
});

describe('decideAlerts', () => {
  it('fires 75% once per window period, even across restarts', () => {
    const { alerts, ledger } = run([
      { windows: [session(60)], now: at('12:00') },
      { windows: [session(76)], now: at('12:05') },
      { windows: [session(78)], now: at('12:10') },
      { windows: [session(74.5)], now: at('12:15') },
      { windows: [session(76)], now: at('12:20') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 50'], ['threshold 75'], [], [], []]);
    expect(alerts[1]).toEqual([
      {
        kind: 'threshold',
        source: 'oauth',
        windowId: 'five_hour',
        label: 'Session',
        threshold: 75,
        utilization: 76,
        resetsAt: reset,
        at: at('12:05'),
      },
    ]);
    expect(ledger.windows['five_hour']).toEqual({
      period: '2026-11-21T16:00:00.000Z',
      resetsAt: reset,
      fired: [50, 75],
      lockoutWarned: false,
      peak: 78,
    });
  });

  it.each([
    ['first sight at 95%', [95], [['threshold 90']], [50, 75, 90]],
    ['a jump from 40% to 80%', [40, 80], [[], ['threshold 75']], [50, 75]],
    // 100 % is the limit itself: it fires as "limit reached", never as "at 90%".
    [
      'a jump from 55% to 100%',
      [55, 100],
      [['threshold 50'], ['threshold 100']],
      [50, 75, 90, 100],
    ],
    ['first sight at 100%', [100], [['threshold 100']], [50, 75, 90, 100]],
    ['90% then 100%', [91, 100], [['threshold 90'], ['threshold 100']], [50, 75, 90, 100]],
    ['exactly on a threshold', [50], [['threshold 50']], [50]],
    ['below every threshold', [49.9], [[]], []],
  ])('fires only the highest threshold crossed at once: %s', (_case, readings, expected, fired) => {
    const { alerts, ledger } = run(
      readings.map((u, i) => ({ windows: [session(u)], now: at('12:00') + i * 5 * MINUTE })),
    );
    expect(summary(alerts)).toEqual(expected);
    expect(ledger.windows['five_hour']?.fired).toEqual(fired);
  });

  it('does not re-arm on microsecond jitter of the reset time', () => {
    const { alerts, ledger } = run([
      { windows: [session(76, t('2026-11-21T16:00:00.282'))], now: at('12:00') },
      { windows: [session(77, t('2026-11-21T15:59:59.995'))], now: at('12:05') },
      { windows: [session(78, t('2026-11-21T16:00:00.283'))], now: at('12:10') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 75'], [], []]);
    expect(ledger.windows['five_hour']?.period).toBe('2026-11-21T16:00:00.000Z');
  });

  it('says the limit is reached at 100 %, and that it reset when it returns', () => {
    const { alerts } = run([
      { windows: [session(100)], now: at('12:00') },
      { windows: [session(100)], now: at('12:05') },
      { windows: [session(3, at('21:00'))], now: at('16:05') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 100'], [], ['reset']]);
    expect(alerts[0]?.[0]).toMatchObject({ threshold: 100, utilization: 100, resetsAt: reset });
  });

  it('gives a budget no limit step: 100 % of a budget is its highest threshold', () => {
    const { alerts } = run([
      { windows: [budgetWindow(100, 100)], now: at('12:00'), source: 'admin' },
    ]);
    expect(summary(alerts)).toEqual([['threshold 90']]);
  });

  it('re-arms when the window resets, and says it reset', () => {
    const { alerts, ledger } = run([
      { windows: [session(80)], now: at('15:00') },
      { windows: [session(2, at('21:00'))], now: at('16:02') },
      { windows: [session(52, at('21:00'))], now: at('18:00') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 75'], ['reset'], ['threshold 50']]);
    expect(alerts[1]).toEqual([
      {
        kind: 'reset',
        source: 'oauth',
        windowId: 'five_hour',
        label: 'Session',
        nextResetAt: at('21:00'),
        utilization: 2,
        at: at('16:02'),
      },
    ]);
    expect(ledger.windows['five_hour']).toEqual({
      period: '2026-11-21T21:00:00.000Z',
      resetsAt: at('21:00'),
      fired: [50],
      lockoutWarned: false,
      peak: 52,
    });
  });

  it.each([
    [
      'notifyOnReset is off',
      [70],
      { notifyOnReset: false },
      [['threshold 50'], [], ['threshold 50']],
    ],
    ['nothing fired in the old period', [30], {}, [[], [], ['threshold 50']]],
  ])(
    're-arms at the reset without a reset alert when %s',
    (_case, [before], settings, expected) => {
      const { alerts } = run([
        { windows: [session(before ?? 0)], now: at('15:00'), settings },
        { windows: [session(0, at('21:00'))], now: at('16:02'), settings },
        { windows: [session(60, at('21:00'))], now: at('17:00'), settings },
      ]);
      expect(summary(alerts)).toEqual(expected);
    },
  );

  it.each([
    // The server moved the reset from 16:00 to 16:30 at 13:00: the period goes on.
    ['a wobble stays armed-off (hysteresis)', 72, 76, [['threshold 75'], [], []], [50, 75]],
    ['a real drop below 70 re-arms 75', 68, 76, [['threshold 75'], [], ['threshold 75']], [50, 75]],
    ['a drop below 45 re-arms 50 and 75', 40, 60, [['threshold 75'], [], ['threshold 50']], [50]],
  ])(
    'a moved reset time re-arms only by hysteresis: %s',
    (_case, after, later, expected, fired) => {
      const moved = at('16:30');
      const { alerts, ledger } = run([
        { windows: [session(78)], now: at('12:55') },
        { windows: [session(after, moved)], now: at('13:00') },
        { windows: [session(later, moved)], now: at('13:05') },
      ]);
      expect(summary(alerts)).toEqual(expected);
      expect(ledger.windows['five_hour']).toMatchObject({
        period: '2026-11-21T16:30:00.000Z',
        resetsAt: moved,
        fired,
      });
    },
  );

  it('treats a missing reset time after the old one passed as a reset (the session ended)', () => {
    const { alerts, ledger } = run([
      { windows: [session(92)], now: at('15:50') },
      { windows: [session(0, null)], now: at('16:05') },
      { windows: [session(0, null)], now: at('17:00') },
      { windows: [session(55, at('23:00'))], now: at('18:30') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 90'], ['reset'], [], ['threshold 50']]);
    expect(alerts[1]?.[0]).toMatchObject({ kind: 'reset', nextResetAt: null });
    expect(ledger.windows['five_hour']).toMatchObject({
      period: '2026-11-21T23:00:00.000Z',
      fired: [50],
    });
  });

  it('keeps the period through a missing reset time before it is due, re-arming only by hysteresis', () => {
    const { alerts, ledger } = run([
      { windows: [session(78)], now: at('13:00') },
      { windows: [session(77, null)], now: at('13:05') },
      { windows: [session(79)], now: at('13:10') },
      { windows: [session(60, null)], now: at('13:15') },
      { windows: [session(76)], now: at('13:20') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 75'], [], [], [], ['threshold 75']]);
    expect(ledger.windows['five_hour']).toMatchObject({
      period: '2026-11-21T16:00:00.000Z',
      resetsAt: reset,
    });
  });

  it('re-arms a window that never has a reset time only by hysteresis', () => {
    const { alerts } = run([
      { windows: [session(76, null)], now: at('13:00') },
      { windows: [session(73, null)], now: at('13:05') },
      { windows: [session(76, null)], now: at('13:10') },
      { windows: [session(69, null)], now: at('13:15') },
      { windows: [session(76, null)], now: at('13:20') },
    ]);
    expect(summary(alerts)).toEqual([['threshold 75'], [], [], [], ['threshold 75']]);
  });

  const atRisk = (lockoutAt: number): WindowProjection => ({
    windowId: 'five_hour',
    status: 'at-risk',
    ratePerHour: 30,
    projectedFullAt: lockoutAt,
    lockoutAt,
    blockedMs: reset - lockoutAt,
    note: null,
  });

  it('warns of a projected lockout once per period, within the lead time', () => {
    const { alerts } = run([
      { windows: [session(40)], now: at('14:00'), projections: [atRisk(at('14:40'))] },
      { windows: [session(45)], now: at('14:10'), projections: [atRisk(at('14:39'))] },
      { windows: [session(48)], now: at('14:20'), projections: [atRisk(at('14:45'))] },
      { windows: [session(49)], now: at('14:30'), projections: [atRisk(at('14:50'))] },
      { windows: [session(10, at('21:00'))], now: at('16:30'), projections: [atRisk(at('16:50'))] },
    ]);
    expect(summary(alerts)).toEqual([[], ['lockout'], [], [], ['lockout']]);
    expect(alerts[1]).toEqual([
      {
        kind: 'lockout',
        source: 'oauth',
        windowId: 'five_hour',
        label: 'Session',
        lockoutAt: at('14:39'),
        resetsAt: reset,
        blockedMs: 81 * MINUTE,
        at: at('14:10'),
      },
    ]);
  });

  it.each([
    ['the lead time is 0', { lockoutLeadMinutes: 0 }, [atRisk(at('14:05'))]],
    [
      'the projection is safe',
      {},
      [{ ...atRisk(at('14:05')), status: 'safe' as const, lockoutAt: null }],
    ],
    [
      'the projection is for another window',
      {},
      [{ ...atRisk(at('14:05')), windowId: 'seven_day' }],
    ],
  ])('does not warn of a lockout when %s', (_case, settings, projections) => {
    const { alerts } = run([{ windows: [session(40)], now: at('14:00'), projections, settings }]);
    expect(alerts).toEqual([[]]);
  });

  it('keeps the state of windows absent from the snapshot', () => {
    const week = weekWindow({ utilization: 60, resetsAt: t('2026-11-24T09:00') });
    const first = run([{ windows: [session(80), week], now: at('12:00') }]);
    const second = run([{ windows: [week], now: at('12:05') }], first.ledger);
    expect(second.ledger.windows['five_hour']).toEqual(first.ledger.windows['five_hour']);
    const third = run([{ windows: [session(81), week], now: at('12:10') }], second.ledger);
    expect(summary(third.alerts)).toEqual([[]]);
  });

  it('alerts once per window when two sources report the same session', () => {
    const { alerts, ledger } = run([
      { windows: [session(60)], now: at('12:00'), source: 'oauth' },
      { windows: [session(61)], now: at('12:01'), source: 'statusline' },
    ]);
    expect(summary(alerts)).toEqual([['threshold 50'], []]);
    expect(Object.keys(ledger.windows)).toEqual(['five_hour']);
  });

  it('uses per-window thresholds where set, the general ones elsewhere', () => {
    const settings = { windowThresholds: { seven_day: [80] } };
    const week = (u: number) => weekWindow({ utilization: u, resetsAt: t('2026-11-24T09:00') });
    const { alerts } = run([
      { windows: [session(55), week(76)], now: at('12:00'), settings },
      { windows: [session(55), week(81)], now: at('12:05'), settings },
    ]);
    expect(
      alerts.map((step) =>
        step.map((a) => `${a.windowId} ${a.kind === 'threshold' ? a.threshold : ''}`),
      ),
    ).toEqual([['five_hour 50'], ['seven_day 80']]);
  });

  it('gives money windows thresholds like any other', () => {
    const budget = budgetWindow(91, 100);
    const { alerts } = run([{ windows: [budget], now: at('12:00'), source: 'admin' }]);
    expect(alerts[0]).toMatchObject([
      { kind: 'threshold', source: 'admin', windowId: 'monthly_budget', threshold: 90 },
    ]);
  });

  it('warns about a budget as soon as the pace would pass it, days ahead', () => {
    const budget = budgetWindow(80, 200);
    const passesOn24th: WindowProjection = {
      windowId: 'monthly_budget',
      status: 'at-risk',
      ratePerHour: 0.2,
      projectedFullAt: t('2026-11-24T12:00'),
      lockoutAt: t('2026-11-24T12:00'),
      blockedMs: t('2026-12-01T00:00') - t('2026-11-24T12:00'),
      note: null,
    };
    const steps = (settings: Partial<AlertSettings>) =>
      run([
        {
          windows: [budget],
          now: at('12:00'),
          source: 'admin',
          projections: [passesOn24th],
          settings,
        },
      ]);
    expect(steps({}).alerts[0]).toMatchObject([
      { kind: 'lockout', windowId: 'monthly_budget', lockoutAt: t('2026-11-24T12:00') },
    ]);
    expect(steps({ lockoutLeadMinutes: 0 }).alerts[0]).toEqual([]);
  });

  it('does not fire a newly added threshold that utilization already passed, over a higher one that fired', () => {
    const { alerts, ledger } = run([
      { windows: [session(95)], now: at('12:00') },
      { windows: [session(95)], now: at('12:05'), settings: { thresholds: [50, 60, 75, 90] } },
    ]);
    expect(summary(alerts)).toEqual([['threshold 90'], []]);
    expect(ledger.windows['five_hour']?.fired).toEqual([50, 60, 75, 90]);
  });

  it('leaves the ledger it was given untouched', () => {
    const ledger = emptyLedger();
    decideAlerts(
      ledger,
      snapshot(at('12:00'), [session(80)]),
      [],
      DEFAULT_ALERT_SETTINGS,
      at('12:00'),
    );
    expect(ledger).toEqual(emptyLedger());
  });
});

describe('alertLedgerSchema', () => {
  it('round-trips a ledger with held alerts of every kind', () => {
    const ledger: AlertLedger = {
      version: 1,
      windows: {
        five_hour: {
          period: null,
          resetsAt: null,
          fired: [50],
          lockoutWarned: true,
          peak: 51,
        },
      },
      held: [
        {
          kind: 'threshold',
          source: 'oauth',
          windowId: 'five_hour',
          label: 'Session',
          threshold: 50,
          utilization: 51,
          resetsAt: null,
          at: 1,
        },
        {
          kind: 'lockout',
          source: 'web',
          windowId: 'seven_day',
          label: 'Week',
          lockoutAt: 5,
          resetsAt: 9,
          blockedMs: 4,
          at: 2,
        },
        {
          kind: 'reset',
          source: 'statusline',
          windowId: 'five_hour',
          label: 'Session',
          nextResetAt: null,
          utilization: 0,
          at: 3,
        },
      ],
    };
    expect(restart(ledger)).toEqual(ledger);
  });

  it.each([
    ['a wrong version', { version: 2, windows: {}, held: [] }],
    [
      'an unknown alert kind',
      {
        version: 1,
        windows: {},
        held: [{ kind: 'party', source: 'oauth', windowId: 'x', label: 'x', at: 1 }],
      },
    ],
    [
      'an unknown source',
      {
        version: 1,
        windows: {},
        held: [
          {
            kind: 'reset',
            source: 'fax',
            windowId: 'x',
            label: 'x',
            nextResetAt: null,
            utilization: 0,
            at: 1,
          },
        ],
      },
    ],
    [
      'fired as text',
      {
        version: 1,
        windows: {
          k: { period: null, resetsAt: null, fired: '50', lockoutWarned: false, peak: 0 },
        },
        held: [],
      },
    ],
  ])('rejects %s', (_case, value) => {
    expect(alertLedgerSchema.safeParse(value).success).toBe(false);
  });
});

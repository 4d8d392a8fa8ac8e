import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/domain/alert';
import {
  alertLedgerSchema,
  emptyLedger,
  type AlertLedger,
} from '../../../shared/domain/alert-ledger';
import { alertNotification, heldSummary } from '../../../shared/domain/alert-text';
import { DEFAULT_ALERT_SETTINGS, decideAlerts } from '../../../shared/domain/alerts';
import type { BankedReset } from '../../../shared/domain/snapshot';
import { HOUR, snapshot, t, usageWindow } from './factories';

const ENDS = t('2026-12-10T18:00');

const grant = (overrides: Partial<BankedReset> = {}): BankedReset => ({
  id: 'grant_1',
  label: 'Launch reset',
  left: 2,
  total: 2,
  startsAt: t('2026-12-01T00:00'),
  endsAt: ENDS,
  clears: ['five_hour', 'seven_day'],
  usableNow: true,
  paused: false,
  ...overrides,
});

/** The ledger as a restarted app or `watch` reads it back from alerts.json. */
function restart(ledger: AlertLedger): AlertLedger {
  return alertLedgerSchema.parse(JSON.parse(JSON.stringify(ledger)));
}

/** Polls at each fake-clock time with these grants, through a restart each time; the alerts per poll. */
function polls(
  steps: readonly { now: number; grants: readonly BankedReset[] }[],
  start: AlertLedger = emptyLedger(),
): { ledger: AlertLedger; alerts: Alert[][] } {
  let ledger = start;
  const alerts: Alert[][] = [];
  for (const { now, grants } of steps) {
    const decided = decideAlerts(
      restart(ledger),
      { ...snapshot(now, [usageWindow({ utilization: 10 })]), bankedResets: grants },
      [],
      DEFAULT_ALERT_SETTINGS,
      now,
    );
    ledger = decided.ledger;
    alerts.push(decided.alerts);
  }
  return { ledger, alerts };
}

describe('banked reset expiry reminder', () => {
  it('reminds once, a day before an unused grant expires, and never again after restarts', () => {
    const { alerts } = polls([
      { now: ENDS - 25 * HOUR, grants: [grant()] },
      { now: ENDS - 24 * HOUR, grants: [grant()] },
      { now: ENDS - 20 * HOUR, grants: [grant()] },
      { now: ENDS - 1 * HOUR, grants: [grant()] },
    ]);
    expect(alerts).toEqual([
      [],
      [
        {
          kind: 'banked-expiry',
          source: 'oauth',
          windowId: 'banked:grant_1',
          label: 'Launch reset',
          grantId: 'grant_1',
          left: 2,
          endsAt: ENDS,
          clears: ['five_hour', 'seven_day'],
          at: ENDS - 24 * HOUR,
        },
      ],
      [],
      [],
    ]);
  });

  it('says nothing for a grant with no resets left, already expired, or without an end', () => {
    const { alerts } = polls([
      {
        now: ENDS - 2 * HOUR,
        grants: [
          grant({ id: 'spent', left: 0 }),
          grant({ id: 'gone', endsAt: ENDS - 3 * HOUR }),
          grant({ id: 'open', endsAt: null }),
        ],
      },
    ]);
    expect(alerts).toEqual([[]]);
  });

  it('reminds again when the server moves the expiry, and forgets grants once they expired', () => {
    const later = ENDS + 3 * 24 * HOUR;
    const { ledger, alerts } = polls([
      { now: ENDS - 10 * HOUR, grants: [grant()] },
      { now: ENDS - 9 * HOUR, grants: [grant({ endsAt: later })] },
      { now: later - 5 * HOUR, grants: [grant({ endsAt: later })] },
      { now: later + HOUR, grants: [] },
    ]);
    expect(alerts.map((step) => step.map((alert) => alert.at))).toEqual([
      [ENDS - 10 * HOUR],
      [],
      [later - 5 * HOUR],
      [],
    ]);
    expect(ledger.bankedReminded).toEqual({});
  });

  it('reads a ledger written before reminders existed', () => {
    const old = alertLedgerSchema.parse({ version: 1, windows: {}, held: [] });
    const { alerts } = polls([{ now: ENDS - 2 * HOUR, grants: [grant()] }], old);
    expect(alerts[0]?.map((alert) => alert.kind)).toEqual(['banked-expiry']);
  });

  it('words the notification in plain terms, and the held summary too', () => {
    const now = ENDS - 20 * HOUR;
    const [alert] = polls([{ now, grants: [grant()] }]).alerts[0] ?? [];
    if (alert === undefined) throw new Error('no reminder');
    expect(alertNotification(alert, now)).toEqual({
      title: 'Unused limit reset expires in 20 h',
      message:
        'Launch reset: 2 resets left, each clears your session and week. It expires Thu 18:00, used or not; run /limit-reset in Claude Code before then if you need it.',
    });
    expect(heldSummary([alert], now)).toEqual({
      title: 'While notifications were paused',
      message: 'Launch reset (2 resets left) expires Thu 18:00.',
    });
  });
});

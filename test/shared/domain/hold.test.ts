import { describe, expect, it } from 'vitest';
import { emptyLedger, type AlertLedger } from '../../../shared/domain/alert-ledger';
import type { Alert } from '../../../shared/domain/alert';
import {
  isHeld,
  releaseHeld,
  routeAlerts,
  snoozeUntil,
  type HoldSettings,
} from '../../../shared/domain/hold';
import { HOUR, t } from './factories';

const never: HoldSettings = { snoozeUntil: null, quietHours: null };

function alert(threshold: number, at = t('2026-11-21T12:00')): Alert {
  return {
    kind: 'threshold',
    source: 'oauth',
    windowId: 'five_hour',
    label: 'Session',
    threshold,
    utilization: threshold,
    resetsAt: null,
    at,
  };
}

describe('isHeld', () => {
  const overnight = { start: '22:00', end: '07:30' };
  const lunch = { start: '12:00', end: '13:00' };
  it.each<[string, HoldSettings, number, boolean]>([
    ['nothing set', never, t('2026-11-21T23:00'), false],
    [
      'while snoozed',
      { snoozeUntil: t('2026-11-21T13:00'), quietHours: null },
      t('2026-11-21T12:59:59'),
      true,
    ],
    [
      'when the snooze ends',
      { snoozeUntil: t('2026-11-21T13:00'), quietHours: null },
      t('2026-11-21T13:00'),
      false,
    ],
    [
      'quiet hours wrapping midnight, late evening',
      { ...never, quietHours: overnight },
      t('2026-11-21T23:15'),
      true,
    ],
    [
      'quiet hours wrapping midnight, at the start',
      { ...never, quietHours: overnight },
      t('2026-11-21T22:00'),
      true,
    ],
    [
      'quiet hours wrapping midnight, just before',
      { ...never, quietHours: overnight },
      t('2026-11-21T21:59'),
      false,
    ],
    [
      'quiet hours wrapping midnight, after midnight',
      { ...never, quietHours: overnight },
      t('2026-11-22T03:00'),
      true,
    ],
    [
      'quiet hours wrapping midnight, last minute',
      { ...never, quietHours: overnight },
      t('2026-11-22T07:29:59'),
      true,
    ],
    [
      'quiet hours wrapping midnight, at the end',
      { ...never, quietHours: overnight },
      t('2026-11-22T07:30'),
      false,
    ],
    [
      'quiet hours wrapping midnight, midday',
      { ...never, quietHours: overnight },
      t('2026-11-22T12:00'),
      false,
    ],
    ['daytime quiet hours, inside', { ...never, quietHours: lunch }, t('2026-11-21T12:30'), true],
    ['daytime quiet hours, outside', { ...never, quietHours: lunch }, t('2026-11-21T13:00'), false],
    [
      'empty quiet hours (start = end)',
      { ...never, quietHours: { start: '09:00', end: '09:00' } },
      t('2026-11-21T09:00'),
      false,
    ],
    [
      'unreadable quiet hours',
      { ...never, quietHours: { start: '25:00', end: 'soon' } },
      t('2026-11-21T09:00'),
      false,
    ],
    [
      'a past snooze but inside quiet hours',
      { snoozeUntil: t('2026-11-21T20:00'), quietHours: overnight },
      t('2026-11-21T23:00'),
      true,
    ],
  ])('%s → %s', (_case, hold, now, held) => {
    expect(isHeld(hold, now)).toBe(held);
  });
});

describe('routeAlerts and releaseHeld', () => {
  it('delivers at once when not held', () => {
    const ledger = emptyLedger();
    expect(routeAlerts(ledger, [alert(50)], false)).toEqual({ ledger, deliver: [alert(50)] });
  });

  it('holds alerts without losing them, then releases them together', () => {
    const first = routeAlerts(emptyLedger(), [alert(50)], true);
    const second = routeAlerts(first.ledger, [alert(75)], true);
    expect(first.deliver).toEqual([]);
    expect(second.deliver).toEqual([]);
    expect(second.ledger.held).toEqual([alert(50), alert(75)]);
    expect(releaseHeld(second.ledger, true)).toEqual({ ledger: second.ledger, deliver: [] });
    expect(releaseHeld(second.ledger, false)).toEqual({
      ledger: { ...second.ledger, held: [] },
      deliver: [alert(50), alert(75)],
    });
  });

  it('has nothing to release when nothing was held', () => {
    const ledger = emptyLedger();
    expect(releaseHeld(ledger, false)).toEqual({ ledger, deliver: [] });
  });

  it('keeps only the newest 50 held alerts', () => {
    let ledger: AlertLedger = emptyLedger();
    for (let i = 0; i < 60; i++) ledger = routeAlerts(ledger, [alert(i + 1)], true).ledger;
    expect(ledger.held).toHaveLength(50);
    expect(ledger.held[0]).toEqual(alert(11));
    expect(ledger.held[49]).toEqual(alert(60));
  });

  it('leaves the ledger it was given untouched', () => {
    const ledger = emptyLedger();
    routeAlerts(ledger, [alert(50)], true);
    expect(ledger.held).toEqual([]);
  });
});

describe('snoozeUntil', () => {
  it.each<[string, number, '1h' | 'tomorrow', number]>([
    ['an hour', t('2026-11-21T13:47'), '1h', t('2026-11-21T13:47') + HOUR],
    ['tomorrow from the afternoon', t('2026-11-21T13:47'), 'tomorrow', t('2026-11-22T08:00')],
    ['tomorrow from exactly 08:00', t('2026-11-21T08:00'), 'tomorrow', t('2026-11-22T08:00')],
    [
      'tomorrow from after midnight (the coming morning)',
      t('2026-11-22T01:30'),
      'tomorrow',
      t('2026-11-22T08:00'),
    ],
    ['tomorrow at the end of the month', t('2026-11-30T22:00'), 'tomorrow', t('2026-12-01T08:00')],
  ])('%s', (_case, now, choice, until) => {
    expect(snoozeUntil(now, choice)).toBe(until);
  });
});

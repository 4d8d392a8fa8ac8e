import { describe, expect, it } from 'vitest';
import { alertNotification, heldSummary } from '../../../shared/domain/alert-text';
import type { Alert } from '../../../shared/domain/alert';
import { HOUR, MINUTE, t } from './factories';

const now = t('2026-11-21T13:47'); // a Saturday

function threshold(
  windowId: string,
  label: string,
  value: number,
  utilization: number,
  resetsAt: number | null,
): Alert {
  return {
    kind: 'threshold',
    source: 'oauth',
    windowId,
    label,
    threshold: value,
    utilization,
    resetsAt,
    at: now,
  };
}

function lockout(
  windowId: string,
  label: string,
  lockoutAt: number,
  resetsAt: number | null,
): Alert {
  const blockedMs = resetsAt === null ? null : resetsAt - lockoutAt;
  return {
    kind: 'lockout',
    source: 'oauth',
    windowId,
    label,
    lockoutAt,
    resetsAt,
    blockedMs,
    at: now,
  };
}

function reset(
  windowId: string,
  label: string,
  nextResetAt: number | null,
  utilization = 0,
): Alert {
  return { kind: 'reset', source: 'oauth', windowId, label, nextResetAt, utilization, at: now };
}

describe('alertNotification', () => {
  it.each<[string, Alert, number, string, string]>([
    [
      'a session threshold',
      threshold('five_hour', 'Session', 75, 75, t('2026-11-21T16:00')),
      now,
      'Claude session at 75%',
      '75% of your 5-hour session used · resets in 2 h 13 m (16:00)',
    ],
    [
      'a threshold passed over (the real figure in the message)',
      threshold('five_hour', 'Session', 75, 82.5, t('2026-11-21T16:00')),
      now,
      'Claude session at 75%',
      '82.5% of your 5-hour session used · resets in 2 h 13 m (16:00)',
    ],
    [
      'a weekly threshold',
      threshold('seven_day', 'Week', 90, 90, t('2026-11-24T09:00')),
      t('2026-11-21T05:00'),
      'Claude week at 90%',
      '90% of your weekly limit used · resets Tue 09:00 (in 3 d 4 h)',
    ],
    [
      'a model-scoped weekly threshold',
      threshold('seven_day_opus', 'Week · Opus', 50, 51, t('2026-11-24T09:00')),
      t('2026-11-21T05:00'),
      'Claude Opus week at 50%',
      '51% of your weekly Opus limit used · resets Tue 09:00 (in 3 d 4 h)',
    ],
    [
      'a budget threshold',
      threshold('monthly_budget', 'Month · budget', 90, 93, t('2026-12-01T00:00')),
      now,
      'Claude budget at 90%',
      '93% of your monthly budget used · resets Dec 1 00:00 (in 9 d 10 h)',
    ],
    [
      'a threshold without a reset time',
      threshold('five_hour', 'Session', 50, 50, null),
      now,
      'Claude session at 50%',
      '50% of your 5-hour session used · reset time unknown',
    ],
    [
      'an unknown window',
      threshold('daily_thing', 'Daily thing', 50, 50, null),
      now,
      'Claude Daily thing at 50%',
      '50% of your Daily thing limit used · reset time unknown',
    ],
    [
      'a session lockout',
      lockout('five_hour', 'Session', t('2026-11-21T15:42'), t('2026-11-21T16:00')),
      t('2026-11-21T15:17'),
      'Session lockout in ~25 m',
      'At this pace you hit the limit at 15:42 and wait 18 m until it resets at 16:00.',
    ],
    [
      'a weekly lockout on another day',
      lockout('seven_day', 'Week', t('2026-11-23T15:42'), t('2026-11-24T09:00')),
      t('2026-11-23T15:20'),
      'Week lockout in ~22 m',
      'At this pace you hit the limit at 15:42 and wait 17 h 18 m until it resets at Tue 09:00.',
    ],
    [
      'a lockout under a minute away without a reset time',
      lockout('five_hour', 'Session', t('2026-11-21T15:42'), null),
      t('2026-11-21T15:41:30'),
      'Session lockout in under a minute',
      'At this pace you hit the limit at 15:42.',
    ],
    [
      'a session reset',
      reset('five_hour', 'Session', t('2026-11-21T21:00')),
      t('2026-11-21T16:02'),
      'Session limit reset',
      'You are back to 0%. Next reset 21:00.',
    ],
    [
      'a reset noticed late',
      reset('five_hour', 'Session', t('2026-11-21T21:00'), 3),
      t('2026-11-21T16:40'),
      'Session limit reset',
      'Now at 3%. Next reset 21:00.',
    ],
    [
      'a reset with no next reset yet',
      reset('five_hour', 'Session', null),
      t('2026-11-21T16:02'),
      'Session limit reset',
      'You are back to 0%.',
    ],
    [
      'a weekly reset',
      reset('seven_day', 'Week', t('2026-12-01T09:00')),
      t('2026-11-24T09:01'),
      'Week limit reset',
      'You are back to 0%. Next reset Tue 09:00.',
    ],
  ])('words %s', (_case, alert, at, title, message) => {
    expect(alertNotification(alert, at)).toEqual({ title, message });
  });
});

describe('the limit and long model names', () => {
  it.each<[string, Alert, string, string]>([
    [
      'the session limit reached, back at its reset',
      threshold('five_hour', 'Session', 100, 100, t('2026-11-21T16:00')),
      'Session limit reached — back at 16:00',
      'Claude will not take new requests on your 5-hour session until it resets, in 2 h 13 m (16:00).',
    ],
    [
      'a week limit reached, back another day',
      threshold('seven_day', 'Week', 100, 100.4, t('2026-11-24T09:00')),
      'Week limit reached — back at Tue 09:00',
      'Claude will not take new requests on your weekly limit until it resets, Tue 09:00 (in 2 d 19 h).',
    ],
    [
      'a limit reached with no reset time',
      threshold('seven_day_fable', 'Week · Fable', 100, 100, null),
      'Fable week limit reached',
      'Claude will not take new requests on your weekly Fable limit until it resets; the server has not said when.',
    ],
    [
      'a model name that starts with "Claude"',
      threshold('seven_day_claude_opus_4_8', 'Week · Claude Opus 4.8', 90, 91, null),
      'Claude Opus 4.8 week at 90%',
      '91% of your weekly Opus 4.8 limit used · reset time unknown',
    ],
    [
      'a very long model name, cut at a word',
      threshold('seven_day_x', 'Week · Claude Opus 4.8 Extended Thinking Preview', 75, 80, null),
      'Claude Opus 4.8 Extended… week at 75%',
      '80% of your weekly Opus 4.8 Extended… limit used · reset time unknown',
    ],
  ])('words %s', (_case, alert, title, message) => {
    expect(alertNotification(alert, now)).toEqual({ title, message });
  });

  it('says "its limit" in a held summary', () => {
    const held = [
      threshold('five_hour', 'Session', 90, 91, t('2026-11-21T16:00')),
      threshold('five_hour', 'Session', 100, 100, t('2026-11-21T16:00')),
    ];
    expect(heldSummary(held, now).message).toBe('Session reached 90%, its limit.');
  });
});

describe('heldSummary', () => {
  const session = t('2026-11-21T16:00');
  const week = t('2026-11-24T09:00');

  it('lists what happened while paused, per window', () => {
    const held = [
      threshold('five_hour', 'Session', 75, 76, session),
      threshold('seven_day', 'Week', 50, 50, week),
      threshold('five_hour', 'Session', 90, 91, session),
    ];
    expect(heldSummary(held, now)).toEqual({
      title: 'While notifications were paused',
      message: 'Session reached 75%, 90%; Week reached 50%.',
    });
  });

  it('keeps periods apart and mentions lockout warnings and resets', () => {
    const held = [
      threshold('five_hour', 'Session', 75, 76, session),
      lockout('five_hour', 'Session', t('2026-11-21T15:42'), session),
      threshold('five_hour', 'Session', 90, 90, session),
      reset('five_hour', 'Session', t('2026-11-21T21:00')),
      threshold('five_hour', 'Session', 50, 50, t('2026-11-21T21:00')),
    ];
    expect(heldSummary(held, t('2026-11-21T18:00')).message).toBe(
      'Session reached 75%, 90%; Session was heading for a lockout at 15:42; Session reset; Session reached 50%.',
    );
  });

  it('tells the same window once when two sources reported it', () => {
    const web = (alert: Alert): Alert => ({ ...alert, source: 'web' });
    const held = [
      threshold('five_hour', 'Session', 50, 50, session),
      web(threshold('five_hour', 'Session', 50, 51, session)),
      reset('five_hour', 'Session', null),
      web(reset('five_hour', 'Session', null)),
    ];
    expect(heldSummary(held, now).message).toBe('Session reached 50%; Session reset.');
  });

  it('says so when nothing was held', () => {
    expect(heldSummary([], now + HOUR + MINUTE)).toEqual({
      title: 'While notifications were paused',
      message: 'Nothing to report.',
    });
  });
});

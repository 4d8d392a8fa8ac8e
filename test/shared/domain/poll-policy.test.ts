import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  decideFetch,
  isStale,
  nextDueAt,
  pollPolicy,
  policyForSource,
  recordFailure,
  recordSuccess,
  type FailureReport,
} from '../../../shared/domain/poll-policy';
import type { Snapshot } from '../../../shared/domain/snapshot';
import { emptyRecord, type SourceRecord } from '../../../shared/domain/source-record';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const real = pollPolicy(5 * MIN, false);

const snapshot = (fetchedAt: number): Snapshot => ({
  source: 'oauth',
  fetchedAt,
  windows: [],
  extraUsage: null,
});
const fetched = (at: number): SourceRecord => recordSuccess(emptyRecord('oauth'), snapshot(at), at);
const failure = (
  kind: FailureReport['error']['kind'],
  retryAfterMs: number | null = null,
): FailureReport => ({
  error: { kind, message: `${kind} happened` },
  retryAfterMs,
});
const fail = (
  record: SourceRecord,
  report: FailureReport,
  now: number,
  stamp: string | null = 'cred-1',
) => recordFailure(record, report, { policy: real, now, random: 0.5, stamp });
const decide = (
  record: SourceRecord,
  now: number,
  extra: { manual?: boolean; stamp?: string | null } = {},
) =>
  decideFetch(record, {
    policy: real,
    now,
    stamp: extra.stamp === undefined ? 'cred-1' : extra.stamp,
    manual: extra.manual ?? false,
  });

describe('pollPolicy', () => {
  it('never polls the real service faster than once a minute', () => {
    expect(pollPolicy(10_000, false)).toEqual({
      intervalMs: MIN,
      floorMs: MIN,
      maxBackoffMs: 60 * MIN,
      requestsPerHour: 12,
    });
  });
  it('lifts the floor and the hourly budget against a loopback endpoint, for tests', () => {
    expect(pollPolicy(1_000, true)).toEqual({
      intervalMs: 1_000,
      floorMs: 0,
      maxBackoffMs: 60 * MIN,
      requestsPerHour: Infinity,
    });
  });
});

describe('policyForSource', () => {
  it("takes the source's interval from the settings, else the 5-minute default", () => {
    const intervals = { oauth: 120, web: 30 };
    expect(policyForSource(intervals, 'oauth', false)).toEqual({
      intervalMs: 120_000,
      floorMs: 60_000,
      maxBackoffMs: 3_600_000,
      requestsPerHour: 12,
    });
    // 30 s is under the real service's floor, so it is raised to the minute.
    expect(policyForSource(intervals, 'web', false).intervalMs).toBe(60_000);
    expect(policyForSource(intervals, 'statusline', false).intervalMs).toBe(300_000);
    expect(policyForSource({}, 'admin', false).intervalMs).toBe(300_000);
  });

  it('lets an override (`watch --interval`) win, and a loopback endpoint lift the limits', () => {
    expect(policyForSource({ oauth: 120 }, 'oauth', true, 200)).toEqual({
      intervalMs: 200,
      floorMs: 0,
      maxBackoffMs: 3_600_000,
      requestsPerHour: Infinity,
    });
    expect(policyForSource({ oauth: 120 }, 'oauth', false, undefined).intervalMs).toBe(120_000);
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [1, 0.5, 5 * MIN],
    [2, 0.5, 10 * MIN],
    [3, 0.5, 20 * MIN],
    [5, 0.5, 60 * MIN],
    [40, 0.5, 60 * MIN],
    [1, 0, 4 * MIN],
    [1, 0.999999, 6 * MIN],
  ])('after %i failures with random %f waits %i ms', (failures, random, expected) => {
    expect(backoffDelayMs(failures, real, random)).toBeCloseTo(expected, -1);
  });
});

describe('recordFailure', () => {
  it('keeps the last good snapshot and backs off with jitter on a server error', () => {
    const record = fail(fetched(T0), failure('server'), T0 + 5 * MIN);
    expect(record.snapshot?.fetchedAt).toBe(T0);
    expect(record.failures).toBe(1);
    expect(record.nextAttemptAt).toBe(T0 + 10 * MIN);
    expect(record.cooldownUntil).toBeNull();
    expect(record.error).toEqual({
      kind: 'server',
      message: 'server happened',
      retryAt: T0 + 10 * MIN,
    });
  });

  it('obeys Retry-After exactly and records it as a cooldown', () => {
    const record = fail(fetched(T0), failure('rate-limited', 300_000), T0 + MIN);
    expect(record.nextAttemptAt).toBe(T0 + 6 * MIN);
    expect(record.cooldownUntil).toBe(T0 + 6 * MIN);
    expect(record.error?.retryAt).toBe(T0 + 6 * MIN);
  });

  it('obeys Retry-After up to an hour, and shows when it tries next', () => {
    const hour = fail(fetched(T0), failure('rate-limited', 3_600_000), T0 + MIN);
    expect(hour.cooldownUntil).toBe(T0 + 61 * MIN);
    expect(hour.error?.retryAt).toBe(T0 + 61 * MIN);
    const day = fail(fetched(T0), failure('rate-limited', 86_400_000), T0 + MIN);
    expect(day.cooldownUntil).toBe(T0 + 61 * MIN);
    expect(day.nextAttemptAt).toBe(T0 + 61 * MIN);
    expect(day.error?.retryAt).toBe(T0 + 61 * MIN);
  });

  it('backs off further after repeated Retry-After: 0 refusals', () => {
    const once = fail(fetched(T0), failure('rate-limited', 0), T0 + MIN);
    const twice = fail(once, failure('rate-limited', 0), T0 + 6 * MIN);
    expect(twice.cooldownUntil).toBeNull();
    expect(twice.nextAttemptAt).toBe(T0 + 16 * MIN);
  });

  it('falls back to backoff when Retry-After is 0', () => {
    const record = fail(fetched(T0), failure('rate-limited', 0), T0 + MIN);
    expect(record.cooldownUntil).toBeNull();
    expect(record.nextAttemptAt).toBe(T0 + 6 * MIN);
  });

  it.each(['auth', 'forbidden', 'parse', 'no-credentials'] as const)(
    'halts polling after a %s failure',
    (kind) => {
      const record = fail(fetched(T0), failure(kind), T0 + MIN);
      expect(record.haltedOn).toBe('cred-1');
      expect(record.nextAttemptAt).toBeNull();
      expect(record.error?.retryAt).toBeNull();
    },
  );
});

describe('decideFetch', () => {
  it('uses a fresh cached snapshot instead of fetching', () => {
    expect(decide(fetched(T0), T0 + 4 * MIN)).toEqual({ fetch: false, reason: 'fresh' });
    expect(decide(fetched(T0), T0 + 5 * MIN)).toEqual({ fetch: true });
  });

  it('fetches a source that was never fetched', () => {
    expect(decide(emptyRecord('oauth'), T0)).toEqual({ fetch: true });
  });

  it('lets a manual refresh skip freshness but never the 60 s floor', () => {
    expect(decide(fetched(T0), T0 + 2 * MIN, { manual: true })).toEqual({ fetch: true });
    expect(decide(fetched(T0), T0 + 30_000, { manual: true })).toEqual({
      fetch: false,
      reason: 'floor',
    });
  });

  it('holds even a manual refresh inside a Retry-After cooldown', () => {
    const limited = fail(fetched(T0), failure('rate-limited', 300_000), T0 + 5 * MIN);
    expect(decide(limited, T0 + 9 * MIN, { manual: true })).toEqual({
      fetch: false,
      reason: 'cooldown',
    });
    expect(decide(limited, T0 + 10 * MIN, { manual: true })).toEqual({ fetch: true });
  });

  it('waits out a backoff unless the user asks', () => {
    const failed = fail(fetched(T0), failure('network'), T0 + 5 * MIN);
    expect(decide(failed, T0 + 7 * MIN)).toEqual({ fetch: false, reason: 'backoff' });
    expect(decide(failed, T0 + 7 * MIN, { manual: true })).toEqual({ fetch: true });
    expect(decide(failed, T0 + 10 * MIN)).toEqual({ fetch: true });
  });

  it('stays halted until the credential changes', () => {
    const halted = fail(fetched(T0), failure('auth'), T0 + 5 * MIN);
    expect(decide(halted, T0 + 60 * MIN)).toEqual({ fetch: false, reason: 'halted' });
    expect(decide(halted, T0 + 60 * MIN, { stamp: 'cred-2' })).toEqual({ fetch: true });
    expect(decide(halted, T0 + 60 * MIN, { manual: true })).toEqual({ fetch: true });
  });

  it('resumes when a missing credential appears', () => {
    const missing = fail(emptyRecord('oauth'), failure('no-credentials'), T0, null);
    expect(decide(missing, T0 + 5 * MIN, { stamp: null })).toEqual({
      fetch: false,
      reason: 'halted',
    });
    expect(decide(missing, T0 + 5 * MIN, { stamp: 'file:1' })).toEqual({ fetch: true });
  });

  it('does not freeze when the clock jumps backwards', () => {
    const future = fail(fetched(T0), failure('rate-limited', 300_000), T0);
    expect(decide(future, T0 - 24 * 60 * MIN)).toEqual({ fetch: true });
  });
});

describe('nextDueAt', () => {
  const context = (now: number, stamp: string | null = 'cred-1') => ({ policy: real, now, stamp });
  it('is one interval after the last good fetch', () => {
    expect(nextDueAt(fetched(T0), context(T0 + MIN))).toBe(T0 + 5 * MIN);
  });
  it('is the cooldown end after a 429', () => {
    expect(nextDueAt(fail(fetched(T0), failure('rate-limited', 600_000), T0), context(T0))).toBe(
      T0 + 10 * MIN,
    );
  });
  it('is null while halted, and now once the credential changed', () => {
    const halted = fail(fetched(T0), failure('auth'), T0);
    expect(nextDueAt(halted, context(T0 + MIN))).toBeNull();
    expect(nextDueAt(halted, context(T0 + MIN, 'cred-2'))).toBe(T0 + MIN);
  });
});

describe('isStale', () => {
  it('marks the last good snapshot stale after a failure', () => {
    expect(isStale(fail(fetched(T0), failure('server'), T0 + MIN), real, T0 + MIN)).toBe(true);
  });
  it('marks a snapshot stale when nobody refreshed it for two intervals', () => {
    expect(isStale(fetched(T0), real, T0 + 10 * MIN)).toBe(false);
    expect(isStale(fetched(T0), real, T0 + 10 * MIN + 1)).toBe(true);
  });
  it('has nothing to mark without a snapshot', () => {
    expect(isStale(emptyRecord('oauth'), real, T0)).toBe(false);
  });
});

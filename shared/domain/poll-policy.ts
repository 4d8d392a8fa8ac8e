import { formatClock } from './format';
import type { Snapshot, SourceId } from './snapshot';
import type { SourceRecord } from './source-record';
import { haltsPolling, type UsageError } from './usage-error';

/** How often one source may be asked, and how failures slow it down. */
export interface PollPolicy {
  /** The normal interval between fetches. */
  readonly intervalMs: number;
  /** No two attempts closer than this, even manual ones: 60 s against the real service. */
  readonly floorMs: number;
  /** Backoff never waits longer than this (a Retry-After may). */
  readonly maxBackoffMs: number;
  /** At most this many attempts in any hour, manual ones included (Infinity: no budget). */
  readonly requestsPerHour: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The longest server cooldown obeyed (docs/PROTOCOLS.md "Retry-After"): the usage endpoint has
 * sent values near an hour; a longer one would leave the figures stale for longer than the
 * backoff ever does, so it is cut to this and the next try is shown.
 */
export const MAX_RETRY_AFTER_MS = 60 * MINUTE;

/** The poll interval of a source the settings do not name (docs/PRODUCT.md §2: 5 minutes). */
export const DEFAULT_POLL_INTERVAL_SECONDS = 300;

/** The floor between requests to a real Anthropic endpoint (docs/PRODUCT.md §2). */
export const REAL_SERVICE_FLOOR_MS = MINUTE;

/** The hourly request budget per source against a real endpoint (docs/PRODUCT.md §4). */
export const REQUESTS_PER_HOUR = 12;

/**
 * A policy for an interval; against a loopback endpoint (tests) the 60-second floor and the
 * hourly budget are lifted.
 */
export function pollPolicy(intervalMs: number, loopback: boolean): PollPolicy {
  const floorMs = loopback ? 0 : REAL_SERVICE_FLOOR_MS;
  const interval = Math.max(intervalMs, loopback ? 50 : floorMs);
  return {
    intervalMs: interval,
    floorMs,
    maxBackoffMs: Math.max(interval, 60 * MINUTE),
    requestsPerHour: loopback ? Infinity : REQUESTS_PER_HOUR,
  };
}

/**
 * One source's policy under the user's settings, the single rule for every reader (the engine's
 * poller and the status line's staleness): `overrideMs` when given (`pacewatch watch --interval`),
 * else the source's interval in settings.json, else the default.
 */
export function policyForSource(
  intervalSeconds: Readonly<Partial<Record<SourceId, number>>>,
  source: SourceId,
  loopback: boolean,
  overrideMs?: number,
): PollPolicy {
  const seconds = intervalSeconds[source] ?? DEFAULT_POLL_INTERVAL_SECONDS;
  return pollPolicy(overrideMs ?? seconds * 1_000, loopback);
}

/** The attempts of the hour before `now`, with `now` added when it is an attempt. */
function attemptsWithin(record: SourceRecord, now: number, attempt: boolean): number[] {
  const kept = (record.recentAttempts ?? []).filter((at) => at > now - HOUR && at <= now);
  return attempt ? [...kept, now] : kept;
}

/**
 * When the hourly budget next allows an attempt: now while attempts are left, else an hour
 * after the oldest attempt that fills it.
 */
export function budgetAllowsAt(record: SourceRecord, policy: PollPolicy, now: number): number {
  const attempts = attemptsWithin(record, now, false);
  if (attempts.length < policy.requestsPerHour) return now;
  return (attempts[attempts.length - policy.requestsPerHour] ?? now) + HOUR;
}

/** The earliest time any attempt, manual or not, is allowed: cooldown, floor and budget. */
export function nextAllowedAt(record: SourceRecord, policy: PollPolicy, now: number): number {
  const floorAt = record.attemptedAt === null ? now : record.attemptedAt + policy.floorMs;
  return Math.max(now, floorAt, record.cooldownUntil ?? now, budgetAllowsAt(record, policy, now));
}

/**
 * The wait after `failures` consecutive failures: the interval doubled per failure, capped,
 * with ±20 % jitter (`random` in [0, 1)) so many machines do not retry in step.
 */
export function backoffDelayMs(failures: number, policy: PollPolicy, random: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 16);
  const base = Math.min(policy.intervalMs * 2 ** exponent, policy.maxBackoffMs);
  return Math.max(Math.round(base * (0.8 + 0.4 * random)), policy.floorMs);
}

/** The record after a good fetch: the snapshot replaces the old one, every failure is forgotten. */
export function recordSuccess(record: SourceRecord, snapshot: Snapshot, now: number): SourceRecord {
  return {
    ...record,
    recentAttempts: attemptsWithin(record, now, true),
    snapshot,
    error: null,
    attemptedAt: now,
    failures: 0,
    nextAttemptAt: null,
    cooldownUntil: null,
    haltedOn: null,
  };
}

/** What a failed fetch reports to the policy. */
export interface FailureReport {
  readonly error: Omit<UsageError, 'retryAt'>;
  readonly retryAfterMs: number | null;
}

/**
 * The record after a failed fetch. The last good snapshot stays. Auth, scope, parse and
 * missing-credential failures halt polling until the credential stamp changes; a positive
 * Retry-After is obeyed up to an hour; `Retry-After: 0` on a refusal (the server still refuses)
 * and anything else back off with jitter.
 */
export function recordFailure(
  record: SourceRecord,
  failure: FailureReport,
  context: { policy: PollPolicy; now: number; random: number; stamp: string | null },
): SourceRecord {
  const { policy, now, random, stamp } = context;
  const failures = record.failures + 1;
  const base = {
    ...record,
    attemptedAt: now,
    failures,
    recentAttempts: attemptsWithin(record, now, true),
  };
  if (haltsPolling(failure.error.kind)) {
    return {
      ...base,
      error: { ...failure.error, retryAt: null },
      nextAttemptAt: null,
      cooldownUntil: null,
      haltedOn: haltStamp(stamp),
    };
  }
  const retryAfter =
    failure.retryAfterMs !== null && failure.retryAfterMs > 0
      ? Math.min(failure.retryAfterMs, MAX_RETRY_AFTER_MS)
      : null;
  const nextAttemptAt = now + (retryAfter ?? backoffDelayMs(failures, policy, random));
  return {
    ...base,
    error: { ...failure.error, retryAt: nextAttemptAt },
    nextAttemptAt,
    cooldownUntil: retryAfter === null ? null : nextAttemptAt,
    haltedOn: null,
  };
}

/** Why a fetch was not made. */
export type SkipReason = 'fresh' | 'cooldown' | 'floor' | 'budget' | 'backoff' | 'halted' | 'busy';

/** Whether to fetch now, and if not, why. */
export type FetchDecision =
  { readonly fetch: true } | { readonly fetch: false; readonly reason: SkipReason };

/** What the decision depends on besides the record. */
export interface DecisionContext {
  readonly policy: PollPolicy;
  readonly now: number;
  /** The source's current credential stamp (see UsageSource.credentialStamp). */
  readonly stamp: string | null;
  /** A user asked for fresh figures (`--refresh`, the refresh button). */
  readonly manual: boolean;
}

/**
 * Decides whether to fetch. A server cooldown, the request floor and the hourly budget bind even
 * a manual refresh;
 * a manual refresh skips freshness, backoff and a halt. A clock that moved backwards (the last
 * attempt lies in the future) never freezes polling.
 */
export function decideFetch(record: SourceRecord, context: DecisionContext): FetchDecision {
  const { policy, now, stamp, manual } = context;
  if (record.attemptedAt !== null && record.attemptedAt > now + MINUTE) return { fetch: true };
  if (record.cooldownUntil !== null && record.cooldownUntil > now)
    return { fetch: false, reason: 'cooldown' };
  if (withinFloor(record, policy, now)) return { fetch: false, reason: 'floor' };
  if (budgetAllowsAt(record, policy, now) > now) return { fetch: false, reason: 'budget' };
  if (manual) return { fetch: true };
  if (record.haltedOn !== null && record.haltedOn === haltStamp(stamp))
    return { fetch: false, reason: 'halted' };
  if (record.haltedOn !== null) return { fetch: true };
  if (record.nextAttemptAt !== null) {
    return record.nextAttemptAt > now ? { fetch: false, reason: 'backoff' } : { fetch: true };
  }
  const fetchedAt = record.snapshot?.fetchedAt;
  if (record.error === null && fetchedAt !== undefined && now - fetchedAt < policy.intervalMs) {
    return { fetch: false, reason: 'fresh' };
  }
  return { fetch: true };
}

/**
 * When the scheduler should look at this source again (epoch ms), or null while polling is
 * halted and only a credential change or a manual refresh can restart it.
 */
export function nextDueAt(
  record: SourceRecord,
  context: Omit<DecisionContext, 'manual'>,
): number | null {
  const { policy, now, stamp } = context;
  if (record.attemptedAt !== null && record.attemptedAt > now + MINUTE) return now;
  if (record.haltedOn !== null) return record.haltedOn === haltStamp(stamp) ? null : now;
  const floorAt = withinFloor(record, policy, now) ? floorEnd(record, policy) : now;
  const scheduled =
    record.nextAttemptAt ??
    (record.error === null && record.snapshot !== null
      ? record.snapshot.fetchedAt + policy.intervalMs
      : now);
  const budgetAt = budgetAllowsAt(record, policy, now);
  return Math.max(floorAt, scheduled, record.cooldownUntil ?? 0, budgetAt);
}

/**
 * Whether the figures on screen should be marked stale: the last attempt failed, or the
 * snapshot is older than two intervals (nobody has been able to refresh it).
 */
export function isStale(record: SourceRecord, policy: PollPolicy, now: number): boolean {
  if (record.snapshot === null) return false;
  return figuresStale(record.snapshot.fetchedAt, record.error !== null, policy, now);
}

/** The staleness rule on its own, for a reader that holds only the figures' time and outcome. */
export function figuresStale(
  fetchedAt: number,
  lastAttemptFailed: boolean,
  policy: PollPolicy,
  now: number,
): boolean {
  return lastAttemptFailed || now - fetchedAt > 2 * policy.intervalMs;
}

/**
 * Whether the last attempt was less than the floor ago. An attempt later than now (the clock came
 * back after a forward jump) is not: how long ago it was is unknown, and waiting for the clock
 * to catch up with it would stop polling for as long as the jump was (docs/RELIABILITY.md,
 * defect 10).
 */
function withinFloor(record: SourceRecord, policy: PollPolicy, now: number): boolean {
  const at = record.attemptedAt;
  return at !== null && at <= now && now - at < policy.floorMs;
}

function floorEnd(record: SourceRecord, policy: PollPolicy): number {
  return (record.attemptedAt ?? 0) + policy.floorMs;
}

function haltStamp(stamp: string | null): string {
  return stamp ?? 'no-credential';
}

/**
 * The sentence for a manual refresh that the request limits refused, saying when the next one is
 * allowed; null for a refusal a manual refresh does not meet (or none).
 */
export function refreshRefusal(
  reason: SkipReason | null,
  source: string,
  record: SourceRecord,
  policy: PollPolicy,
  now: number,
): string | null {
  const why =
    reason === 'budget'
      ? `Pacewatch asks for ${source} usage at most ${String(policy.requestsPerHour)} times an hour`
      : reason === 'floor'
        ? `Pacewatch asks for ${source} usage at most once a minute`
        : reason === 'cooldown'
          ? `Anthropic asked Pacewatch to wait before asking for ${source} usage again`
          : null;
  if (why === null) return null;
  // Rounded up to the minute, so the time shown is never one at which it is still refused.
  const at = Math.ceil(nextAllowedAt(record, policy, now) / MINUTE) * MINUTE;
  return `Not refreshed: ${why}; the next refresh is allowed at ${formatClock(at, now)}. Showing the figures stored before.`;
}

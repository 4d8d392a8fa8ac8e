import type { SourceId, Snapshot } from './snapshot';
import type { UsageError } from './usage-error';

/**
 * What the shared cache keeps per source: the last good snapshot, the outcome of the last
 * attempt, and when the next fetch is allowed. Every process on the machine reads and writes it.
 */
export interface SourceRecord {
  readonly source: SourceId;
  /** The last good snapshot; kept through every failure. */
  readonly snapshot: Snapshot | null;
  /** The outcome of the last attempt; null after a success. */
  readonly error: UsageError | null;
  /** epoch ms of the last attempt, good or bad. */
  readonly attemptedAt: number | null;
  /** Consecutive failed attempts, for backoff. */
  readonly failures: number;
  /** No scheduled fetch before this (Retry-After or backoff), epoch ms; null: the normal schedule. */
  readonly nextAttemptAt: number | null;
  /** The server's Retry-After, epoch ms: not even a manual refresh fetches before it. */
  readonly cooldownUntil: number | null;
  /**
   * Set when an auth, scope or parse failure stopped polling: the credential stamp seen then.
   * Polling resumes when the stamp differs, or on a manual refresh.
   */
  readonly haltedOn: string | null;
  /**
   * When the attempts of the last hour were made, oldest first, for the hourly request budget
   * (docs/PRODUCT.md §4). Absent in records written before the budget was kept: none counted.
   */
  readonly recentAttempts?: readonly number[];
}

/** A record for a source that has never been fetched. */
export function emptyRecord(source: SourceId): SourceRecord {
  return {
    source,
    snapshot: null,
    error: null,
    attemptedAt: null,
    failures: 0,
    nextAttemptAt: null,
    cooldownUntil: null,
    haltedOn: null,
  };
}

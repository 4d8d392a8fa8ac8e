import type { Snapshot, SourceId } from '../../../shared/domain/snapshot';
import { scrubSecrets } from '../../../shared/domain/secret';
import type { UsageError, UsageErrorKind } from '../../../shared/domain/usage-error';

/** How one fetch ended. Expected failures are values; exceptions are bugs. */
export type FetchOutcome =
  | { readonly ok: true; readonly snapshot: Snapshot }
  | {
      readonly ok: false;
      /** retryAt is filled in by the poll policy, not by the source. */
      readonly error: Omit<UsageError, 'retryAt'>;
      /** The server's Retry-After, in ms from now, when it sent one. */
      readonly retryAfterMs: number | null;
    };

/** One provider of usage figures (docs/PRODUCT.md §1). */
export interface UsageSource {
  readonly id: SourceId;
  /** Fetches once. Never throws for an expected failure (network, HTTP status, bad body). */
  fetch(signal?: AbortSignal): Promise<FetchOutcome>;
  /**
   * A cheap value that changes when the source's credential changes (file mtime, keychain
   * expiry): never the secret, nor a hash of it. null when there is no credential.
   */
  credentialStamp(): Promise<string | null>;
  /**
   * Set for a source that never fetches (the status line): another process writes its readings
   * into the shared cache, and the engine only reads them.
   */
  readonly passive?: true;
}

/** A fetch that ended in an expected failure. */
export type FetchFailure = Extract<FetchOutcome, { ok: false }>;

/**
 * An expected failure. Belt and braces: no sentence is built from a secret, but none may ever
 * carry one, so the message is scrubbed here.
 */
export function fetchFailure(
  kind: UsageErrorKind,
  message: string,
  retryAfterMs: number | null = null,
): FetchFailure {
  return { ok: false, error: { kind, message: scrubSecrets(message) }, retryAfterMs };
}

/** The kinds of failure a user can meet, as in the `status --json` contract. */
export const USAGE_ERROR_KINDS = [
  'no-credentials',
  'auth',
  'forbidden',
  'rate-limited',
  'network',
  'server',
  'parse',
] as const;

/** One of `USAGE_ERROR_KINDS`. */
export type UsageErrorKind = (typeof USAGE_ERROR_KINDS)[number];

/** A failure a user will meet: a kind, a sentence that says what to do, and when we retry. */
export interface UsageError {
  readonly kind: UsageErrorKind;
  readonly message: string;
  /** epoch milliseconds of the next attempt, or null when Pacewatch waits for the user. */
  readonly retryAt: number | null;
}

/** Kinds after which polling stops until something changes (credential, settings, manual refresh). */
export function haltsPolling(kind: UsageErrorKind): boolean {
  return kind === 'no-credentials' || kind === 'auth' || kind === 'forbidden' || kind === 'parse';
}

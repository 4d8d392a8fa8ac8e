import { formatClock } from '../../../shared/domain/format';
import type { UsageError } from '../../../shared/domain/usage-error';

// Sources word their errors for the app and `pacewatch watch`, which poll again by themselves
// ("Pacewatch retries by itself"). A one-shot command does not: it says when running it again
// can help, and that `watch` would do the retrying.
const RETRY_CLAUSE =
  /Pacewatch (?:keeps the last figures and )?(?:waits and )?retries by itself(?:; nothing to do)?/;

/** "after 14:05" (the next try the shared cache allows), or "in a few minutes" without one. */
function whenAgain(error: UsageError, now: number): string {
  return error.retryAt === null || error.retryAt <= now
    ? 'in a few minutes'
    : `after ${formatClock(error.retryAt, now)}`;
}

/**
 * An error as a one-shot command (`status`, `advise`…) should say it: what the user can do now,
 * and when running the command again will fetch, never a promise to retry that only `watch` keeps.
 */
export function oneShotErrorText(error: UsageError, now: number, command: string): string {
  const again = `run \`${command}\` again ${whenAgain(error, now)}, or keep \`pacewatch watch\` running: it retries by itself`;
  const match = RETRY_CLAUSE.exec(error.message);
  if (match === null) {
    // Errors that wait for the user (sign-in, key) say what to do already; others get the time.
    return error.retryAt === null || error.retryAt <= now
      ? error.message
      : `${error.message} Next try after ${formatClock(error.retryAt, now)}.`;
  }
  const before = error.message.slice(0, match.index);
  const sentenceStart = before.trimEnd() === '' || /[.!?]\s*$/.test(before);
  const clause = sentenceStart ? `${again[0]?.toUpperCase() ?? ''}${again.slice(1)}` : again;
  return `${before}${clause}${error.message.slice(match.index + match[0].length)}`;
}

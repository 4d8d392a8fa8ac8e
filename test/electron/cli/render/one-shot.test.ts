import { describe, expect, it } from 'vitest';
import { oneShotErrorText } from '../../../../electron/cli/render/one-shot';
import type { UsageError } from '../../../../shared/domain/usage-error';

const NOW = new Date(2026, 10, 21, 14, 0).getTime();
const LATER = new Date(2026, 10, 21, 14, 5).getTime();
const error = (message: string, kind: UsageError['kind'], retryAt: number | null): UsageError => ({
  kind,
  message,
  retryAt,
});

describe('errors in a one-shot command', () => {
  it('never promise a retry only `watch` makes, and keep the next-try time', () => {
    expect(
      oneShotErrorText(
        error(
          'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
          'rate-limited',
          LATER,
        ),
        NOW,
        'pacewatch status',
      ),
    ).toBe(
      'Anthropic is rate-limiting usage requests. Run `pacewatch status` again after 14:05, or keep `pacewatch watch` running: it retries by itself.',
    );
  });

  it('fit the clause into the middle of a sentence', () => {
    expect(
      oneShotErrorText(
        error(
          'Could not reach api.anthropic.com (ECONNREFUSED). Check your connection; Pacewatch retries by itself.',
          'network',
          null,
        ),
        NOW,
        'pacewatch status',
      ),
    ).toBe(
      'Could not reach api.anthropic.com (ECONNREFUSED). Check your connection; run `pacewatch status` again in a few minutes, or keep `pacewatch watch` running: it retries by itself.',
    );
    expect(
      oneShotErrorText(
        error(
          "Anthropic's API answered with an error (HTTP 418). Pacewatch retries by itself; update Pacewatch if this persists.",
          'server',
          LATER,
        ),
        NOW,
        'pacewatch status',
      ),
    ).toBe(
      "Anthropic's API answered with an error (HTTP 418). Run `pacewatch status` again after 14:05, or keep `pacewatch watch` running: it retries by itself; update Pacewatch if this persists.",
    );
  });

  it('leave a sentence that waits for the user as it is', () => {
    const signIn = error('Run `claude` once to renew the sign-in.', 'auth', null);
    expect(oneShotErrorText(signIn, NOW, 'pacewatch status')).toBe(signIn.message);
  });
});

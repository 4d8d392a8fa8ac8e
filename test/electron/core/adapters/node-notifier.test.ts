import { describe, expect, it } from 'vitest';
import { notificationFailure } from '../../../../electron/core/adapters/node-notifier';

const WHAT_TO_DO =
  'Check that notifications are allowed for Pacewatch in the system settings; on Linux, Pacewatch needs a notification service and libnotify-bin.';

describe('notificationFailure', () => {
  it("keeps notify-send's own complaint, not the command line", () => {
    const error = new Error(
      'Command failed: notify-send "Pacewatch" "Session at 75%"\nCould not connect: No such file or directory\n',
    );
    expect(notificationFailure(error)).toBe(
      `Could not show a desktop notification (Could not connect: No such file or directory). ${WHAT_TO_DO}`,
    );
  });

  it('reads a one-line error or a bare text as it is', () => {
    expect(notificationFailure(new Error('spawn notify-send ENOENT'))).toBe(
      `Could not show a desktop notification (spawn notify-send ENOENT). ${WHAT_TO_DO}`,
    );
    expect(notificationFailure('')).toBe(
      `Could not show a desktop notification (unknown error). ${WHAT_TO_DO}`,
    );
  });
});

import notifier from 'node-notifier';
import type { Notification, Notifier } from '../ports';

/** What the adapter passes to node-notifier: common options plus notify-send's app name. */
interface NotifierOptions {
  readonly title: string;
  readonly message: string;
  readonly wait: false;
  readonly 'app-name': string;
  readonly appID: string;
}

/**
 * Desktop notifications through node-notifier (Notification Center on macOS, toasts on Windows,
 * `notify-send` on Linux). Rejects with a sentence that says what is missing.
 */
export function createNodeNotifier(appName = 'Pacewatch'): Notifier {
  return {
    notify(notification: Notification) {
      const options: NotifierOptions = {
        title: notification.title,
        message: notification.message,
        wait: false,
        'app-name': appName,
        appID: appName,
      };
      return new Promise<void>((resolve, reject) => {
        // node-notifier reports success as an empty string, failure as an Error or a text.
        notifier.notify(options, (error: unknown) => {
          if (!error) resolve();
          else reject(new Error(notificationFailure(error)));
        });
      });
    },
  };
}

/** What a failed node-notifier call means and what to do, with the tool's own last words. */
export function notificationFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // A failed notify-send reads "Command failed: notify-send …\n<its stderr>": keep the stderr.
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const detail = (lines.length > 1 ? lines[lines.length - 1] : lines[0]) ?? 'unknown error';
  return `Could not show a desktop notification (${detail}). Check that notifications are allowed for Pacewatch in the system settings; on Linux, Pacewatch needs a notification service and libnotify-bin.`;
}

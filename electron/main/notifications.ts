import type { NotificationConstructorOptions } from 'electron';
import type { Logger, Notification, Notifier } from '../core/ports';

/** The part of an Electron Notification the app uses. */
export interface ShownNotification {
  on(event: 'click' | 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

/** The part of Electron's Notification class the app uses (start-app passes the real one). */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): ShownNotification;
  isSupported(): boolean;
}

/** Why nothing can be shown: no notification service on this desktop. */
export const UNSUPPORTED_MESSAGE =
  'This desktop has no notification service (on Linux, install a notification daemon and libnotify).';

/**
 * The app's notifications through Electron's `Notification`: Notification Center on macOS (the
 * app's own name and icon), toasts under the AppUserModelId on Windows (set in main.ts), libnotify
 * on Linux (the app's name, and `icon`). Clicking one calls `onClick` (the popover opens). The
 * engine's alert service is its only caller besides the test button, so the alert rules stay in
 * one place (shared/domain/alerts.ts) for the app and `pacewatch watch` (node-notifier) alike.
 */
export function createElectronNotifier(options: {
  readonly Notification: NotificationClass;
  /** A PNG path for the notification's icon; null where the system uses the app's own (macOS). */
  readonly icon: string | null;
  readonly onClick: () => void;
  readonly logger: Logger;
}): Notifier {
  // Kept until done: a notification collected by the GC no longer reports its click.
  const live = new Set<ShownNotification>();
  return {
    notify(notification: Notification) {
      if (!options.Notification.isSupported())
        return Promise.reject(new Error(UNSUPPORTED_MESSAGE));
      const shown = new options.Notification({
        title: notification.title,
        body: notification.message,
        ...(options.icon === null ? {} : { icon: options.icon }),
      });
      live.add(shown);
      shown.on('click', () => {
        live.delete(shown);
        options.onClick();
      });
      shown.on('close', () => {
        live.delete(shown);
      });
      shown.on('failed', (_event, error) => {
        live.delete(shown);
        options.logger.warn(`A notification could not be shown: ${error}`);
      });
      shown.show();
      return Promise.resolve();
    },
  };
}

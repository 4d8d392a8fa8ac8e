import { describe, expect, it } from 'vitest';
import {
  UNSUPPORTED_MESSAGE,
  createElectronNotifier,
  type NotificationClass,
} from '../../../electron/main/notifications';
import { FakeNotification } from './fake-electron';
import { recordingLogger } from '../../support/recording-logger';

/** A fresh fake Notification class per test (its shown list is static). */
function notificationClass(supported = true): typeof FakeNotification {
  return class extends FakeNotification {
    static override shown: FakeNotification[] = [];
    static override isSupported() {
      return supported;
    }
    override show() {
      (this.constructor as typeof FakeNotification).shown.push(this);
    }
  };
}

const ALERT = { title: 'Claude session at 75%', message: 'Resets at 14:00.' };

describe('the app’s notifications (Electron’s Notification)', () => {
  it('shows the title and text with the app icon, and opens the popover when clicked', async () => {
    const Notification = notificationClass();
    let opened = 0;
    const notifier = createElectronNotifier({
      Notification: Notification satisfies NotificationClass,
      icon: '/opt/Pacewatch/resources/app.asar/dist/notification-icon.png',
      onClick: () => (opened += 1),
      logger: recordingLogger(),
    });
    await notifier.notify(ALERT);
    expect(Notification.shown.map((shown) => shown.options)).toEqual([
      {
        title: 'Claude session at 75%',
        body: 'Resets at 14:00.',
        icon: '/opt/Pacewatch/resources/app.asar/dist/notification-icon.png',
      },
    ]);
    expect(opened).toBe(0);
    Notification.shown[0]?.click();
    expect(opened).toBe(1);
  });

  it('leaves the icon to the system on macOS', async () => {
    const Notification = notificationClass();
    const notifier = createElectronNotifier({
      Notification,
      icon: null,
      onClick: () => undefined,
      logger: recordingLogger(),
    });
    await notifier.notify(ALERT);
    expect(Notification.shown[0]?.options).toEqual({
      title: 'Claude session at 75%',
      body: 'Resets at 14:00.',
    });
  });

  it('says what is missing where the desktop has no notification service', async () => {
    const Notification = notificationClass(false);
    const notifier = createElectronNotifier({
      Notification,
      icon: null,
      onClick: () => undefined,
      logger: recordingLogger(),
    });
    await expect(notifier.notify(ALERT)).rejects.toThrow(UNSUPPORTED_MESSAGE);
    expect(Notification.shown).toEqual([]);
  });

  it('logs a notification the system failed to show, without throwing', async () => {
    const Notification = notificationClass();
    const logger = recordingLogger();
    const notifier = createElectronNotifier({
      Notification,
      icon: null,
      onClick: () => undefined,
      logger,
    });
    await notifier.notify(ALERT);
    Notification.shown[0]?.emit('failed', {}, 'the toast could not be raised');
    expect(logger.lines).toEqual([
      'warn A notification could not be shown: the toast could not be raised',
    ]);
  });
});

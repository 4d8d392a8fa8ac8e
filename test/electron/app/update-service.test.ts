import { describe, expect, it } from 'vitest';
import {
  UPDATE_CHECK_INTERVAL_MS,
  createUpdateService,
} from '../../../electron/app/update-service';
import { fakeTimers } from '../../support/fake-timers';
import { fakeUpdater } from '../../support/fake-updater';
import { recordingLogger } from '../../support/recording-logger';

/** Lets a check's promise settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function world(options: { enabled?: boolean; failCheck?: Error } = {}) {
  const fake = fakeUpdater(options);
  const timers = fakeTimers();
  const logger = recordingLogger();
  const setting = { enabled: options.enabled ?? true };
  const service = createUpdateService({
    updater: fake.updater,
    enabled: () => setting.enabled,
    timers,
    logger,
  });
  return { fake, timers, logger, setting, service };
}

describe('auto-update', () => {
  it('checks at start and every 4 hours while on', async () => {
    const { fake, timers, service } = world();
    service.start();
    expect(fake.calls.checks).toBe(1);
    expect(timers.delays).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(14_400_000);
    await settle();
    timers.fire();
    expect(fake.calls.checks).toBe(2);
    expect(timers.delays).toEqual([14_400_000, 14_400_000]);
    service.stop();
    expect(timers.pending()).toBe(0);
  });

  it('does not check while the setting is off, and checks at once when it is switched on', async () => {
    const { fake, timers, setting, service } = world({ enabled: false });
    service.start();
    timers.fire();
    expect(fake.calls.checks).toBe(0);
    setting.enabled = true;
    service.settingsChanged();
    expect(fake.calls.checks).toBe(1);
    await settle();
    // Saving another setting while on does not check again.
    service.settingsChanged();
    expect(fake.calls.checks).toBe(1);
  });

  it('shows the downloaded version, and restarts only when the user asks', () => {
    const { fake, timers, logger, service } = world();
    const changes: string[] = [];
    service.subscribe(() => changes.push(service.downloaded() ?? 'none'));
    service.start();
    service.restart();
    expect(fake.calls.installs).toBe(0);
    fake.download('0.2.0');
    expect(service.downloaded()).toBe('0.2.0');
    expect(changes).toEqual(['0.2.0']);
    // Hours pass: no restart on its own, and no more checks once one is waiting.
    timers.fire();
    timers.fire();
    expect([fake.calls.installs, fake.calls.checks]).toEqual([0, 1]);
    service.restart();
    expect(fake.calls.installs).toBe(1);
    expect(logger.lines).toEqual([
      'info Pacewatch 0.2.0 is downloaded; it installs on "Restart to update" or quit.',
    ]);
  });

  it('turns an updater error or a failed check into one quiet log line, not a crash', async () => {
    const failing = world({ failCheck: new Error('net::ERR_INTERNET_DISCONNECTED') });
    failing.service.start();
    await settle();
    failing.fake.fail(new Error('Cannot find latest-linux.yml in the latest release artifacts'));
    expect(failing.logger.lines).toEqual([
      'warn Update check failed: net::ERR_INTERNET_DISCONNECTED',
      'warn Update check failed: Cannot find latest-linux.yml in the latest release artifacts',
    ]);
    expect(failing.service.downloaded()).toBeNull();
    // The next check tries again.
    failing.timers.fire();
    expect(failing.fake.calls.checks).toBe(2);
  });
});

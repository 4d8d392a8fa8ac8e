import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fake-electron';
import { FakeWebContents } from './fake-electron';

vi.mock('electron', async () => {
  const { fakeElectron } = await import('./fake-electron');
  return fakeElectron();
});

/** The mocked module, set up so the app never becomes ready (the entry alone is under test). */
async function electronFake(singleInstance: boolean): Promise<FakeElectron> {
  const fake = (await import('electron')) as unknown as FakeElectron;
  fake.app.singleInstance = singleInstance;
  fake.app.ready = new Promise(() => undefined);
  fake.app.paths.clear();
  fake.app.listeners.clear();
  fake.app.quitCalls = 0;
  fake.app.dockHidden = false;
  return fake;
}

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv('PACEWATCH_DATA_DIR', '/tmp/pacewatch-shared-data');
  vi.stubEnv('PACEWATCH_OFFLINE', '1');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the app entry (before ready)', () => {
  it('shares the CLI’s data dir, registers the app protocol and hides the dock', async () => {
    const fake = await electronFake(true);
    await import('../../../electron/main/main');
    expect(fake.app.paths.get('userData')).toBe('/tmp/pacewatch-shared-data');
    expect(fake.protocol.privileged).toContainEqual({
      scheme: 'pacewatch',
      privileges: { standard: true, secure: true, supportFetchAPI: false },
    });
    expect(fake.app.dockHidden).toBe(true);
    expect(fake.app.quitCalls).toBe(0);
    // Windows shows a toast under the app's AppUserModelID, the installer's appId.
    expect(fake.app.appUserModelId).toBe('dev.pacewatch.app');
  });

  it('quits at once when another instance is running', async () => {
    const fake = await electronFake(false);
    await import('../../../electron/main/main');
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.listeners.get('web-contents-created')).toBeUndefined();
  });

  it('keeps every page on the app: no navigation away, no new windows, no webviews', async () => {
    const fake = await electronFake(true);
    await import('../../../electron/main/main');
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const prevented = (event: string, url?: string) => {
      let stopped = false;
      contents.emit(event, { preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://claude.ai/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'pacewatch://app/settings.html')).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://claude.ai/' } as never)).toEqual({
      action: 'deny',
    });
    // A menu-bar app lives on when its last window closes.
    expect(fake.app.emit('window-all-closed')).toEqual([undefined]);
    expect(fake.app.quitCalls).toBe(0);
  });
});

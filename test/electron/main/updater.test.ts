import type { UpdateCheckResult, UpdateDownloadedEvent } from 'electron-updater';
import { describe, expect, it } from 'vitest';
import { electronUpdater } from '../../../electron/main/updater';
import { FakeAutoUpdater } from './fake-auto-updater';

describe('electron-updater as the app’s updater', () => {
  it('downloads in the background, installs on quit or on request, and logs nothing itself', async () => {
    const auto = new FakeAutoUpdater();
    const updater = electronUpdater(auto);
    expect([auto.autoDownload, auto.autoInstallOnAppQuit, auto.logger]).toEqual([true, true, null]);
    await updater.check();
    expect(auto.checks).toBe(1);
    expect(auto.installs).toBe(0);
    updater.quitAndInstall();
    expect(auto.installs).toBe(1);
  });

  it('passes on the downloaded version and errors', () => {
    const auto = new FakeAutoUpdater();
    const updater = electronUpdater(auto);
    const seen: string[] = [];
    updater.onDownloaded((version) => seen.push(`downloaded ${version}`));
    updater.onError((error) => seen.push(`error ${error.message}`));
    const info: Pick<UpdateDownloadedEvent, 'version'> = { version: '0.2.0' };
    auto.emit('update-downloaded', info);
    auto.emit('error', new Error('HttpError: 404'));
    expect(seen).toEqual(['downloaded 0.2.0', 'error HttpError: 404']);
  });

  it('leaves a failed background download to the error event (its promise is handled)', async () => {
    const auto = new FakeAutoUpdater();
    const handlers: unknown[] = [];
    const download = { catch: (handler: unknown) => handlers.push(handler) };
    auto.result = { downloadPromise: download } as unknown as UpdateCheckResult;
    await electronUpdater(auto).check();
    expect(handlers).toHaveLength(1);
  });
});

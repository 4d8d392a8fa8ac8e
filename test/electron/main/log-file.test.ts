import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shell } from 'electron';
import { describe, expect, it } from 'vitest';
import { openLogFile } from '../../../electron/main/log-file';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('pacewatch-log-open-');

/** A typed fake of Electron's shell: what it opened and showed; openPath answers `failure`. */
function fakeShell(failure = '') {
  const calls: string[] = [];
  const shell: Pick<Shell, 'openPath' | 'showItemInFolder'> = {
    openPath: (path) => {
      calls.push(`openPath ${path}`);
      return Promise.resolve(failure);
    },
    showItemInFolder: (path) => {
      calls.push(`showItemInFolder ${path}`);
    },
  };
  return { shell, calls };
}

describe('Open log file (settings)', () => {
  it('opens the log file in the system’s viewer', async () => {
    const path = join(tempDir(), 'pacewatch.log');
    writeFileSync(path, 'line\n');
    const { shell, calls } = fakeShell();
    expect(await openLogFile(shell, path)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([`openPath ${path}`]);
  });

  it('shows it in its folder when no viewer opens it, and says so', async () => {
    const path = join(tempDir(), 'pacewatch.log');
    writeFileSync(path, 'line\n');
    const { shell, calls } = fakeShell('No application is associated with the file');
    expect(await openLogFile(shell, path)).toEqual({
      ok: false,
      message:
        'The log file could not be opened (No application is associated with the file); its folder is shown instead.',
    });
    expect(calls).toEqual([`openPath ${path}`, `showItemInFolder ${path}`]);
  });

  it('says where the log should be, and what to check, when it was never written', async () => {
    const path = join(tempDir(), 'pacewatch.log');
    const { shell, calls } = fakeShell();
    expect(await openLogFile(shell, path)).toEqual({
      ok: false,
      message: `Pacewatch has not written its log at ${path}: check that its folder exists and is writable, then restart Pacewatch.`,
    });
    expect(calls).toEqual([]);
  });
});

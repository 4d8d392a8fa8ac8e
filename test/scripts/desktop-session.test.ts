import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopService } from '../support/desktop';

const keyring = desktopService('keyring');
const notifications = desktopService('notifications');
const session = new URL('../../scripts/desktop-session.mjs', import.meta.url).pathname;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Pids of live processes whose environment names `dir` as their XDG_RUNTIME_DIR's parent. */
function processesUnder(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (environ.some((line) => line.startsWith(`XDG_RUNTIME_DIR=${dir}/`)))
        pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids;
}

describe.runIf(keyring.ready && notifications.ready)('the test desktop session', () => {
  it('gives the command a keyring and notifications, then stops only what it started', () => {
    // Another keyring of the same user, as a developer's own session would have: the session
    // used to end every 'gnome-keyring-daemon --unlock' of the user by name.
    const decoy = spawn('bash', ['-c', 'exec -a "gnome-keyring-daemon --unlock decoy" sleep 120'], {
      stdio: 'ignore',
    });
    cleanups.push(() => {
      decoy.kill('SIGKILL');
    });
    const tmp = mkdtempSync(join(tmpdir(), 'pacewatch-nested-'));
    cleanups.push(() => {
      rmSync(tmp, { recursive: true, force: true });
    });

    const run = spawnSync(
      'dbus-run-session',
      [
        '--',
        process.execPath,
        session,
        'sh',
        '-c',
        'echo "$PACEWATCH_TEST_KEYRING $PACEWATCH_TEST_NOTIFICATIONS"; exit 7',
      ],
      { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp }, timeout: 60_000 },
    );

    expect(run.stdout.trim()).toBe('1 1');
    expect(run.status).toBe(7);
    expect(decoy.exitCode).toBeNull();
    expect(decoy.signalCode).toBeNull();
    expect(processesUnder(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

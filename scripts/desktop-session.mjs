#!/usr/bin/env node
// Inside a D-Bus session: starts gnome-keyring (secrets, unlocked), Xvfb and dunst when they are
// installed, runs vitest with the environment they need, and stops them afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = [];
const env = { ...process.env, PACEWATCH_DESKTOP_SESSION: '1' };
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const runtimeDir = mkdtempSync(join(tmpdir(), 'pacewatch-session-'));

async function startKeyring() {
  if (!env.DBUS_SESSION_BUS_ADDRESS || !has('gnome-keyring-daemon')) return;
  // A throwaway keyring home: the login keyring is created unlocked with this password.
  env.XDG_DATA_HOME = join(runtimeDir, 'data');
  env.XDG_RUNTIME_DIR = runtimeDir;
  const out = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'pacewatch-test',
    env,
    encoding: 'utf8',
  });
  for (const line of out.stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  if (out.status === 0) env.PACEWATCH_TEST_KEYRING = '1';
}

async function startNotifications() {
  if (!env.DBUS_SESSION_BUS_ADDRESS || !has('Xvfb') || !has('dunst') || !has('notify-send')) return;
  const display = `:${90 + (process.pid % 400)}`;
  children.push(
    spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
      env,
    }),
  );
  env.DISPLAY = display;
  await sleep(500);
  children.push(spawn('dunst', [], { stdio: 'ignore', env }));
  for (let i = 0; i < 50; i++) {
    if (spawnSync('dunstctl', ['count'], { env, stdio: 'ignore' }).status === 0) {
      env.PACEWATCH_TEST_NOTIFICATIONS = '1';
      return;
    }
    await sleep(100);
  }
}

await startKeyring();
await startNotifications();
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
  },
);
for (const child of children) child.kill('SIGTERM');
spawnSync('pkill', ['-u', String(process.getuid?.() ?? 0), '-f', 'gnome-keyring-daemon --unlock'], {
  stdio: 'ignore',
});
rmSync(runtimeDir, { recursive: true, force: true });
process.exit(vitest.status ?? 1);

#!/usr/bin/env node
// Usage: desktop-session.mjs COMMAND [ARGS…] — inside a D-Bus session, starts gnome-keyring
// (secrets, unlocked), Xvfb and dunst when they are installed, runs COMMAND with the environment
// they need, then stops exactly the processes it started (never others of the same name: a
// developer's own keyring, or another test run's, are left alone) and exits with COMMAND's status.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...commandArgs] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('usage: desktop-session.mjs COMMAND [ARGS…]\n');
  process.exit(2);
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
const env = { ...process.env, PACEWATCH_DESKTOP_SESSION: '1' };
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const runtimeDir = mkdtempSync(join(tmpdir(), 'pacewatch-session-'));

/** Polls `probe` every 100 ms for up to 5 s; true once it succeeds. */
async function until(probe) {
  for (let i = 0; i < 50; i++) {
    if (probe()) return true;
    await sleep(100);
  }
  return false;
}

/**
 * Whether `name` has an owner on the session bus. Asked without activating it: a call to an
 * unowned name would make D-Bus start its own copy of the service (a locked keyring that
 * prompts, or a dunst without a display) and race ours.
 */
function hasOwner(name) {
  const out = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply=literal',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ],
    { env, encoding: 'utf8' },
  );
  return out.status === 0 && out.stdout.includes('true');
}

async function startKeyring() {
  if (!env.DBUS_SESSION_BUS_ADDRESS || !has('gnome-keyring-daemon')) return;
  // A throwaway keyring home: the login keyring is created unlocked with this password. In the
  // foreground the daemon stays our child, so we stop it ourselves and nothing else.
  env.XDG_DATA_HOME = join(runtimeDir, 'data');
  env.XDG_RUNTIME_DIR = runtimeDir;
  const keyring = spawn(
    'gnome-keyring-daemon',
    ['--foreground', '--unlock', '--components=secrets'],
    {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  children.push(keyring);
  keyring.stdin.end('pacewatch-test');
  if (!(await until(() => hasOwner('org.freedesktop.secrets')))) return;
  // Ready when a real keytar round trip works on this bus.
  const probe = `const k=require('keytar');k.setPassword('Pacewatch session probe','probe','x').then(()=>k.deletePassword('Pacewatch session probe','probe')).then(()=>process.exit(0),()=>process.exit(1))`;
  const ready = await until(
    () => spawnSync(process.execPath, ['-e', probe], { env, stdio: 'ignore' }).status === 0,
  );
  if (ready) env.PACEWATCH_TEST_KEYRING = '1';
}

/** Starts Xvfb on a display it picks itself (-displayfd), so parallel sessions never collide. */
async function startDisplay() {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    {
      env,
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  children.push(xvfb);
  const display = await new Promise((resolve) => {
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.on('exit', () => resolve(null));
  });
  return display;
}

async function startNotifications() {
  if (!env.DBUS_SESSION_BUS_ADDRESS || !has('Xvfb') || !has('dunst') || !has('notify-send')) return;
  const display = await startDisplay();
  if (display === null) return;
  env.DISPLAY = display;
  children.push(spawn('dunst', [], { stdio: 'ignore', env }));
  const ready =
    (await until(() => hasOwner('org.freedesktop.Notifications'))) &&
    spawnSync('dunstctl', ['count'], { env, stdio: 'ignore' }).status === 0;
  if (ready) env.PACEWATCH_TEST_NOTIFICATIONS = '1';
}

/** Stops what this session started and waits for each to exit (SIGKILL after 5 s). */
async function stopChildren() {
  const exited = children.map((child) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve)),
  );
  for (const child of children) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 5000);
  await Promise.all(exited);
  clearTimeout(timer);
}

await startKeyring();
await startNotifications();
const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
await stopChildren();
rmSync(runtimeDir, { recursive: true, force: true });
process.exit(result.status ?? 1);

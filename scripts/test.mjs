#!/usr/bin/env node
// `npm test`: runs the whole suite inside a private desktop session (D-Bus, an unlocked
// gnome-keyring, Xvfb and dunst) so the keychain and notification tests use the real services.
// Where those programs are missing, the suite still runs and those tests skip loudly, except
// under CI=true, where they fail (see test/support/desktop.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The command the session runs: vitest, with this command's arguments.
const vitest = [
  process.execPath,
  'node_modules/vitest/vitest.mjs',
  'run',
  ...process.argv.slice(2),
];
const session = fileURLToPath(new URL('./desktop-session.mjs', import.meta.url));
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

let result;
if (
  process.platform === 'linux' &&
  !process.env.PACEWATCH_DESKTOP_SESSION &&
  has('dbus-run-session')
) {
  result = spawnSync('dbus-run-session', ['--', process.execPath, session, ...vitest], {
    stdio: 'inherit',
  });
} else {
  result = spawnSync(process.execPath, [session, ...vitest], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);

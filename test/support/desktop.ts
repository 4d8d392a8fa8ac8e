/**
 * Which real desktop services this test run has (started by scripts/desktop-session.mjs).
 * Locally a missing service skips its tests with a loud reason; under CI=true it is a failure,
 * so a green CI run always exercised the real keychain and notifications.
 */
export function desktopService(name: 'keyring' | 'notifications'): {
  ready: boolean;
  reason: string;
} {
  const flag = name === 'keyring' ? 'PACEWATCH_TEST_KEYRING' : 'PACEWATCH_TEST_NOTIFICATIONS';
  if (process.env[flag] === '1') return { ready: true, reason: '' };
  const reason =
    name === 'keyring'
      ? 'no unlocked gnome-keyring in a D-Bus session (install dbus and gnome-keyring, run `npm test`)'
      : 'no Xvfb + dunst + notify-send in a D-Bus session (install xvfb, dunst, libnotify-bin, run `npm test`)';
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but the ${name} service is missing: ${reason}`);
  }
  console.warn(`\n*** SKIPPING ${name} tests: ${reason} ***\n`);
  return { ready: false, reason };
}

import { describe, expect, it } from 'vitest';
import { credentialsJsonSchema } from '../../../shared/domain/cli-json-schemas';
import { runCli } from '../../support/cli';
import { useCliWorld } from '../../support/cli-world';

const newWorld = useCliWorld();
const LOCKED =
  'The system keychain is locked or unavailable: unlock it, or install a Secret Service such as gnome-keyring.';

describe('pacewatch credentials status without a readable keychain', () => {
  it('says the keychain cannot be read and what to do, never "not stored"', async () => {
    const world = await newWorld();
    // A session bus that is not there: libsecret cannot reach any Secret Service.
    const run = await runCli(['credentials', 'status'], {
      env: { ...world.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pacewatch-bus' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `claude.ai session key (web): the system keychain cannot be read, so Pacewatch cannot tell whether it is stored. ${LOCKED}`,
        `Admin API key (admin): the system keychain cannot be read, so Pacewatch cannot tell whether it is stored. ${LOCKED}`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('not stored');
    // --json keeps its contract, with the sentence in `problem`.
    const json = await runCli(['credentials', 'status', '--json'], {
      env: { ...world.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pacewatch-bus' },
    });
    expect(credentialsJsonSchema.parse(JSON.parse(json.stdout))).toEqual([
      { id: 'web', label: 'claude.ai session key', stored: false, storedAt: null, problem: LOCKED },
      { id: 'admin', label: 'Admin API key', stored: false, storedAt: null, problem: LOCKED },
    ]);
  });
});

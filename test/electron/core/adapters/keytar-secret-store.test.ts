import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PACEWATCH_KEYCHAIN_SERVICE,
  createKeytarSecretStore,
  keychainUnavailableMessage,
} from '../../../../electron/core/adapters/keytar-secret-store';
import { createClaudeCredentialReader } from '../../../../electron/core/sources/oauth/claude-credentials';
import { Secret } from '../../../../shared/domain/secret';
import { fakeClaudeCredentials } from '../../../fakes/anthropic-api';
import { desktopService } from '../../../support/desktop';

const keyring = desktopService('keyring');
// One account per run, so a crashed run never collides with the next.
const account = `pacewatch-test-${process.pid}-${Date.now()}`;
const CLAUDE_SERVICE = 'Claude Code-credentials';

describe.skipIf(!keyring.ready)('the real OS keychain (Secret Service)', () => {
  afterEach(async () => {
    await keytar.deletePassword(PACEWATCH_KEYCHAIN_SERVICE, account);
    await keytar.deletePassword(CLAUDE_SERVICE, account);
  });

  it('stores, reads, replaces and deletes a Pacewatch secret', async () => {
    const store = createKeytarSecretStore();
    expect(await store.get(PACEWATCH_KEYCHAIN_SERVICE, account)).toBeNull();
    await store.set(
      PACEWATCH_KEYCHAIN_SERVICE,
      account,
      new Secret('sk-ant-sid01-test-session-abc'),
    );
    const first = await store.get(PACEWATCH_KEYCHAIN_SERVICE, account);
    expect(first).toBeInstanceOf(Secret);
    expect(first?.reveal()).toBe('sk-ant-sid01-test-session-abc');
    expect(String(first)).toBe('[redacted]');
    await store.set(
      PACEWATCH_KEYCHAIN_SERVICE,
      account,
      new Secret('sk-ant-sid01-test-session-def'),
    );
    expect((await store.get(PACEWATCH_KEYCHAIN_SERVICE, account))?.reveal()).toBe(
      'sk-ant-sid01-test-session-def',
    );
    // What the store wrote is what any other keychain client sees.
    expect(await keytar.getPassword(PACEWATCH_KEYCHAIN_SERVICE, account)).toBe(
      'sk-ant-sid01-test-session-def',
    );
    expect(await store.delete(PACEWATCH_KEYCHAIN_SERVICE, account)).toBe(true);
    expect(await store.get(PACEWATCH_KEYCHAIN_SERVICE, account)).toBeNull();
    expect(await store.delete(PACEWATCH_KEYCHAIN_SERVICE, account)).toBe(false);
  });

  it("reads Claude Code's keychain item through the macOS path of the credential reader", async () => {
    const home = mkdtempSync(join(tmpdir(), 'pacewatch-keyring-'));
    try {
      const json = JSON.stringify(
        fakeClaudeCredentials({ expiresAt: 1_768_384_301_294, subscriptionType: 'pro' }),
      );
      await keytar.setPassword(CLAUDE_SERVICE, account, json);
      const reader = createClaudeCredentialReader({
        secrets: createKeytarSecretStore(),
        pathEnv: { env: {}, platform: 'darwin', home },
        account,
      });
      const read = await reader.read();
      if (!read.ok) throw new Error(read.message);
      expect(read.credential.token.reveal()).toBe('sk-ant-oat01-test-token-abc');
      expect(read.credential.origin).toBe('macOS Keychain "Claude Code-credentials"');
      expect(read.credential.subscriptionType).toBe('pro');
      expect(await reader.stamp()).toBe('keychain:1768384301294');
      // Read-only: the item is exactly what Claude Code wrote.
      expect(await keytar.getPassword(CLAUDE_SERVICE, account)).toBe(json);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('an unavailable keychain', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    // A child process gets a D-Bus address that leads nowhere; keytar stays external, as in the
    // CLI bundle, and resolves from the repository's node_modules (the bundle lives under it).
    mkdirSync(resolve('node_modules/.cache'), { recursive: true });
    dir = mkdtempSync(resolve('node_modules/.cache/pacewatch-keytar-'));
    bundle = join(dir, 'store.cjs');
    await build({
      entryPoints: [resolve('electron/core/adapters/keytar-secret-store.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      external: ['keytar'],
      logLevel: 'silent',
    });
    writeFileSync(
      join(dir, 'probe.cjs'),
      `require(${JSON.stringify(bundle)}).createKeytarSecretStore().get('Pacewatch', 'probe')` +
        `.then(() => console.log('read'), (e) => console.log(e.name + ': ' + e.message + '\\n' + e.cause.message));`,
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const probe = (env: NodeJS.ProcessEnv): string[] =>
    spawnSync(process.execPath, [join(dir, 'probe.cjs')], {
      env,
      encoding: 'utf8',
      timeout: 20_000,
    })
      .stdout.trim()
      .split('\n');

  it("is an error that says what to do, with libsecret's words kept only as its cause", () => {
    const [message, cause] = probe({
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pacewatch-test-bus',
    });
    expect(message).toBe(
      'KeychainUnavailableError: The system keychain is locked or unavailable: unlock it, or install a Secret Service such as gnome-keyring.',
    );
    expect(cause).toBe('Could not connect: No such file or directory');
  });

  it.skipIf(!keyring.ready)('loads keytar from the bundle when the keychain is there', () => {
    expect(probe(process.env)).toEqual(['read']);
  });

  it('is worded for each platform', () => {
    expect(keychainUnavailableMessage('darwin')).toBe(
      'The macOS Keychain is locked or unavailable: unlock it (Keychain Access) and try again.',
    );
    expect(keychainUnavailableMessage('linux')).toBe(
      'The system keychain is locked or unavailable: unlock it, or install a Secret Service such as gnome-keyring.',
    );
  });
});

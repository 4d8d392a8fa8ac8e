import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../../../electron/core/adapters/keytar-secret-store';
import type { SecretStore } from '../../../../electron/core/ports';
import {
  createCredentialService,
  normalizeSecret,
} from '../../../../electron/core/services/credential-service';
import { Secret } from '../../../../shared/domain/secret';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-credentials-');
const WEB_KEY = 'sk-ant-sid01-test-session-abc';
const ADMIN_KEY = 'sk-ant-admin01-test-key-abc';
const T0 = Date.UTC(2026, 10, 21, 9);

/** An in-memory keychain that can be locked. */
function memoryKeychain() {
  const items = new Map<string, string>();
  const state = { locked: false };
  const guard = () =>
    state.locked
      ? Promise.reject(new KeychainUnavailableError(new Error(`locked ${WEB_KEY}`)))
      : null;
  const store: SecretStore = {
    get: (service, account) => {
      const locked = guard();
      if (locked) return locked;
      const value = items.get(`${service}/${account}`);
      return Promise.resolve(value === undefined ? null : new Secret(value));
    },
    set: (service, account, value) => {
      const locked = guard();
      if (locked) return locked;
      items.set(`${service}/${account}`, value.reveal());
      return Promise.resolve();
    },
    delete: (service, account) => {
      const locked = guard();
      if (locked) return locked;
      return Promise.resolve(items.delete(`${service}/${account}`));
    },
  };
  return { items, state, store };
}

function setup() {
  const dir = tempDir();
  const keychain = memoryKeychain();
  let now = T0;
  const service = createCredentialService({
    secrets: keychain.store,
    metadataPath: join(dir, 'credentials.json'),
    clock: { now: () => now },
  });
  return {
    dir,
    keychain,
    service,
    advance: (ms: number) => (now += ms),
    metadata: () => readFileSync(join(dir, 'credentials.json'), 'utf8'),
  };
}

const WEB_WRONG =
  'That does not look like a claude.ai session key (it starts with sk-ant-sid). In a browser signed in to claude.ai, open the developer tools, copy the value of the sessionKey cookie, and paste it again.';
const ADMIN_WRONG =
  'That does not look like an Admin API key (it starts with sk-ant-admin). Create one in the Anthropic Console under Settings → Admin keys, and paste it again.';

describe('the credential service', () => {
  it('keeps the key in the keychain under "Pacewatch" and only its time in the data dir', async () => {
    const { service, keychain, metadata } = setup();
    expect(await service.store('web', new Secret(`  ${WEB_KEY}\n`))).toEqual({ ok: true });
    expect(keychain.items).toEqual(new Map([['Pacewatch/web-session-key', WEB_KEY]]));
    expect(JSON.parse(metadata())).toEqual({ version: 2, web: { storedAt: T0 } });
    expect(metadata()).not.toContain('sk-ant');
    expect((await service.read('web'))?.reveal()).toBe(WEB_KEY);
    expect(await service.status()).toEqual([
      { id: 'web', label: 'claude.ai session key', stored: true, storedAt: T0 },
      { id: 'admin', label: 'Admin API key', stored: false, storedAt: null },
    ]);
  });

  it.each([
    { pasted: `sessionKey=${WEB_KEY}`, kept: WEB_KEY },
    { pasted: `Cookie: lang=en; sessionKey=${WEB_KEY}; cf_clearance=x`, kept: WEB_KEY },
    { pasted: `"${WEB_KEY}"`, kept: WEB_KEY },
    { pasted: ` '${ADMIN_KEY}' `, kept: ADMIN_KEY },
  ])('takes the key out of what was pasted: $pasted', ({ pasted, kept }) => {
    expect(normalizeSecret(pasted)).toBe(kept);
  });

  it.each([
    { id: 'web' as const, value: ADMIN_KEY, message: WEB_WRONG },
    { id: 'web' as const, value: 'sk-ant-sid01-has space', message: WEB_WRONG },
    { id: 'web' as const, value: 'sk-ant-sid01-a;b=c', message: WEB_WRONG },
    { id: 'web' as const, value: '', message: WEB_WRONG },
    { id: 'admin' as const, value: WEB_KEY, message: ADMIN_WRONG },
    { id: 'admin' as const, value: 'sk-ant-api03-test-key-abc', message: ADMIN_WRONG },
  ])(
    'refuses a wrong-shaped $id key with a sentence, storing nothing',
    async ({ id, value, message }) => {
      const { service, keychain } = setup();
      expect(await service.store(id, new Secret(value))).toEqual({ ok: false, message });
      expect(keychain.items.size).toBe(0);
    },
  );

  it('clears one key and keeps the other, and the stamps follow', async () => {
    const { service, keychain, advance, metadata } = setup();
    expect(await service.stamp('web')).toBeNull();
    await service.store('web', new Secret(WEB_KEY));
    advance(1_000);
    await service.store('admin', new Secret(ADMIN_KEY));
    expect(await service.stamp('web')).toBe(`stored:${T0}`);
    expect(await service.stamp('admin')).toBe(`stored:${T0 + 1_000}`);
    advance(1_000);
    await service.store('web', new Secret(WEB_KEY));
    expect(await service.stamp('web')).toBe(`stored:${T0 + 2_000}`);
    expect(await service.clear('web')).toEqual({ ok: true });
    expect(await service.stamp('web')).toBeNull();
    expect(keychain.items).toEqual(new Map([['Pacewatch/admin-api-key', ADMIN_KEY]]));
    expect(JSON.parse(metadata())).toEqual({ version: 2, admin: { storedAt: T0 + 1_000 } });
    expect(await service.clear('web')).toEqual({ ok: true });
  });

  it('records both keys stored at the same moment by two callers', async () => {
    const { service, metadata } = setup();
    await Promise.all([
      service.store('web', new Secret(WEB_KEY)),
      service.store('admin', new Secret(ADMIN_KEY)),
    ]);
    expect(JSON.parse(metadata())).toEqual({
      version: 2,
      web: { storedAt: T0 },
      admin: { storedAt: T0 },
    });
  });

  it('answers status from its own record when the keychain is locked, saying so', async () => {
    const { service, keychain } = setup();
    await service.store('web', new Secret(WEB_KEY));
    keychain.state.locked = true;
    const problem =
      'The system keychain is locked or unavailable: unlock it, or install a Secret Service such as gnome-keyring.';
    expect(await service.status()).toEqual([
      { id: 'web', label: 'claude.ai session key', stored: true, storedAt: T0, problem },
      { id: 'admin', label: 'Admin API key', stored: false, storedAt: null, problem },
    ]);
    expect(await service.store('admin', new Secret(ADMIN_KEY))).toEqual({
      ok: false,
      message: problem,
    });
    expect(await service.clear('web')).toEqual({ ok: false, message: problem });
    await expect(service.read('web')).rejects.toThrow(KeychainUnavailableError);
  });
});

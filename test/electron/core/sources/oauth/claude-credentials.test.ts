import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PathEnv } from '../../../../../electron/core/platform/paths';
import type { SecretStore } from '../../../../../electron/core/ports';
import {
  claudeKeychainService,
  createClaudeCredentialReader,
  type ClaudeCredentialRead,
} from '../../../../../electron/core/sources/oauth/claude-credentials';
import { Secret } from '../../../../../shared/domain/secret';
import { FAKE_OAUTH_TOKEN, fakeClaudeCredentials } from '../../../../fakes/anthropic-api';

const NOT_SIGNED_IN =
  'Claude Code is not signed in on this machine. Run `claude` and sign in with your Claude account; Pacewatch picks the login up by itself.';
const KEYCHAIN_LOCKED =
  "Pacewatch could not read Claude Code's sign-in because the system keychain is locked or unavailable. Unlock it; Pacewatch picks the login up by itself.";
const EXPIRES_AT = 1_768_384_301_294;

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'pacewatch-creds-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function writeCredentials(path: string, content: string | object): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content), {
    mode: 0o600,
  });
  return path;
}

function pathEnv(env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): PathEnv {
  return { env, platform, home };
}

/** A SecretStore that fails the test if it is ever asked anything. */
const untouchableStore: SecretStore = {
  get: () => Promise.reject(new Error('the keychain must not be read here')),
  set: () => Promise.reject(new Error('the keychain must not be written')),
  delete: () => Promise.reject(new Error('the keychain must not be written')),
};

/** An in-memory keychain that records reads and refuses writes. */
function memoryKeychain(items: Record<string, string> = {}, fail = false) {
  const reads: string[] = [];
  const store: SecretStore = {
    get: (service, account) => {
      reads.push(`${service}|${account}`);
      if (fail) return Promise.reject(new Error('org.freedesktop.secrets: locked collection'));
      const value = items[`${service}|${account}`];
      return Promise.resolve(value === undefined ? null : new Secret(value));
    },
    set: () => Promise.reject(new Error('the keychain must not be written')),
    delete: () => Promise.reject(new Error('the keychain must not be written')),
  };
  return { store, reads };
}

function expectCredential(read: ClaudeCredentialRead, origin: string, token = FAKE_OAUTH_TOKEN) {
  if (!read.ok) throw new Error(`expected a credential, got: ${read.message}`);
  expect(read.credential.token.reveal()).toBe(token);
  expect({ ...read.credential, token: undefined }).toEqual({
    token: undefined,
    expiresAt: EXPIRES_AT,
    subscriptionType: 'max',
    rateLimitTier: 'default_claude_max_5x',
    scopes: ['user:inference', 'user:profile'],
    origin,
  });
}

const credentials = (accessToken = FAKE_OAUTH_TOKEN) =>
  fakeClaudeCredentials({ accessToken, expiresAt: EXPIRES_AT });

describe('claudeKeychainService', () => {
  it('is the plain name for the default config dir', () => {
    expect(claudeKeychainService(null)).toBe('Claude Code-credentials');
  });

  it('adds the first 8 hex digits of sha256(absolute dir) for a custom CLAUDE_CONFIG_DIR', () => {
    const dir = '/Users/ada/work/.claude-work';
    const hash = createHash('sha256').update(dir).digest('hex').slice(0, 8);
    expect(claudeKeychainService(dir)).toBe(`Claude Code-credentials-${hash}`);
    expect(claudeKeychainService(`${dir}/`)).toBe(`Claude Code-credentials-${hash}`);
  });
});

describe('createClaudeCredentialReader on Linux', () => {
  it('reads ~/.claude/.credentials.json without touching the keychain', async () => {
    const path = writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    const reader = createClaudeCredentialReader({
      secrets: untouchableStore,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    expectCredential(await reader.read(), path);
  });

  it('falls back to ~/.config/claude, and prefers ~/.claude when both exist', async () => {
    const second = writeCredentials(
      join(home, '.config', 'claude', '.credentials.json'),
      credentials('sk-ant-oat01-test-second'),
    );
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    expectCredential(await reader.read(), second, 'sk-ant-oat01-test-second');
    const first = writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    expectCredential(await reader.read(), first);
  });

  it('looks only in CLAUDE_CONFIG_DIR entries, in order, when it is set', async () => {
    writeCredentials(
      join(home, '.claude', '.credentials.json'),
      credentials('sk-ant-oat01-test-default'),
    );
    const work = join(home, 'work-claude');
    const personal = join(home, 'personal-claude');
    const path = writeCredentials(join(personal, '.credentials.json'), credentials());
    const env = { CLAUDE_CONFIG_DIR: `${work}, ${personal}` };
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(env),
      account: 'ada',
    });
    expectCredential(await reader.read(), path);
    writeCredentials(join(work, '.credentials.json'), credentials('sk-ant-oat01-test-work'));
    expectCredential(
      await reader.read(),
      join(work, '.credentials.json'),
      'sk-ant-oat01-test-work',
    );
  });

  it('says Claude Code is not signed in when there is no file', async () => {
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    expect(await reader.read()).toEqual({
      ok: false,
      kind: 'no-credentials',
      message: NOT_SIGNED_IN,
    });
    expect(await reader.stamp()).toBeNull();
  });

  it('treats a file without claudeAiOauth (only MCP logins) as not signed in', async () => {
    writeCredentials(join(home, '.claude', '.credentials.json'), {
      mcpOAuth: { 'server|abc': { accessToken: 'mcp-token' } },
    });
    writeCredentials(join(home, '.config', 'claude', '.credentials.json'), {
      claudeAiOauth: { accessToken: '', expiresAt: EXPIRES_AT },
    });
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    expect(await reader.read()).toEqual({
      ok: false,
      kind: 'no-credentials',
      message: NOT_SIGNED_IN,
    });
  });

  it('names the path of a malformed file, without quoting it', async () => {
    const path = writeCredentials(
      join(home, '.claude', '.credentials.json'),
      `{"claudeAiOauth":{"accessToken":"${FAKE_OAUTH_TOKEN}",`,
    );
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    const read = await reader.read();
    expect(read).toEqual({
      ok: false,
      kind: 'parse',
      message: `Claude Code's credentials in ${path} are not valid JSON. Run \`claude\` and sign in again to rewrite them; Pacewatch picks the login up by itself.`,
    });
    expect(JSON.stringify(read)).not.toContain('sk-ant');
  });

  it('uses a good file after a malformed one', async () => {
    writeCredentials(join(home, '.claude', '.credentials.json'), '[1, 2');
    const path = writeCredentials(
      join(home, '.config', 'claude', '.credentials.json'),
      credentials(),
    );
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    expectCredential(await reader.read(), path);
  });

  it('reports a credentials path it cannot read', async () => {
    const path = join(home, '.claude', '.credentials.json');
    mkdirSync(path, { recursive: true });
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    expect(await reader.read()).toEqual({
      ok: false,
      kind: 'no-credentials',
      message: `Pacewatch cannot read Claude Code's credentials in ${path} (it is a directory). Make the file readable by your user; Pacewatch picks the login up by itself.`,
    });
  });

  it('reads a minimal credential: no expiry, no scopes, no plan', async () => {
    const path = writeCredentials(join(home, '.claude', '.credentials.json'), {
      claudeAiOauth: { accessToken: FAKE_OAUTH_TOKEN, expiresAt: 'tomorrow' },
    });
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    const read = await reader.read();
    if (!read.ok) throw new Error(read.message);
    expect({ ...read.credential, token: read.credential.token.reveal() }).toEqual({
      token: FAKE_OAUTH_TOKEN,
      expiresAt: null,
      subscriptionType: null,
      rateLimitTier: null,
      scopes: [],
      origin: path,
    });
  });

  it('never shows the token when the credential is logged or serialised', async () => {
    writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    const read = await reader.read();
    expect(JSON.stringify(read)).not.toContain('sk-ant-oat01');
    expect(JSON.stringify(read)).not.toContain('sk-ant-ort01');
    expect(String(read.ok && read.credential.token)).toBe('[redacted]');
  });

  it('stamps each existing file by path, mtime and size, and moves when the file changes', async () => {
    const path = writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const reader = createClaudeCredentialReader({
      secrets: null,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    const size = statSync(path).size;
    expect(await reader.stamp()).toBe(`${path}:1700000000000:${size}`);
    utimesSync(path, 1_700_000_060, 1_700_000_060);
    expect(await reader.stamp()).toBe(`${path}:1700000060000:${size}`);
    const other = writeCredentials(join(home, '.config', 'claude', '.credentials.json'), '{}');
    utimesSync(other, 1_700_000_000, 1_700_000_000);
    expect(await reader.stamp()).toBe(`${path}:1700000060000:${size}|${other}:1700000000000:2`);
  });

  it('never modifies the file it reads', async () => {
    const path = writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const before = statSync(path);
    const content = readFileSync(path, 'utf8');
    const reader = createClaudeCredentialReader({
      secrets: untouchableStore,
      pathEnv: pathEnv(),
      account: 'ada',
    });
    for (let i = 0; i < 3; i++) {
      await reader.read();
      await reader.stamp();
    }
    const after = statSync(path);
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
    expect(after.mode & 0o777).toBe(0o600);
  });
});

describe('createClaudeCredentialReader on macOS', () => {
  const KEYCHAIN = 'macOS Keychain "Claude Code-credentials"';

  it('reads the keychain item first, as the login name', async () => {
    writeCredentials(
      join(home, '.claude', '.credentials.json'),
      credentials('sk-ant-oat01-test-file'),
    );
    const keychain = memoryKeychain({
      'Claude Code-credentials|ada': JSON.stringify(credentials()),
    });
    const reader = createClaudeCredentialReader({
      secrets: keychain.store,
      pathEnv: pathEnv({}, 'darwin'),
      account: 'ada',
    });
    expectCredential(await reader.read(), KEYCHAIN);
    expect(keychain.reads).toEqual(['Claude Code-credentials|ada']);
    expect(await reader.stamp()).toBe(`keychain:${EXPIRES_AT}`);
  });

  it('uses the hashed service name for a custom CLAUDE_CONFIG_DIR', async () => {
    const dir = join(home, 'work-claude');
    const service = `Claude Code-credentials-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`;
    const keychain = memoryKeychain({ [`${service}|ada`]: JSON.stringify(credentials()) });
    const reader = createClaudeCredentialReader({
      secrets: keychain.store,
      pathEnv: pathEnv({ CLAUDE_CONFIG_DIR: dir }, 'darwin'),
      account: 'ada',
    });
    expectCredential(await reader.read(), `macOS Keychain "${service}"`);
    expect(keychain.reads).toEqual([`${service}|ada`]);
  });

  it('falls back to the file when the item is missing or holds only MCP logins', async () => {
    const path = writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    const empty = memoryKeychain();
    const reader = createClaudeCredentialReader({
      secrets: empty.store,
      pathEnv: pathEnv({}, 'darwin'),
      account: 'ada',
    });
    expectCredential(await reader.read(), path);
    const mcpOnly = memoryKeychain({ 'Claude Code-credentials|ada': '{"mcpOAuth":{}}' });
    const second = createClaudeCredentialReader({
      secrets: mcpOnly.store,
      pathEnv: pathEnv({}, 'darwin'),
      account: 'ada',
    });
    expectCredential(await second.read(), path);
    expect(await second.stamp()).toBe(`${path}:${statSync(path).mtimeMs}:${statSync(path).size}`);
  });

  it('says to unlock the keychain when it cannot be read and no file exists', async () => {
    const locked = memoryKeychain({}, true);
    const reader = createClaudeCredentialReader({
      secrets: locked.store,
      pathEnv: pathEnv({}, 'darwin'),
      account: 'ada',
    });
    expect(await reader.read()).toEqual({
      ok: false,
      kind: 'no-credentials',
      message: KEYCHAIN_LOCKED,
    });
    expect(await reader.stamp()).toBeNull();
    const path = writeCredentials(join(home, '.claude', '.credentials.json'), credentials());
    expectCredential(await reader.read(), path);
  });

  it('names the keychain item when it holds malformed JSON', async () => {
    const keychain = memoryKeychain({ 'Claude Code-credentials|ada': '{"claudeAiOauth":' });
    const reader = createClaudeCredentialReader({
      secrets: keychain.store,
      pathEnv: pathEnv({}, 'darwin'),
      account: 'ada',
    });
    expect(await reader.read()).toEqual({
      ok: false,
      kind: 'parse',
      message: `Claude Code's credentials in ${KEYCHAIN} are not valid JSON. Run \`claude\` and sign in again to rewrite them; Pacewatch picks the login up by itself.`,
    });
  });
});

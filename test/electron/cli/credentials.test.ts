import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsJsonSchema } from '../../../shared/domain/cli-json-schemas';
import { FAKE_ADMIN_KEY, installFakeAdminApi } from '../../fakes/admin-api';
import { FAKE_SESSION_KEY, installFakeClaudeAi } from '../../fakes/claude-ai';
import { runCli, type CliRun } from '../../support/cli';
import { useCliWorld, type CliWorld } from '../../support/cli-world';
import { desktopService } from '../../support/desktop';

// The real gnome-keyring, through `pacewatch` subprocesses. Each run gets a keyring of its own on
// a private D-Bus, so these tests never meet other tests' "Pacewatch" items (the app's e2e tests
// store the same accounts) and never touch the session's keyring.

const keyring = desktopService('keyring');
const KEYTAR = join(import.meta.dirname, '..', '..', '..', 'node_modules', 'keytar');
const newWorld = useCliWorld();

let bus: ChildProcess | null = null;
let daemon: ChildProcess | null = null;
let busEnv: NodeJS.ProcessEnv = {};
let runtimeDir = '';

async function startPrivateKeyring(): Promise<void> {
  runtimeDir = mkdtempSync(join(tmpdir(), 'pacewatch-keyring-'));
  // No service directories: a client asking before our daemon is up must fail and retry, not
  // start a second, locked keyring by D-Bus activation.
  const config = join(runtimeDir, 'bus.conf');
  writeFileSync(
    config,
    `<busconfig><type>session</type><listen>unix:dir=${runtimeDir}</listen><policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
  );
  bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve) => {
    bus?.stdout?.once('data', (data: Buffer) => {
      resolve(data.toString().trim());
    });
  });
  busEnv = {
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_DATA_HOME: join(runtimeDir, 'data'),
    XDG_RUNTIME_DIR: runtimeDir,
  };
  daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env: { ...process.env, ...busEnv },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  daemon.stdin?.end('pacewatch-test');
  // Ready once an item can be written: the login keyring is created a moment after the unlock.
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      keytarCall(
        `k.setPassword('Pacewatch', 'probe', 'x').then(() => k.deletePassword('Pacewatch', 'probe'))`,
      ) !== undefined
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the private gnome-keyring did not come up');
}

/** Runs `call` (an expression over keytar as `k`) in a separate keytar client on the private bus. */
function keytarCall(call: string): unknown {
  const script = `const k = require(${JSON.stringify(KEYTAR)}); Promise.resolve(${call}).then((v) => { process.stdout.write(JSON.stringify(v ?? null)); }, () => process.exit(3))`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH, HOME: runtimeDir, ...busEnv },
    encoding: 'utf8',
  });
  return result.status === 0 ? (JSON.parse(result.stdout) as unknown) : undefined;
}

/** What the keychain holds for one of Pacewatch's accounts. */
function keychainValue(account: string): unknown {
  return keytarCall(`k.getPassword('Pacewatch', ${JSON.stringify(account)})`);
}

function run(world: CliWorld, args: string[], stdin = ''): Promise<CliRun> {
  return runCli(args, {
    env: { ...world.env, ...busEnv, PACEWATCH_CLAUDE_AI_URL: world.api.url },
    stdin,
  });
}

function leaks(world: CliWorld, runs: CliRun[], secret: string): string[] {
  const places = runs.flatMap((r, i) => [
    ...(r.stdout.includes(secret) ? [`stdout ${i}`] : []),
    ...(r.stderr.includes(secret) ? [`stderr ${i}`] : []),
  ]);
  return [
    ...places,
    ...world
      .dataFiles()
      .filter((f) => f.text.includes(secret))
      .map((f) => f.path),
  ];
}

const banner = (world: CliWorld) =>
  `pacewatch: Using PACEWATCH_ANTHROPIC_URL=${world.api.url}\npacewatch: Using PACEWATCH_CLAUDE_AI_URL=${world.api.url}\n`;

describe.skipIf(!keyring.ready)('pacewatch credentials (subprocess, real gnome-keyring)', () => {
  beforeAll(startPrivateKeyring, 10_000);
  afterAll(() => {
    daemon?.kill();
    bus?.kill();
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('stores a key read from stdin, says when, never shows it, and clears it', async () => {
    const world = await newWorld({ signedIn: false });
    const set = await run(world, ['credentials', 'set', 'web'], `${FAKE_SESSION_KEY}\n`);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toBe(
      'Stored the claude.ai session key in the system keychain, and turned the web source on. Run `pacewatch status --source web` to check it.\n',
    );
    expect(keychainValue('web-session-key')).toBe(FAKE_SESSION_KEY);
    const settings = JSON.parse(readFileSync(join(world.dataDir, 'settings.json'), 'utf8')) as {
      sources: { web: { enabled: boolean } };
    };
    expect(settings.sources.web.enabled).toBe(true);

    const status = await run(world, ['credentials', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /^claude\.ai session key \(web\): stored \d\d:\d\d \(just now\)\nAdmin API key \(admin\): not stored\. Add it with `pacewatch credentials set admin`\.\n$/,
    );
    const json = await run(world, ['credentials', 'status', '--json']);
    // The --json contract (shared/domain/cli-json-schemas.ts), one key stored and one not.
    const [web, admin] = credentialsJsonSchema.parse(JSON.parse(json.stdout));
    expect(web).toMatchObject({ id: 'web', label: 'claude.ai session key', stored: true });
    expect(admin).toEqual({ id: 'admin', label: 'Admin API key', stored: false, storedAt: null });
    expect(Math.abs(Date.parse(web?.storedAt ?? '') - Date.now())).toBeLessThan(60_000);

    const clear = await run(world, ['credentials', 'clear', 'web']);
    expect(clear.stdout).toBe(
      'Removed the claude.ai session key from the system keychain, and turned the web source off.\n',
    );
    expect(keychainValue('web-session-key')).toBeNull();
    const after = await run(world, ['credentials', 'status']);
    expect(after.stdout).toContain(
      'claude.ai session key (web): not stored. Add it with `pacewatch credentials set web`.',
    );
    expect(leaks(world, [set, status, json, clear, after], FAKE_SESSION_KEY)).toEqual([]);
  });

  it('refuses a wrong-shaped key with the sentence, storing nothing', async () => {
    const world = await newWorld({ signedIn: false });
    const run1 = await run(world, ['credentials', 'set', 'admin'], 'sk-ant-api03-test-key-abc\n');
    expect(run1.code).toBe(1);
    expect(run1.stderr).toBe(
      'pacewatch: That does not look like an Admin API key (it starts with sk-ant-admin). Create one in the Anthropic Console under Settings → Admin keys, and paste it again.\n',
    );
    expect(keychainValue('admin-api-key')).toBeNull();
    const empty = await run(world, ['credentials', 'set', 'web'], '');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(
      'pacewatch: No key on stdin. Pipe it in (`pbpaste | pacewatch credentials set web`), or run the command in a terminal to paste it at a hidden prompt.\n',
    );
  });

  it('never takes a key from the command line', async () => {
    const world = await newWorld({ signedIn: false });
    const attempt = await run(world, ['credentials', 'set', 'web', FAKE_SESSION_KEY]);
    expect(attempt.code).toBe(2);
    expect(attempt.stderr).toMatch(/^pacewatch: pacewatch never takes a key on the command line/);
    expect(attempt.stderr).not.toContain(FAKE_SESSION_KEY);
    expect(keychainValue('web-session-key')).toBeNull();
    const help = await run(world, ['credentials', 'set', '--help']);
    expect(help.stdout).toContain('stdin when piped');
  });

  it('reads claude.ai with the stored session key, and says how to renew an expired one', async () => {
    const world = await newWorld({ signedIn: false });
    installFakeClaudeAi(world.api, { sessionKey: FAKE_SESSION_KEY });
    const set = await run(world, ['credentials', 'set', 'web'], `sessionKey=${FAKE_SESSION_KEY}`);
    const good = await run(world, ['status', '--source', 'web', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({
      source: 'web',
      error: null,
      extraUsage: { enabled: true, used: 12.34, limit: 50, currency: 'USD' },
    });
    const text = await run(world, ['status', '--source', 'web']);
    expect(text.stdout).toContain('\n  Prepaid credits  $100.00\n');
    installFakeClaudeAi(world.api, { sessionKey: 'sk-ant-sid01-test-newer-key' });
    const expired = await run(world, ['status', '--source', 'web', '--refresh', '--json']);
    expect(expired.stderr).toBe(banner(world));
    expect(JSON.parse(expired.stdout)).toMatchObject({
      source: 'web',
      stale: true,
      error: {
        kind: 'auth',
        message:
          "Your claude.ai session has expired or was signed out. Sign in to claude.ai in a browser, copy the value of its sessionKey cookie (developer tools → Application → Cookies), and store it with `pacewatch credentials set web` or in Pacewatch's settings.",
      },
    });
    const runs = [set, good, text, expired];
    expect(leaks(world, runs, FAKE_SESSION_KEY)).toEqual([]);
    await run(world, ['credentials', 'clear', 'web']);
  });

  it('turns the Admin API spend into a budget window', async () => {
    const world = await newWorld({ signedIn: false });
    installFakeAdminApi(world.api);
    const set = await run(world, ['credentials', 'set', 'admin'], FAKE_ADMIN_KEY);
    expect(set.code).toBe(0);
    const settings = JSON.parse(readFileSync(join(world.dataDir, 'settings.json'), 'utf8')) as {
      sources: { admin: { enabled: boolean; monthlyBudgetUsd: number | null } };
    };
    settings.sources.admin.monthlyBudgetUsd = 200;
    world.settings(settings);
    const json = await run(world, ['status', '--source', 'admin', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      source: 'admin',
      error: null,
      windows: [
        { id: 'monthly_budget', label: 'Month · $200 budget', utilization: 84.58, binding: false },
      ],
    });
    const text = await run(world, ['status', '--source', 'admin']);
    expect(text.stdout).toContain('$169.17 of $200.00 spent');
    expect(text.stdout).toMatch(/\n {2}Spend {16}\$169\.17 since \w{3} 1\n/);
    // The fake's cost report: $2.50 of web search, under the two models.
    expect(text.stdout).toContain(
      `${' '.repeat(23)}claude-sonnet-4-5: $43.21, 56,250 tokens\n${' '.repeat(23)}web search: $2.50\n`,
    );
    expect(leaks(world, [set, json, text], FAKE_ADMIN_KEY)).toEqual([]);
    await run(world, ['credentials', 'clear', 'admin']);
  });
});

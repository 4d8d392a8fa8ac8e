import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeClaudeCredentials,
  startFakeAnthropic,
  type FakeAnthropic,
} from '../fakes/anthropic-api';
import { fullUsageBody, SESSION_RESET_MICRO, WEEK_RESET_MICRO } from '../fakes/usage-bodies';
import { generateTree } from '../fakes/transcripts/tree';
import { assertBuilt, baseEnv, runCli, type CliRun } from '../support/cli';
import { useTempDir } from '../support/temp-dir';
import { node20Binary, npmCli } from './node-binaries';

// What `npm install -g pacewatch` gives a user: the tarball `npm pack` makes from this checkout,
// installed into an empty prefix, run from there (not from the checkout) on the Node running the
// suite and on Node 20, the oldest the command supports (docs/ARCHITECTURE.md "Releases").

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const HOUR = 3_600_000;
// One install for the whole file: useTempDir's cleanup runs after each test, so the prefix lives
// in a directory of its own, removed in afterAll.
let work = '';
let prefix = '';
let packed: { filename: string; files: { path: string }[] };
let api: FakeAnthropic | undefined;

/** Runs a program to completion with the given environment; never throws. */
function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

/** npm's own environment: the real HOME (its cache), the suite's PATH; output kept quiet. */
function npmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    npm_config_loglevel: 'error',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    // keytar builds from source against the running Node's headers (npm_config_nodedir where
    // set): no download attempt from GitHub, which a CI machine may not reach.
    npm_config_build_from_source: 'true',
  };
}

beforeAll(async () => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'pacewatch-pack-'));
  prefix = join(work, 'prefix');
  mkdirSync(prefix);
  // dist/ is the suite's fresh build (test/support/global-setup.ts); `prepack` would rebuild it
  // under the feet of the other subprocess tests, so scripts are skipped here.
  const out = execFileSync(
    process.execPath,
    [npmCli(), 'pack', '--ignore-scripts', '--json', '--pack-destination', work],
    { cwd: root, env: npmEnv(), encoding: 'utf8' },
  );
  packed = (JSON.parse(out) as (typeof packed)[])[0] as typeof packed;
  const install = await run(
    process.execPath,
    [
      npmCli(),
      'install',
      '--global',
      '--prefix',
      prefix,
      '--prefer-offline',
      join(work, packed.filename),
    ],
    npmEnv(),
  );
  if (install.code !== 0) throw new Error(`npm install -g failed:\n${install.stderr}`);
  const fake = await startFakeAnthropic();
  fake.respond({ body: currentUsageBody() });
  api = fake;
}, 300_000);

/**
 * The full usage body with its resets moved past the real clock (the installed command has no
 * fake clock): a window whose reset time has passed reads 0 %, as every surface shows it.
 */
function currentUsageBody(): object {
  const hour = 3_600_000;
  const text = JSON.stringify(fullUsageBody())
    .replaceAll(SESSION_RESET_MICRO, new Date(Date.now() + 3 * hour).toISOString())
    .replaceAll(WEEK_RESET_MICRO, new Date(Date.now() + 70 * hour).toISOString());
  return JSON.parse(text) as object;
}

afterAll(async () => {
  await api?.close();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

const installed = () => join(prefix, 'lib', 'node_modules', 'pacewatch');

describe('the published tarball', () => {
  it('holds the command and nothing else: bin, the three bundles, their wasm, README, LICENSE', () => {
    const wasm = readdirSync(join(root, 'dist'))
      .filter((name) => name.endsWith('.wasm'))
      .map((name) => `dist/${name}`);
    expect(packed.files.map((file) => file.path).sort()).toEqual(
      [
        'LICENSE',
        'README.md',
        'bin/pacewatch.cjs',
        'dist/cli.cjs',
        'dist/logs-worker.cjs',
        'dist/statusline.cjs',
        'package.json',
        ...wasm,
      ].sort(),
    );
  });

  it('installs only the runtime dependencies: no Electron, no build tools, no benchmark binaries', () => {
    const modules = join(installed(), 'node_modules');
    const names = readdirSync(modules).flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name],
    );
    for (const runtime of Object.keys(pkg.dependencies)) expect(names).toContain(runtime);
    for (const absent of [
      'electron',
      'electron-builder',
      'electron-updater',
      'esbuild',
      'ccusage',
      '@ccusage/ccusage-linux-x64',
      'typescript',
      'vitest',
      'commander',
    ])
      expect(names).not.toContain(absent);
    expect(existsSync(join(prefix, 'bin', 'pacewatch'))).toBe(true);
  });
});

const node20 = node20Binary();
const nodes = [
  { label: `the suite’s Node (${process.version})`, binary: process.execPath },
  ...(node20 === null || node20 === process.execPath ? [] : [{ label: 'Node 20', binary: node20 }]),
];

describe.each(nodes)('the installed `pacewatch` on $label', ({ binary }) => {
  const tree = useTempDir('pacewatch-installed-tree-');

  /** A user's machine: a HOME with Claude Code signed in, this Node first on PATH. */
  function machine(): { home: string; data: string; env: NodeJS.ProcessEnv } {
    const home = tree();
    const data = join(home, 'data');
    mkdirSync(join(home, '.claude'), { recursive: true });
    const env = {
      ...baseEnv(),
      PATH: `${dirname(binary)}:${process.env.PATH ?? ''}`,
      HOME: home,
      PACEWATCH_DATA_DIR: data,
    };
    return { home, data, env };
  }
  const pacewatch = (args: readonly string[], env: NodeJS.ProcessEnv, stdin?: string) =>
    run(join(prefix, 'bin', 'pacewatch'), args, env, stdin);

  it('runs on the Node it was given: the one `#!/usr/bin/env node` finds first', async () => {
    const shim = await run('sh', ['-c', 'node -p process.execPath'], machine().env);
    expect(shim.stdout.trim()).toBe(binary);
    if (binary === node20)
      expect(execFileSync(binary, ['--version'], { encoding: 'utf8' })).toMatch(/^v20\./);
  });

  it('prints its version', async () => {
    const result = await pacewatch(['--version'], machine().env);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('keeps V8’s compiled code beside its bundles where Node can (22.1 and later)', async () => {
    const cache = join(installed(), 'dist', '.compile-cache');
    const canCache =
      execFileSync(binary, ['-p', "typeof require('node:module').enableCompileCache"], {
        encoding: 'utf8',
      }).trim() === 'function';
    rmSync(cache, { recursive: true, force: true });
    const result = await pacewatch(['--version'], machine().env);
    expect(result.code).toBe(0);
    expect(existsSync(cache) && readdirSync(cache).length > 0).toBe(canCache);
  });

  it('reads usage from the (fake) API: status --json', async () => {
    const { home, env } = machine();
    writeFileSync(
      join(home, '.claude', '.credentials.json'),
      JSON.stringify(fakeClaudeCredentials({})),
      { mode: 0o600 },
    );
    const result = await pacewatch(['status', '--json'], {
      ...env,
      PACEWATCH_ANTHROPIC_URL: api?.url,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      source: string;
      error: unknown;
      windows: { id: string; utilization: number }[];
    };
    expect(json.source).toBe('oauth');
    expect(json.error).toBeNull();
    expect(json.windows.map(({ id, utilization }) => [id, utilization])).toEqual([
      ['five_hour', 11],
      ['seven_day', 9],
      ['seven_day_opus', 5],
    ]);
  });

  it('reports a generated transcript tree exactly as the checkout does: report daily --json', async () => {
    const { home, data, env } = machine();
    const claude = join(home, 'claude');
    const stats = generateTree({
      root: claude,
      seed: 8,
      startAt: Date.UTC(2026, 8, 1),
      days: 3,
      sessions: 12,
      scale: 0.05,
    });
    expect(stats.usageLines).toBeGreaterThan(0);
    const withLogs = { ...env, CLAUDE_CONFIG_DIR: claude };
    const result = await pacewatch(['report', 'daily', '--json'], withLogs);
    const checkoutData = join(home, 'checkout-data');
    const checkout = await runCli(['report', 'daily', '--json'], {
      env: { ...withLogs, PACEWATCH_DATA_DIR: checkoutData },
    });
    expect(result.code).toBe(0);
    expect(checkout.code).toBe(0);
    // The same notices (the generator's unpriced model), each naming its own data dir.
    expect(result.stderr).toBe(checkout.stderr.replaceAll(checkoutData, data));
    const json = JSON.parse(result.stdout) as { daily: unknown[]; totals: { totalTokens: number } };
    expect(json.daily.length).toBeGreaterThan(0);
    expect(json.totals.totalTokens).toBeGreaterThan(0);
    expect(result.stdout).toBe(checkout.stdout);
  });

  it('prints the status line from Claude Code’s input', async () => {
    const { env } = machine();
    const reset = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
    const clock = new Date(reset).toISOString().slice(11, 16);
    const input = JSON.stringify({
      session_id: 'abc',
      rate_limits: {
        five_hour: { used_percentage: 42, resets_at: reset / 1000 },
        seven_day: { used_percentage: 61, resets_at: reset / 1000 + 70 * 3_600 },
      },
    });
    const result = await pacewatch(['statusline'], env, input);
    expect(result).toMatchObject({ code: 0, stdout: `5h 42% ↻${clock} · wk 61%\n`, stderr: '' });
  });
});

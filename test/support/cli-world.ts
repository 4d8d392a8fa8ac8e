import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  FAKE_OAUTH_TOKEN,
  fakeClaudeCredentials,
  startFakeAnthropic,
  type FakeAnthropic,
} from '../fakes/anthropic-api';
import { baseEnv, runCli, type CliRun } from './cli';
import { useTempDir } from './temp-dir';

/** A user's machine for CLI subprocess tests: a HOME with Claude Code signed in, a data dir, a fake API. */
export interface CliWorld {
  readonly home: string;
  readonly dataDir: string;
  readonly api: FakeAnthropic;
  readonly env: NodeJS.ProcessEnv;
  run(args: readonly string[], options?: { stdin?: string; timeoutMs?: number }): Promise<CliRun>;
  /** Writes Claude Code's `.credentials.json` (mode 0600). */
  signIn(overrides?: Parameters<typeof fakeClaudeCredentials>[0]): void;
  /** Writes Pacewatch's settings.json. */
  settings(value: object): void;
  /** Every file under the data dir with its text, for "the secret is nowhere" checks. */
  dataFiles(): { path: string; text: string }[];
}

/** Creates worlds that are torn down after each test. */
export function useCliWorld(): (options?: { signedIn?: boolean }) => Promise<CliWorld> {
  const tempDir = useTempDir('pacewatch-cli-');
  const apis: FakeAnthropic[] = [];
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
  });
  return async ({ signedIn = true } = {}) => {
    const root = tempDir();
    const home = join(root, 'home');
    const dataDir = join(root, 'data');
    mkdirSync(join(home, '.claude'), { recursive: true });
    const api = await startFakeAnthropic();
    apis.push(api);
    const env = {
      ...baseEnv(),
      HOME: home,
      PACEWATCH_DATA_DIR: dataDir,
      PACEWATCH_ANTHROPIC_URL: api.url,
    };
    const world: CliWorld = {
      home,
      dataDir,
      api,
      env,
      run: (args, options = {}) => runCli(args, { env, ...options }),
      signIn(overrides = {}) {
        const path = join(home, '.claude', '.credentials.json');
        writeFileSync(path, JSON.stringify(fakeClaudeCredentials(overrides)), { mode: 0o600 });
      },
      settings(value) {
        mkdirSync(dataDir, { recursive: true });
        writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(value));
      },
      dataFiles: () => listFiles(dataDir),
    };
    if (signedIn) world.signIn();
    return world;
  };
}

/** Asserts-friendly: where the fake token shows up in a run's output or the data dir. */
export function tokenLeaks(
  world: CliWorld,
  runs: readonly CliRun[],
  token = FAKE_OAUTH_TOKEN,
): string[] {
  const leaks = runs.flatMap((run, index) =>
    [
      run.stdout.includes(token) ? `stdout of run ${index}` : null,
      run.stderr.includes(token) ? `stderr of run ${index}` : null,
    ].filter((leak): leak is string => leak !== null),
  );
  for (const file of world.dataFiles()) if (file.text.includes(token)) leaks.push(file.path);
  return leaks;
}

function listFiles(dir: string): { path: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(path)
      : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

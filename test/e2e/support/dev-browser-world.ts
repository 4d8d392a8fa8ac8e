import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { dataLayout, type DataLayout } from '../../../electron/core/stores/data-layout';
import {
  fakeClaudeCredentials,
  startFakeAnthropic,
  type FakeAnthropic,
} from '../../fakes/anthropic-api';
import { assertBuilt } from '../../support/cli';
import { useTempDir } from '../../support/temp-dir';

const SERVER = join(import.meta.dirname, '..', '..', '..', 'dist', 'dev-browser.cjs');

/** `npm run dev:browser` against the loopback fake, with a HOME and data dir of its own. */
export interface DevWorld {
  readonly home: string;
  readonly layout: DataLayout;
  readonly api: FakeAnthropic;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly token: string;
  /** The popover's URL, token in the fragment, as the server prints it. */
  readonly popoverUrl: string;
  readonly settingsUrl: string;
  /** What the server printed so far. */
  output(): string;
}

/** How a world starts. */
export interface DevWorldOptions {
  /** Write Claude Code's `.credentials.json` (default true). */
  readonly signedIn?: boolean;
  /** Scripts the fake before the server starts. */
  readonly script?: (api: FakeAnthropic) => void;
  /** Writes state into the data dir before the server starts. */
  readonly seed?: (layout: DataLayout) => void;
  /** Pacewatch's settings.json. */
  readonly settings?: object;
}

/** Creates dev:browser worlds that are torn down after each test. */
export function useDevWorld(): (options?: DevWorldOptions) => Promise<DevWorld> {
  const tempDir = useTempDir('pacewatch-e2e-');
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return async (options = {}) => {
    assertBuilt();
    const root = tempDir();
    const home = join(root, 'home');
    const claude = join(home, '.claude');
    const layout = dataLayout(join(root, 'data'));
    mkdirSync(claude, { recursive: true });
    mkdirSync(layout.dir, { recursive: true });
    if (options.signedIn ?? true) {
      writeFileSync(join(claude, '.credentials.json'), JSON.stringify(fakeClaudeCredentials()), {
        mode: 0o600,
      });
    }
    if (options.settings !== undefined)
      writeFileSync(layout.settings, JSON.stringify(options.settings));
    options.seed?.(layout);
    const api = await startFakeAnthropic();
    options.script?.(api);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      SHELL: '/bin/sh',
      TZ: 'UTC',
      LANG: 'C.UTF-8',
      PACEWATCH_DATA_DIR: layout.dir,
      PACEWATCH_ANTHROPIC_URL: api.url,
      PACEWATCH_OFFLINE: '1',
      CLAUDE_CONFIG_DIR: claude,
      // The desktop session's keychain and bus, as a user's login session provides them.
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
      DISPLAY: process.env.DISPLAY,
    };
    const child = spawn(process.execPath, [SERVER, '--port', '0'], { env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cleanups.push(async () => {
      await stop(child);
      await api.close();
    });
    const popoverUrl = await waitFor(
      () => /Open (http:\/\/127\.0\.0\.1:\d+\/popover\.html#token=\w+)/.exec(output)?.[1],
      () => output,
    );
    const url = new URL(popoverUrl);
    const token = url.hash.slice('#token='.length);
    return {
      home,
      layout,
      api,
      origin: url.origin,
      token,
      popoverUrl,
      settingsUrl: `${url.origin}/settings.html#token=${token}`,
      output: () => output,
    };
  };
}

async function waitFor<T>(
  probe: () => T | undefined,
  output: () => string,
  timeoutMs = 15_000,
): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dev:browser did not start within ${timeoutMs} ms:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pacewatch.cjs');

/** What a finished `pacewatch` subprocess did. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for one `pacewatch` subprocess. */
export interface CliOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin?: string;
  readonly timeoutMs?: number;
  /** The folder it runs in (default: the suite's). */
  readonly cwd?: string;
}

/** The environment a test CLI run starts from: no real HOME data, UTC, CI-like. */
export function baseEnv(): NodeJS.ProcessEnv {
  // PACEWATCH_OFFLINE: no price refresh reaches the network; the refresh tests point it at 127.0.0.1.
  return { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C.UTF-8', PACEWATCH_OFFLINE: '1' };
}

/** Fails the calling test when the global setup could not build dist/. */
export function assertBuilt(): void {
  const error = inject('buildError');
  if (error !== null) throw new Error(`scripts/build.mjs failed, so the CLI cannot run:\n${error}`);
}

/** Runs the built `pacewatch` as a real subprocess with only the given environment. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: options.env,
      cwd: options.cwd,
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

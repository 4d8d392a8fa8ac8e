import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { Secret } from '../../../shared/domain/secret';
import { isRouteVariable } from './route-env';
import type { RouteEnv } from './route-env';

/** What reading the login shell needs; every input injectable for tests. */
export interface LoginShellOptions {
  /** The shell to run, e.g. `/bin/zsh`. */
  readonly shell: string;
  /** Becomes `HOME` for the shell, so it reads that home's startup files. */
  readonly home: string;
  /** The environment the shell starts from (route variables are removed first). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs: number;
}

/** The login shell's route variables, or why they could not be read. */
export type LoginShellResult =
  | { readonly kind: 'read'; readonly env: RouteEnv }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly reason: string };

const START = '__PACEWATCH_ROUTE_ENV_START__';
const END = '__PACEWATCH_ROUTE_ENV_END__';
// printf (not `echo -n`) so dash and fish agree; `command env` skips aliases and functions.
const SCRIPT = `printf '\\n${START}\\n'; command env; printf '\\n${END}\\n'; exit`;
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * The environment the shell starts from: the caller's, minus the route variables (so whatever
 * the shell reports, its own startup files set), with the shell-env package's guards against
 * oh-my-zsh auto-update and tmux auto-start, which can block a non-interactive read.
 */
function startingEnv(options: LoginShellOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(options.env)) {
    if (value !== undefined && !isRouteVariable(name)) env[name] = value;
  }
  return {
    ...env,
    HOME: options.home,
    DISABLE_AUTO_UPDATE: 'true',
    ZSH_TMUX_AUTOSTARTED: 'true',
    ZSH_TMUX_AUTOSTART: 'false',
  };
}

/** Keeps only the route variables from `env` output; every other value is dropped here. */
function parseEnvOutput(block: string): RouteEnv {
  const picked: RouteEnv = {};
  for (const line of block.split('\n')) {
    const equals = line.indexOf('=');
    const name = equals > 0 ? line.slice(0, equals) : '';
    if (isRouteVariable(name)) picked[name] = new Secret(line.slice(equals + 1));
  }
  return picked;
}

function between(text: string): string | null {
  const start = text.indexOf(`${START}\n`);
  const end = text.indexOf(`\n${END}`, start + START.length);
  return start < 0 || end < 0 ? null : text.slice(start + START.length + 1, end);
}

/**
 * Runs `$SHELL -ilc` to read the environment a new terminal gets (a GUI app does not inherit
 * it). The shell runs in its own session (`detached`), so an interactive shell cannot take
 * over the caller's terminal and a hung one is killed with its whole process group at the
 * timeout. Nothing it prints is forwarded; only the route variables are kept, wrapped.
 */
export function readLoginShellEnv(options: LoginShellOptions): Promise<LoginShellResult> {
  return new Promise((resolve) => {
    let child: ChildProcessByStdio<null, Readable, null>;
    try {
      child = spawn(options.shell, ['-ilc', SCRIPT], {
        env: startingEnv(options),
        stdio: ['ignore', 'pipe', 'ignore'],
        detached: true,
        windowsHide: true,
      });
    } catch (error) {
      resolve({ kind: 'failed', reason: `could not start it: ${(error as Error).message}` });
      return;
    }
    watch(child, options.timeoutMs, resolve);
  });
}

function watch(
  child: ChildProcessByStdio<null, Readable, null>,
  timeoutMs: number,
  resolve: (result: LoginShellResult) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const timer = setTimeout(() => {
    killGroup();
    finish({ kind: 'timeout' });
  }, timeoutMs);
  function finish(result: LoginShellResult): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    child.stdout.destroy();
    child.unref();
    resolve(result);
  }
  const output = (): string | null => between(Buffer.concat(chunks).toString('utf8'));
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_OUTPUT_BYTES) {
      killGroup();
      finish({ kind: 'failed', reason: 'it printed more than 4 MB' });
      return;
    }
    // Done as soon as the end marker arrives: a daemon the startup files left holding stdout
    // must not keep us waiting for the pipe to close.
    const block = output();
    if (block !== null) finish({ kind: 'read', env: parseEnvOutput(block) });
  });
  child.on('error', (error: NodeJS.ErrnoException) => {
    finish({ kind: 'failed', reason: `could not start it: ${error.code ?? error.message}` });
  });
  child.on('close', (code, signal) => {
    const block = output();
    if (block !== null) {
      finish({ kind: 'read', env: parseEnvOutput(block) });
      return;
    }
    const how = signal === null ? `exited with code ${code ?? '?'}` : `was stopped by ${signal}`;
    finish({ kind: 'failed', reason: `it ${how} before printing its environment` });
  });
}

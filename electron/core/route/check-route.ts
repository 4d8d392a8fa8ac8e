import { homedir, userInfo } from 'node:os';
import { buildRouteReport } from '../../../shared/domain/route/route-report';
import type { RouteReport } from '../../../shared/domain/route/route-report';
import type { LoginShellFacts, RouteFacts } from '../../../shared/domain/route/route-facts';
import { claudeConfigDirs } from '../platform/paths';
import { readClaudeLogin } from './claude-login';
import { readClaudeSettings } from './claude-settings';
import { displayPath } from './display-path';
import { readLoginShellEnv } from './login-shell-env';
import type { LoginShellResult } from './login-shell-env';
import { routeEnvFrom, sightingsFromEnv, withApproval } from './route-env';
import type { RawSighting } from './route-env';
import { scanStartupFiles } from './startup-files';

/** Inputs of the route check; each defaults to the running process's. */
export interface CheckRouteOptions {
  /** The environment to judge (and to start the login shell from). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory; default `env.HOME`, else the OS's. */
  readonly home?: string;
  /** The project directory whose `.claude/` settings count; default `process.cwd()`. */
  readonly cwd?: string;
  /** The login shell to read; default `env.SHELL`, else the account's shell; null skips it. */
  readonly shell?: string | null;
  /** How long the login shell may take; default 3 s. */
  readonly timeoutMs?: number;
  /** How evidence names this process's own environment ("this terminal", "the app"). */
  readonly processLabel?: string;
  readonly platform?: NodeJS.Platform;
}

/** The default bound on reading the login shell: slow oh-my-zsh setups take a second or two. */
export const DEFAULT_SHELL_TIMEOUT_MS = 3000;

function accountShell(): string | null {
  try {
    return userInfo().shell;
  } catch {
    return null;
  }
}

function shellFacts(
  shell: string,
  home: string,
  result: LoginShellResult,
  timeoutMs: number,
): LoginShellFacts {
  const shown = displayPath(shell, home);
  if (result.kind === 'read') return { kind: 'read', shell: shown };
  if (result.kind === 'timeout') return { kind: 'timeout', shell: shown, timeoutMs };
  return { kind: 'failed', shell: shown, reason: result.reason };
}

async function loginShell(
  shell: string | null,
  options: {
    home: string;
    env: Readonly<Record<string, string | undefined>>;
    timeoutMs: number;
    platform: NodeJS.Platform;
  },
): Promise<{ facts: LoginShellFacts; sightings: RawSighting[] }> {
  if (options.platform === 'win32') {
    return {
      facts: { kind: 'skipped', reason: 'not read on Windows (no login shell)' },
      sightings: [],
    };
  }
  if (shell === null || shell.trim() === '') {
    return {
      facts: { kind: 'skipped', reason: 'not read: no login shell is known ($SHELL is not set)' },
      sightings: [],
    };
  }
  const { home, env, timeoutMs } = options;
  const result = await readLoginShellEnv({ shell, home, env, timeoutMs });
  const facts = shellFacts(shell, options.home, result, options.timeoutMs);
  const sightings =
    result.kind === 'read' && facts.kind === 'read'
      ? sightingsFromEnv(result.env, { kind: 'login-shell', shell: facts.shell })
      : [];
  return { facts, sightings };
}

/**
 * Gathers everything the route decision needs: this process's environment, the login shell's
 * (bounded by a timeout), shell startup files, Claude settings files, `~/.claude.json` and
 * `.credentials.json`. Values are described, never kept: an API key only as its approval.
 */
export async function gatherRouteFacts(options: CheckRouteOptions = {}): Promise<RouteFacts> {
  const env = options.env ?? process.env;
  const home = options.home ?? env.HOME ?? homedir();
  const platform = options.platform ?? process.platform;
  const shell = options.shell === undefined ? (env.SHELL ?? accountShell()) : options.shell;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS;
  const configDirs = claudeConfigDirs({ env, platform, home });
  const customConfigDir = (env.CLAUDE_CONFIG_DIR ?? '').trim() !== '';
  const [shellRead, startup, settings, login] = await Promise.all([
    loginShell(shell, { home, env, timeoutMs, platform }),
    scanStartupFiles({ home, env }),
    readClaudeSettings({ home, cwd: options.cwd ?? process.cwd(), configDirs }),
    readClaudeLogin({ home, configDirs, customConfigDir }),
  ]);
  const processPlace = {
    kind: 'process',
    label: options.processLabel ?? 'current environment',
  } as const;
  const raw = [
    ...settings.sightings,
    ...sightingsFromEnv(routeEnvFrom(env), processPlace),
    ...shellRead.sightings,
    ...startup.sightings,
  ];
  return {
    sightings: raw.map((sighting) => withApproval(sighting, login.approvals)),
    helpers: settings.helpers,
    login: login.login,
    loginShell: shellRead.facts,
    problems: [...settings.problems, ...login.problems, ...startup.problems],
    shell: shell === null ? null : displayPath(shell, home),
  };
}

/** Which account Claude Code bills right now, with evidence and the steps back to the subscription. */
export async function checkRoute(options: CheckRouteOptions = {}): Promise<RouteReport> {
  return buildRouteReport(await gatherRouteFacts(options));
}

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { baseEnv, runCli, type CliRun } from '../../../support/cli';

/** The fake key every route test plants; it must never appear in any output. */
export const FAKE_KEY = 'sk-ant-api03-test-key-value-1234';
/** Its last 20 characters, as Claude Code records an approved key. */
export const FAKE_KEY_TAIL = FAKE_KEY.slice(-20);
/** Another fake credential, for tokens. */
export const FAKE_TOKEN = 'sk-ant-oat01-test-token-abc';

/** Writes a file under `root`, creating its folders. */
export function put(root: string, path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

/** Writes an executable `#!/bin/sh` script (a fake login shell). */
export function script(root: string, path: string, body: string): string {
  const full = put(root, path, `#!/bin/sh\n${body}\n`);
  chmodSync(full, 0o755);
  return full;
}

/** A `~/.claude.json` with a claude.ai login for the given plan fields, and optional approvals. */
export function claudeJson(
  account: Record<string, string> | null,
  approved: readonly string[] = [],
  rejected: readonly string[] = [],
): string {
  return JSON.stringify({
    numStartups: 12,
    ...(account === null ? {} : { oauthAccount: { accountUuid: 'acc-1', ...account } }),
    customApiKeyResponses: { approved, rejected },
  });
}

/** The account fields of a Max 5x subscriber. */
export const MAX_5X = {
  emailAddress: 'jane@example.com',
  organizationType: 'claude_max',
  organizationRateLimitTier: 'default_claude_max_5x',
  billingType: 'stripe_subscription',
};

/** Runs the built `pacewatch route …` in `<home>/proj` with HOME, SHELL and extra variables set. */
export function runRoute(
  home: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  mkdirSync(join(home, 'proj'), { recursive: true });
  return runCli(['route', ...args], {
    cwd: join(home, 'proj'),
    env: { ...baseEnv(), HOME: home, SHELL: '/bin/bash', ...env },
  });
}

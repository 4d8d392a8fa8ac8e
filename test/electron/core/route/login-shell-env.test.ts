import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLoginShellEnv } from '../../../../electron/core/route/login-shell-env';
import type { LoginShellResult } from '../../../../electron/core/route/login-shell-env';
import { useTempDir } from '../../../support/temp-dir';
import { FAKE_KEY, put, script } from './route-fixtures';

const tempDir = useTempDir('pacewatch-route-shell-');
const baseEnv = { PATH: process.env.PATH };

/** The result with values revealed as "set" markers, so assertions never hold a key. */
function names(result: LoginShellResult): unknown {
  if (result.kind !== 'read') return result;
  return Object.fromEntries(
    Object.entries(result.env).map(([name, value]) => [
      name,
      value.reveal() === FAKE_KEY ? 'the fake key' : value.reveal(),
    ]),
  );
}

describe('readLoginShellEnv', () => {
  it("reads what a real bash login shell's startup files export, and nothing else", async () => {
    const home = tempDir();
    put(
      home,
      '.bash_profile',
      `echo "welcome back"\nexport ANTHROPIC_API_KEY=${FAKE_KEY}\nexport CLAUDE_CODE_USE_BEDROCK=1\nexport OTHER_SECRET=zzz\n`,
    );
    const result = await readLoginShellEnv({
      shell: '/bin/bash',
      home,
      env: baseEnv,
      timeoutMs: 10_000,
    });
    expect(names(result)).toEqual({
      ANTHROPIC_API_KEY: 'the fake key',
      CLAUDE_CODE_USE_BEDROCK: '1',
    });
  });

  it('does not report a variable the caller had but the startup files do not set', async () => {
    const home = tempDir();
    const result = await readLoginShellEnv({
      shell: '/bin/bash',
      home,
      env: { ...baseEnv, ANTHROPIC_AUTH_TOKEN: 'from-the-app' },
      timeoutMs: 10_000,
    });
    expect(names(result)).toEqual({});
  });

  it('gives up on a shell that hangs, within the timeout, and kills it', async () => {
    const home = tempDir();
    const marker = join(home, 'still-running');
    // A startup file that starts a background job and then blocks.
    const shell = script(home, 'bin/slow-shell', `(sleep 1; touch "${marker}") &\nsleep 30`);
    const started = Date.now();
    const result = await readLoginShellEnv({ shell, home, env: baseEnv, timeoutMs: 300 });
    const elapsed = Date.now() - started;
    expect(result).toEqual({ kind: 'timeout' });
    expect(elapsed).toBeLessThan(2_000);
    // The whole process group was killed, background job included: the marker never appears.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(() => readFileSync(marker)).toThrow();
  });

  it('says why when the shell exits without printing its environment', async () => {
    const home = tempDir();
    const shell = script(home, 'bin/broken-shell', 'echo "zsh: bad option"; exit 3');
    const result = await readLoginShellEnv({ shell, home, env: baseEnv, timeoutMs: 5_000 });
    expect(result).toEqual({
      kind: 'failed',
      reason: 'it exited with code 3 before printing its environment',
    });
  });

  it('says why when the shell does not exist', async () => {
    const home = tempDir();
    const result = await readLoginShellEnv({
      shell: join(home, 'no-such-shell'),
      home,
      env: baseEnv,
      timeoutMs: 5_000,
    });
    expect(result).toEqual({ kind: 'failed', reason: 'could not start it: ENOENT' });
  });

  it('passes no secret in argv: only -ilc and a fixed script', async () => {
    const home = tempDir();
    const argvFile = join(home, 'argv');
    const shell = script(
      home,
      'bin/recording-shell',
      `printf '%s\\n' "$@" > "${argvFile}"\nexec /bin/sh -c "$2"`,
    );
    put(home, '.profile', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    await readLoginShellEnv({
      shell,
      home,
      env: { ...baseEnv, ANTHROPIC_API_KEY: FAKE_KEY },
      timeoutMs: 5_000,
    });
    const argv = readFileSync(argvFile, 'utf8');
    expect(argv.startsWith('-ilc\n')).toBe(true);
    expect(argv).not.toContain(FAKE_KEY);
    expect(argv).not.toContain('ANTHROPIC');
  });
});

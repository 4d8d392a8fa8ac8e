import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliRun } from '../../support/cli';
import { useTempDir } from '../../support/temp-dir';
import {
  FAKE_KEY,
  FAKE_KEY_TAIL,
  MAX_5X,
  claudeJson,
  put,
  runRoute,
  script,
} from '../core/route/route-fixtures';

const tempDir = useTempDir('pacewatch-route-cli-');

/** A fixture home with a project folder to run in. */
function home(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'proj'));
  return dir;
}

function expectNoKey(run: CliRun): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain(FAKE_KEY);
    expect(text).not.toContain(FAKE_KEY_TAIL);
  }
}

describe('pacewatch route (subprocess)', () => {
  it('prints the JSON contract for a key exported in ~/.zshrc, and exits 0', async () => {
    const dir = home();
    put(dir, '.zshrc', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    const run = await runRoute(dir, ['--json']);
    expectNoKey(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      route: 'api-key',
      plan: 'Max',
      evidence: [
        {
          source: '~/.zshrc:1',
          detail:
            'exports ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
        },
        {
          source: '~/.claude.json',
          detail:
            'records a claude.ai login (j…@example.com): Max (organization type claude_max, rate-limit tier default_claude_max_5x, billing stripe_subscription)',
        },
        {
          source: 'login shell (/bin/bash)',
          detail: 'sets none of the variables that change the route',
        },
      ],
      fix: [
        'In ~/.zshrc, delete line 1 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
        'In every open terminal run `unset ANTHROPIC_API_KEY` (or close them and open new ones), and restart editors started from a terminal that had it.',
        'Run `claude logout`, then `claude login` and sign in with the claude.ai account that has your Max plan.',
        'Start `claude` and run `/status`: it should show your claude.ai login (Max), not an API key, token or cloud provider.',
      ],
    });
  });

  it("prints a headline, evidence and numbered steps for the terminal's own key", async () => {
    const dir = home();
    put(dir, '.bash_profile', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    // Wide enough that no line wraps (the 80-column layout has its own test).
    const run = await runRoute(dir, [], { ANTHROPIC_API_KEY: FAKE_KEY, COLUMNS: '200' });
    expectNoKey(run);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 7)).toEqual([
      'Claude Code bills your API key (ANTHROPIC_API_KEY), not your Max subscription.',
      '',
      'Evidence:',
      '  this terminal            has ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
      '  login shell (/bin/bash)  sets ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
      '  ~/.bash_profile:1        exports ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
      '  ~/.claude.json           records a claude.ai login (j…@example.com): Max (organization type claude_max, rate-limit tier default_claude_max_5x, billing stripe_subscription)',
    ]);
    expect(run.stdout).toContain(
      '\nTo go back to your subscription:\n  1. In ~/.bash_profile, delete line 1 (it exports ANTHROPIC_API_KEY), or comment it out with #.\n',
    );
  });

  it('puts a key exported in ~/.bashrc without a login in the headline, the steps, and 80 columns', async () => {
    const dir = home();
    put(dir, '.bashrc', `# keys\nexport ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    const run = await runRoute(dir, [], { COLUMNS: '80' });
    expectNoKey(run);
    expect(run.code).toBe(0);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(run.stdout).not.toMatch(/\x1b/); // eslint-disable-line no-control-regex
    expect(run.stdout).toMatchSnapshot();
    const wide = await runRoute(dir, [], { COLUMNS: '160' });
    expect(wide.stdout).toMatchSnapshot();
  });

  it('prints a verdict with exit 0 when nothing at all is set', async () => {
    const run = await runRoute(home(), ['--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      route: 'unknown',
      plan: null,
      fix: [
        'Run `claude login` and sign in with your claude.ai account (Pro or Max).',
        'Start `claude` and run `/status`: it should show your claude.ai login, not an API key, token or cloud provider.',
      ],
    });
  });

  it('finishes within the 3 s login-shell timeout when the shell hangs, and says so', async () => {
    const dir = home();
    const shell = script(dir, 'bin/slow-shell', 'sleep 60');
    put(dir, '.claude.json', claudeJson(MAX_5X));
    const started = Date.now();
    const run = await runRoute(dir, ['--json'], { SHELL: shell, CLAUDE_CODE_USE_BEDROCK: '1' });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { route: string; evidence: unknown[] };
    expect(json.route).toBe('cloud');
    expect(json.evidence.at(-1)).toEqual({
      source: 'login shell (~/bin/slow-shell)',
      detail:
        'did not answer within 3 s, so its environment was not checked (startup files were still scanned); a slow or interactive startup file can cause this',
    });
  });

  it('explains itself with --help', async () => {
    const run = await runRoute(home(), ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: pacewatch route [options]');
    expect(run.stdout).toContain('--json');
  });
});

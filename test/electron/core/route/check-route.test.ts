import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRoute } from '../../../../electron/core/route/check-route';
import type { CheckRouteOptions } from '../../../../electron/core/route/check-route';
import { formatRouteReport } from '../../../../shared/domain/route/format-route';
import type { RouteReport } from '../../../../shared/domain/route/route-report';
import { routeJson } from '../../../../shared/domain/route/route-report';
import { useTempDir } from '../../../support/temp-dir';
import {
  FAKE_KEY,
  FAKE_KEY_TAIL,
  FAKE_TOKEN,
  MAX_5X,
  claudeJson,
  put,
  script,
} from './route-fixtures';

const tempDir = useTempDir('pacewatch-route-home-');

/** A fixture home with an empty project folder; Claude Code would run in `~/proj`. */
function home(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'proj'));
  return dir;
}

/** The route check over a fixture home, with a real bash as the login shell. */
async function check(
  dir: string,
  env: Record<string, string> = {},
  options: CheckRouteOptions = {},
): Promise<RouteReport> {
  const report = await checkRoute({
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, SHELL: '/bin/bash', ...env },
    cwd: join(dir, 'proj'),
    timeoutMs: 10_000,
    processLabel: 'this terminal',
    platform: 'linux',
    ...options,
  });
  expectNoSecret(report);
  return report;
}

/** No fake credential, nor an API key's approval tail, in the report, its JSON or its text. */
function expectNoSecret(report: RouteReport): void {
  for (const text of [
    JSON.stringify(routeJson(report)),
    JSON.stringify(report),
    formatRouteReport(report),
  ]) {
    expect(text).not.toContain(FAKE_KEY);
    expect(text).not.toContain(FAKE_KEY_TAIL);
    expect(text).not.toContain(FAKE_TOKEN);
  }
}

const LOGIN_LINE = {
  source: '~/.claude.json',
  detail:
    'records a claude.ai login (j…@example.com): Max (organization type claude_max, rate-limit tier default_claude_max_5x, billing stripe_subscription)',
};
const SHELL_NOTHING = {
  source: 'login shell (/bin/bash)',
  detail: 'sets none of the variables that change the route',
};
const BACK_TO_MAX_5X = [
  'Run `claude logout`, then `claude login` and sign in with the claude.ai account that has your Max plan.',
  'Start `claude` and run `/status`: it should show your claude.ai login (Max), not an API key, token or cloud provider.',
];

describe('checkRoute over fixture home directories', () => {
  it('finds an approved key exported in ~/.zshrc and says which line to delete', async () => {
    const dir = home();
    put(dir, '.zshrc', `alias ll='ls -l'\n\nexport ANTHROPIC_API_KEY="${FAKE_KEY}"\n`);
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    expect(await check(dir)).toEqual({
      route: 'api-key',
      plan: 'Max',
      // An export in a startup file gets its own headline (issue 10): that line is the cause.
      headline:
        'Your shell exports ANTHROPIC_API_KEY (~/.zshrc:3), so Claude Code bills that API key, not your Max subscription',
      summary: 'API key (ANTHROPIC_API_KEY), not your subscription',
      evidence: [
        {
          source: '~/.zshrc:3',
          detail:
            'exports ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
        },
        LOGIN_LINE,
        SHELL_NOTHING,
      ],
      fix: [
        'In ~/.zshrc, delete line 3 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
        'In every open terminal run `unset ANTHROPIC_API_KEY` (or close them and open new ones), and restart editors started from a terminal that had it.',
        ...BACK_TO_MAX_5X,
      ],
    });
  });

  it('finds a key in ~/.bashrc that a login shell does not read, and one ~/.bash_profile exports', async () => {
    const dir = home();
    put(dir, '.bashrc', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    put(dir, '.bash_profile', `# login\nexport ANTHROPIC_AUTH_TOKEN=${FAKE_TOKEN}\n`);
    put(dir, '.claude.json', claudeJson(null, [FAKE_KEY_TAIL]));
    const report = await check(dir);
    expect(report.route).toBe('auth-token');
    expect(report.plan).toBeNull();
    expect(report.headline).toBe(
      'Claude Code sends a bearer token (ANTHROPIC_AUTH_TOKEN) to the Anthropic API, not a Claude subscription',
    );
    expect(report.evidence).toEqual([
      {
        source: 'login shell (/bin/bash)',
        detail: 'sets ANTHROPIC_AUTH_TOKEN (a token is set; value not shown)',
      },
      {
        source: '~/.bash_profile:2',
        detail: 'exports ANTHROPIC_AUTH_TOKEN (a token is set; value not shown)',
      },
      {
        source: '~/.bashrc:1',
        detail:
          'exports ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
      },
      { source: '~/.claude.json', detail: 'records no claude.ai login (no oauthAccount)' },
    ]);
    expect(report.fix).toEqual([
      'In ~/.bash_profile, delete line 2 (it exports ANTHROPIC_AUTH_TOKEN), or comment it out with #.',
      'In ~/.bashrc, delete line 1 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
      'In every open terminal run `unset ANTHROPIC_AUTH_TOKEN ANTHROPIC_API_KEY` (or close them and open new ones), and restart editors started from a terminal that had it.',
      // No login recorded, so nothing to log out of first.
      'Run `claude login` and sign in with your claude.ai account (Pro or Max).',
      'Start `claude` and run `/status`: it should show your claude.ai login, not an API key, token or cloud provider.',
    ]);
  });

  it('follows a file ~/.zshrc sources, one level deep', async () => {
    const dir = home();
    put(dir, '.zshrc', '[ -f ~/.secrets.sh ] && source ~/.secrets.sh\n');
    put(dir, '.secrets.sh', `# keys\nexport ANTHROPIC_API_KEY='${FAKE_KEY}'\n`);
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    const report = await check(dir);
    expect(report.route).toBe('api-key');
    expect(report.evidence[0]).toEqual({
      source: '~/.secrets.sh:2',
      detail:
        'exports ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
    });
  });

  it("reads fish's set -gx in config.fish", async () => {
    const dir = home();
    put(
      dir,
      '.config/fish/config.fish',
      'if status is-interactive\n  set -gx CLAUDE_CODE_USE_VERTEX 1\nend\n',
    );
    put(dir, '.claude.json', claudeJson(MAX_5X));
    const report = await check(dir, { SHELL: '/bin/bash' }, { shell: '/bin/bash' });
    expect(report.route).toBe('cloud');
    expect(report.evidence[0]).toEqual({
      source: '~/.config/fish/config.fish:2',
      detail: 'exports CLAUDE_CODE_USE_VERTEX=1 (routes Claude Code to Google Vertex AI)',
    });
  });

  it('finds an API key in a project settings env block', async () => {
    const dir = home();
    put(
      dir,
      'proj/.claude/settings.json',
      JSON.stringify({ env: { ANTHROPIC_API_KEY: FAKE_KEY } }),
    );
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    expect(await check(dir)).toMatchObject({
      route: 'api-key',
      evidence: [
        {
          source: '~/proj/.claude/settings.json',
          detail:
            'sets ANTHROPIC_API_KEY in its "env" block (a key is set; value not shown); Claude Code approved this key',
        },
        LOGIN_LINE,
        SHELL_NOTHING,
      ],
      fix: [
        'In ~/proj/.claude/settings.json, remove "ANTHROPIC_API_KEY" from the "env" block.',
        ...BACK_TO_MAX_5X,
      ],
    });
  });

  it('finds apiKeyHelper in ~/.claude/settings.json without running it', async () => {
    const dir = home();
    const marker = join(dir, 'helper-ran');
    put(
      dir,
      '.claude/settings.json',
      JSON.stringify({ apiKeyHelper: `touch ${marker}; echo ${FAKE_KEY}` }),
    );
    put(dir, '.claude.json', claudeJson(MAX_5X));
    expect(await check(dir)).toMatchObject({
      route: 'api-key-helper',
      headline:
        'Claude Code bills the API key from apiKeyHelper (~/.claude/settings.json), not your Max subscription',
      evidence: [
        {
          source: '~/.claude/settings.json',
          detail: 'sets "apiKeyHelper" (a command that prints an API key; not run)',
        },
        LOGIN_LINE,
        SHELL_NOTHING,
      ],
      fix: ['In ~/.claude/settings.json, remove the "apiKeyHelper" entry.', ...BACK_TO_MAX_5X],
    });
  });

  it.each([
    [{ organizationType: 'claude_pro', organizationRateLimitTier: 'default_claude_ai' }, 'Pro'],
    [{ organizationType: 'claude_max', organizationRateLimitTier: 'default_claude_max_5x' }, 'Max'],
    [
      { organizationType: 'claude_max', organizationRateLimitTier: 'default_claude_max_20x' },
      'Ultra',
    ],
  ])(
    'bills the subscription login and names the plan from oauthAccount %j',
    async (account, plan) => {
      const dir = home();
      put(dir, '.claude.json', claudeJson({ emailAddress: 'jane@example.com', ...account }));
      const report = await check(dir);
      expect(report).toMatchObject({
        route: 'subscription',
        plan,
        headline: `Claude Code bills your ${plan} subscription (claude.ai login)`,
        fix: [],
      });
    },
  );

  it('says unknown when ~/.claude.json has no oauthAccount and nothing else is set', async () => {
    const dir = home();
    put(dir, '.claude.json', claudeJson(null));
    const report = await check(dir);
    expect(report.route).toBe('unknown');
    expect(report.evidence[0]).toEqual({
      source: '~/.claude.json',
      detail: 'records no claude.ai login (no oauthAccount)',
    });
  });

  it('names the plan from .credentials.json, noting only that a token is stored', async () => {
    const dir = home();
    put(
      dir,
      '.claude/.credentials.json',
      JSON.stringify({
        claudeAiOauth: {
          accessToken: FAKE_TOKEN,
          refreshToken: 'sk-ant-ort01-test-refresh-abc',
          expiresAt: 1768384301294,
          subscriptionType: 'max',
          rateLimitTier: 'default_claude_max_20x',
        },
      }),
    );
    const report = await check(dir);
    expect(report.route).toBe('subscription');
    expect(report.plan).toBe('Ultra');
    expect(JSON.stringify(report)).not.toContain('sk-ant-ort01');
  });

  it('uses an approved key from the terminal, and keeps the subscription for an unapproved one', async () => {
    const dir = home();
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    const approved = await check(dir, { ANTHROPIC_API_KEY: FAKE_KEY });
    expect(approved.route).toBe('api-key');
    expect(approved.evidence[0]).toEqual({
      source: 'this terminal',
      detail:
        'has ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
    });

    put(dir, '.claude.json', claudeJson(MAX_5X, ['-some-other-key-0000']));
    const waiting = await check(dir, { ANTHROPIC_API_KEY: FAKE_KEY });
    expect(waiting.route).toBe('subscription');
    expect(waiting.evidence[0]).toEqual({
      source: 'this terminal',
      detail:
        'has ANTHROPIC_API_KEY (a key is set; value not shown); not approved in Claude Code: it asks before using it (`claude -p` uses it without asking)',
    });
  });

  it('routes to Bedrock when CLAUDE_CODE_USE_BEDROCK=1, above an approved key', async () => {
    const dir = home();
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    const report = await check(dir, { CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_API_KEY: FAKE_KEY });
    expect(report).toMatchObject({
      route: 'cloud',
      headline:
        'Claude Code bills Amazon Bedrock (CLAUDE_CODE_USE_BEDROCK), not your Max subscription',
      fix: [
        'In every open terminal run `unset CLAUDE_CODE_USE_BEDROCK ANTHROPIC_API_KEY` (or close them and open new ones), and restart editors started from a terminal that had it.',
        ...BACK_TO_MAX_5X,
      ],
    });
    expect(report.evidence[0]).toEqual({
      source: 'this terminal',
      detail: 'has CLAUDE_CODE_USE_BEDROCK=1 (routes Claude Code to Amazon Bedrock)',
    });
  });

  it('finds ANTHROPIC_AUTH_TOKEN and CLAUDE_CODE_OAUTH_TOKEN in the environment', async () => {
    const dir = home();
    put(dir, '.claude.json', claudeJson(MAX_5X));
    expect((await check(dir, { ANTHROPIC_AUTH_TOKEN: FAKE_TOKEN })).route).toBe('auth-token');
    const oauth = await check(dir, { CLAUDE_CODE_OAUTH_TOKEN: FAKE_TOKEN });
    expect(oauth.route).toBe('oauth-token');
    expect(oauth.evidence[0]).toEqual({
      source: 'this terminal',
      detail: 'has CLAUDE_CODE_OAUTH_TOKEN (a token is set; value not shown)',
    });
  });

  it('says unknown with nothing at all, and tells the user to run claude login', async () => {
    const dir = home();
    expect(await check(dir)).toEqual({
      route: 'unknown',
      plan: null,
      headline:
        'Pacewatch could not tell which account Claude Code bills: no login, key or token was found',
      summary: 'Unknown: no login found',
      evidence: [
        {
          source: '~/.claude.json',
          detail: 'not found: Claude Code has recorded no login for this user',
        },
        SHELL_NOTHING,
      ],
      fix: [
        'Run `claude login` and sign in with your claude.ai account (Pro or Max).',
        'Start `claude` and run `/status`: it should show your claude.ai login, not an API key, token or cloud provider.',
      ],
    });
  });

  it('reports malformed settings and ~/.claude.json instead of failing', async () => {
    const dir = home();
    put(dir, '.claude/settings.json', `{ "env": { "ANTHROPIC_API_KEY": "${FAKE_KEY}", } `);
    put(dir, 'proj/.claude/settings.local.json', '[1, 2');
    put(dir, '.claude.json', '{"oauthAccount": ');
    put(dir, '.zshrc', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    const report = await check(dir);
    // Without ~/.claude.json the approvals are unknown, so the exported key may be in use.
    expect(report.route).toBe('api-key');
    expect(report.evidence).toEqual([
      {
        source: '~/.zshrc:1',
        detail:
          'exports ANTHROPIC_API_KEY (a key is set; value not shown); Pacewatch could not tell whether Claude Code approved it',
      },
      {
        source: '~/.claude.json',
        detail: 'is not valid JSON, so the login and the approved API keys could not be read',
      },
      SHELL_NOTHING,
      {
        source: '~/proj/.claude/settings.local.json',
        detail: 'is not valid JSON, so Pacewatch skipped it; fix its syntax',
      },
      {
        source: '~/.claude/settings.json',
        detail: 'is not valid JSON, so Pacewatch skipped it; fix its syntax',
      },
    ]);
  });

  it('reads ~/.claude.json and settings from CLAUDE_CONFIG_DIR when it is set', async () => {
    const dir = home();
    put(dir, 'work-claude/.claude.json', claudeJson(MAX_5X));
    put(dir, 'work-claude/settings.json', JSON.stringify({ apiKeyHelper: '/usr/local/bin/key' }));
    put(dir, '.claude.json', claudeJson({ organizationType: 'claude_pro' }));
    const report = await check(dir, { CLAUDE_CONFIG_DIR: join(dir, 'work-claude') });
    expect(report.route).toBe('api-key-helper');
    expect(report.plan).toBe('Max');
    expect(report.evidence[0]?.source).toBe('~/work-claude/settings.json');
  });

  it('says when the login shell hangs, scans the files anyway, and returns in bounded time', async () => {
    const dir = home();
    const shell = script(dir, 'bin/slow-shell', 'sleep 30');
    put(dir, '.zshrc', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    put(dir, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    const started = Date.now();
    const report = await check(dir, { SHELL: shell }, { timeoutMs: 400 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(report.route).toBe('api-key');
    expect(report.evidence.at(-1)).toEqual({
      source: 'login shell (~/bin/slow-shell)',
      detail:
        'did not answer within 400 ms, so its environment was not checked (startup files were still scanned); a slow or interactive startup file can cause this',
    });
  });
});

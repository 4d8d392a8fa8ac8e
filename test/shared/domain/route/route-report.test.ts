import { describe, expect, it } from 'vitest';
import type { RouteFacts } from '../../../../shared/domain/route/route-facts';
import { buildRouteReport, routeJson } from '../../../../shared/domain/route/route-report';
import {
  MAX_5X_ACCOUNT,
  loginFacts,
  places,
  routeFacts,
  secretAt,
  switchAt,
} from './route-factories';

const withLogin = (overrides: Partial<RouteFacts>): RouteFacts =>
  routeFacts({ login: loginFacts({ account: MAX_5X_ACCOUNT }), ...overrides });

const USER_HELPER = { file: '~/.claude/settings.json', scope: 'user' } as const;

describe('the billing route follows Claude Code precedence, first match wins', () => {
  const everything = [
    switchAt('CLAUDE_CODE_USE_BEDROCK', '1', places.terminal),
    secretAt('ANTHROPIC_AUTH_TOKEN', places.terminal),
    secretAt('ANTHROPIC_API_KEY', places.terminal, 'approved'),
    secretAt('CLAUDE_CODE_OAUTH_TOKEN', places.terminal),
  ];
  const without = (...variables: string[]) =>
    everything.filter((sighting) => !variables.includes(sighting.variable));

  it.each([
    ['a cloud switch beats everything', without(), [USER_HELPER], 'cloud'],
    ['then ANTHROPIC_AUTH_TOKEN', without('CLAUDE_CODE_USE_BEDROCK'), [USER_HELPER], 'auth-token'],
    [
      'then an approved ANTHROPIC_API_KEY',
      without('CLAUDE_CODE_USE_BEDROCK', 'ANTHROPIC_AUTH_TOKEN'),
      [USER_HELPER],
      'api-key',
    ],
    [
      'then apiKeyHelper',
      without('CLAUDE_CODE_USE_BEDROCK', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'),
      [USER_HELPER],
      'api-key-helper',
    ],
    [
      'then CLAUDE_CODE_OAUTH_TOKEN',
      without('CLAUDE_CODE_USE_BEDROCK', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'),
      [],
      'oauth-token',
    ],
    ['then the subscription login', [], [], 'subscription'],
  ] as const)('%s', (_name, sightings, helpers, route) => {
    expect(buildRouteReport(withLogin({ sightings, helpers })).route).toBe(route);
  });

  it('says unknown when there is no login, key or token at all', () => {
    expect(buildRouteReport(routeFacts()).route).toBe('unknown');
  });

  it('checks Bedrock, then Vertex, then Foundry', () => {
    const report = buildRouteReport(
      withLogin({
        sightings: [
          switchAt('CLAUDE_CODE_USE_FOUNDRY', '1', places.terminal),
          switchAt('CLAUDE_CODE_USE_VERTEX', 'true', places.terminal),
        ],
      }),
    );
    expect(report.headline).toBe(
      'Claude Code bills Google Vertex AI (CLAUDE_CODE_USE_VERTEX), not your Max subscription',
    );
  });

  it('ignores a cloud switch set to 0', () => {
    const facts = withLogin({
      sightings: [switchAt('CLAUDE_CODE_USE_BEDROCK', '0', places.terminal)],
    });
    const report = buildRouteReport(facts);
    expect(report.route).toBe('subscription');
    expect(report.evidence[0]).toEqual({
      source: 'this terminal',
      detail: 'has CLAUDE_CODE_USE_BEDROCK=0 (off)',
    });
  });
});

describe('ANTHROPIC_API_KEY only wins once Claude Code approved it', () => {
  it('keeps the subscription while a key waits for approval, and removes the key `claude -p` bills', () => {
    const report = buildRouteReport(
      withLogin({ sightings: [secretAt('ANTHROPIC_API_KEY', places.zshrc(12), 'not-approved')] }),
    );
    expect(report.route).toBe('subscription');
    expect(report.evidence[0]).toEqual({
      source: '~/.zshrc:12',
      detail:
        'exports ANTHROPIC_API_KEY (a key is set; value not shown); not approved in Claude Code: it asks before using it (`claude -p` uses it without asking)',
    });
    // `claude -p` bills the key without asking: never "Nothing to change." (issue 10).
    expect(report.headline).toBe(
      'Claude Code bills your Max subscription (claude.ai login) in interactive sessions, but `claude -p` bills the API key in ANTHROPIC_API_KEY (~/.zshrc:12) without asking',
    );
    expect(report.fix).toEqual([
      'In ~/.zshrc, delete line 12 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
      'In every open terminal run `unset ANTHROPIC_API_KEY` (or close them and open new ones), and restart editors started from a terminal that had it.',
    ]);
  });

  it('names the plan from userRateLimitTier when the organization tier names none', () => {
    const report = buildRouteReport(
      routeFacts({
        login: loginFacts({
          account: {
            email: null,
            organizationType: null,
            rateLimitTier: 'default_claude_ai',
            userRateLimitTier: 'default_claude_max_20x',
            billingType: null,
          },
        }),
      }),
    );
    expect([report.route, report.plan]).toEqual(['subscription', 'Ultra']);
  });

  it('bills a key exported in ~/.bashrc when there is no login, approved or not, and removes the export', () => {
    const report = buildRouteReport(
      routeFacts({
        sightings: [
          secretAt(
            'ANTHROPIC_API_KEY',
            { kind: 'startup-file', file: '~/.bashrc', line: 7 },
            'not-approved',
          ),
        ],
      }),
    );
    expect(report.route).toBe('api-key');
    expect(report.headline).toBe(
      'Your shell exports ANTHROPIC_API_KEY (~/.bashrc:7), so Claude Code bills that API key, not a Claude subscription',
    );
    expect(report.fix[0]).toBe(
      'In ~/.bashrc, delete line 7 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
    );
  });

  it('keeps the subscription when the user declined the key', () => {
    const report = buildRouteReport(
      withLogin({ sightings: [secretAt('ANTHROPIC_API_KEY', places.terminal, 'rejected')] }),
    );
    expect(report.route).toBe('subscription');
    expect(report.evidence[0]?.detail).toBe(
      'has ANTHROPIC_API_KEY (a key is set; value not shown); declined in Claude Code, so interactive sessions skip it (`claude -p` still uses it)',
    );
  });

  it('assumes the key is used when its approval cannot be told', () => {
    const report = buildRouteReport(
      withLogin({ sightings: [secretAt('ANTHROPIC_API_KEY', places.zshrc(3), 'unknown')] }),
    );
    expect(report.route).toBe('api-key');
  });
});

describe('where a variable is set decides its value', () => {
  it('lets a settings env block that empties the key override the terminal', () => {
    const report = buildRouteReport(
      withLogin({
        sightings: [
          secretAt('ANTHROPIC_API_KEY', places.terminal, 'approved'),
          { variable: 'ANTHROPIC_API_KEY', place: places.localSettings, state: 'empty' },
        ],
      }),
    );
    expect(report.route).toBe('subscription');
    expect(report.evidence.slice(0, 2)).toEqual([
      {
        source: '~/proj/.claude/settings.local.json',
        detail: 'sets ANTHROPIC_API_KEY in its "env" block as an empty value (no effect)',
      },
      {
        source: 'this terminal',
        detail:
          'has ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
      },
    ]);
  });

  it('treats a startup file that unsets the key after exporting it as clearing it', () => {
    const report = buildRouteReport(
      withLogin({
        sightings: [
          secretAt('ANTHROPIC_API_KEY', places.zshrc(3), 'approved'),
          { variable: 'ANTHROPIC_API_KEY', place: places.zshrc(9), state: 'unset' },
        ],
      }),
    );
    expect(report.route).toBe('subscription');
    expect(report.evidence[1]).toEqual({
      source: '~/.zshrc:9',
      detail: 'unsets ANTHROPIC_API_KEY',
    });
  });
});

describe('the report for an API key exported in ~/.zshrc', () => {
  const facts = withLogin({
    sightings: [
      secretAt('ANTHROPIC_API_KEY', places.loginShell, 'approved'),
      secretAt('ANTHROPIC_API_KEY', places.zshrc(12), 'approved'),
      secretAt('ANTHROPIC_API_KEY', places.terminal, 'approved'),
    ],
  });

  it('names the key, the plan it bypasses, every place, and the steps back', () => {
    expect(buildRouteReport(facts)).toEqual({
      route: 'api-key',
      plan: 'Max',
      headline: 'Claude Code bills your API key (ANTHROPIC_API_KEY), not your Max subscription',
      summary: 'API key (ANTHROPIC_API_KEY), not your subscription',
      evidence: [
        {
          source: 'this terminal',
          detail:
            'has ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
        },
        {
          source: 'login shell (/bin/zsh)',
          detail:
            'sets ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
        },
        {
          source: '~/.zshrc:12',
          detail:
            'exports ANTHROPIC_API_KEY (a key is set; value not shown); Claude Code approved this key',
        },
        {
          source: '~/.claude.json',
          detail:
            'records a claude.ai login (j…@example.com): Max (organization type claude_max, rate-limit tier default_claude_max_5x, billing stripe_subscription)',
        },
      ],
      fix: [
        'In ~/.zshrc, delete line 12 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
        'In every open terminal run `unset ANTHROPIC_API_KEY` (or close them and open new ones), and restart editors started from a terminal that had it.',
        'Run `claude logout`, then `claude login` and sign in with the claude.ai account that has your Max plan.',
        'Start `claude` and run `/status`: it should show your claude.ai login (Max), not an API key, token or cloud provider.',
      ],
    });
  });

  it('gives the JSON contract exactly: route, plan, evidence, fix', () => {
    const json = routeJson(buildRouteReport(facts));
    expect(Object.keys(json)).toEqual(['route', 'plan', 'evidence', 'fix']);
  });
});

describe('fix steps', () => {
  it('removes the env entry from the settings file that sets it, and needs no unset', () => {
    const report = buildRouteReport(
      withLogin({ sightings: [secretAt('ANTHROPIC_API_KEY', places.userSettings, 'approved')] }),
    );
    expect(report.fix).toEqual([
      'In ~/.claude/settings.json, remove "ANTHROPIC_API_KEY" from the "env" block.',
      'Run `claude logout`, then `claude login` and sign in with the claude.ai account that has your Max plan.',
      'Start `claude` and run `/status`: it should show your claude.ai login (Max), not an API key, token or cloud provider.',
    ]);
  });

  it('removes apiKeyHelper from the settings file that sets it', () => {
    const report = buildRouteReport(withLogin({ helpers: [USER_HELPER] }));
    expect(report.headline).toBe(
      'Claude Code bills the API key from apiKeyHelper (~/.claude/settings.json), not your Max subscription',
    );
    expect(report.fix[0]).toBe('In ~/.claude/settings.json, remove the "apiKeyHelper" entry.');
  });

  it('clears everything above the subscription, in precedence order, not only the winner', () => {
    const report = buildRouteReport(
      withLogin({
        sightings: [
          secretAt('CLAUDE_CODE_OAUTH_TOKEN', places.zshrc(4), undefined),
          switchAt('CLAUDE_CODE_USE_BEDROCK', '1', places.zshrc(2)),
          secretAt('ANTHROPIC_API_KEY', places.zshrc(3), 'not-approved'),
        ],
      }),
    );
    expect(report.route).toBe('cloud');
    expect(report.fix.slice(0, 4)).toEqual([
      'In ~/.zshrc, delete line 2 (it exports CLAUDE_CODE_USE_BEDROCK), or comment it out with #.',
      'In ~/.zshrc, delete line 3 (it exports ANTHROPIC_API_KEY), or comment it out with #.',
      'In ~/.zshrc, delete line 4 (it exports CLAUDE_CODE_OAUTH_TOKEN), or comment it out with #.',
      'In every open terminal run `unset CLAUDE_CODE_USE_BEDROCK ANTHROPIC_API_KEY CLAUDE_CODE_OAUTH_TOKEN` (or close them and open new ones), and restart editors started from a terminal that had it.',
    ]);
  });

  it("uses fish's set -e for fish users", () => {
    const report = buildRouteReport(
      withLogin({
        shell: '/usr/bin/fish',
        sightings: [secretAt('ANTHROPIC_AUTH_TOKEN', places.terminal)],
      }),
    );
    expect(report.fix[0]).toBe(
      'In every open terminal run `set -e ANTHROPIC_AUTH_TOKEN` (or close them and open new ones), and restart editors started from a terminal that had it.',
    );
  });

  it('says how to find a variable the login shell sets from a file Pacewatch did not scan', () => {
    const report = buildRouteReport(
      withLogin({ sightings: [secretAt('ANTHROPIC_AUTH_TOKEN', places.loginShell)] }),
    );
    expect(report.fix[0]).toBe(
      'Your login shell sets ANTHROPIC_AUTH_TOKEN in a file Pacewatch did not check: find it with `grep -rn ANTHROPIC_AUTH_TOKEN ~/.zshenv ~/.zprofile ~/.zshrc ~/.bash_profile ~/.bashrc ~/.profile ~/.config/fish /etc/environment` and remove that line.',
    );
  });

  it('tells a user with no login at all to run claude login', () => {
    const report = buildRouteReport(routeFacts({ login: loginFacts({ config: 'missing' }) }));
    expect(report).toMatchObject({
      route: 'unknown',
      plan: null,
      headline:
        'Pacewatch could not tell which account Claude Code bills: no login, key or token was found',
      evidence: [
        {
          source: '~/.claude.json',
          detail: 'not found: Claude Code has recorded no login for this user',
        },
        {
          source: 'login shell (/bin/zsh)',
          detail: 'sets none of the variables that change the route',
        },
      ],
      fix: [
        'Run `claude login` and sign in with your claude.ai account (Pro or Max).',
        'Start `claude` and run `/status`: it should show your claude.ai login, not an API key, token or cloud provider.',
      ],
    });
  });
});

describe('other routes', () => {
  it('names the gateway host a bearer token goes to', () => {
    const report = buildRouteReport(
      withLogin({
        sightings: [
          secretAt('ANTHROPIC_AUTH_TOKEN', places.terminal),
          {
            variable: 'ANTHROPIC_BASE_URL',
            place: places.terminal,
            state: 'set',
            host: 'gw.example.com',
          },
        ],
      }),
    );
    expect(report.headline).toBe(
      'Claude Code sends a bearer token (ANTHROPIC_AUTH_TOKEN) to gw.example.com, not your Max subscription',
    );
    expect(report.evidence.at(-2)).toEqual({
      source: 'this terminal',
      detail: 'has ANTHROPIC_BASE_URL (points Claude Code at gw.example.com)',
    });
    expect(report.fix[0]).toBe(
      'In every open terminal run `unset ANTHROPIC_AUTH_TOKEN ANTHROPIC_BASE_URL` (or close them and open new ones), and restart editors started from a terminal that had it.',
    );
  });

  it('says a long-lived OAuth token is not your own login', () => {
    const report = buildRouteReport(
      withLogin({ sightings: [secretAt('CLAUDE_CODE_OAUTH_TOKEN', places.terminal)] }),
    );
    expect(report.route).toBe('oauth-token');
    expect(report.headline).toBe(
      'Claude Code signs in with a long-lived token (CLAUDE_CODE_OAUTH_TOKEN), not your own claude.ai login',
    );
    expect(report.evidence[0]?.detail).toBe(
      'has CLAUDE_CODE_OAUTH_TOKEN (a token is set; value not shown)',
    );
  });

  it('bills a Console login that stored an API key as an API key', () => {
    const report = buildRouteReport(routeFacts({ login: loginFacts({ consoleApiKey: true }) }));
    expect(report.route).toBe('api-key');
    expect(report.headline).toBe(
      'Claude Code bills your Anthropic Console account (an API key from a Console login), not a Claude subscription',
    );
    expect(report.fix).toEqual([
      'Run `claude logout`, then `claude login` and sign in with your claude.ai account (Pro or Max).',
      'Start `claude` and run `/status`: it should show your claude.ai login, not an API key, token or cloud provider.',
    ]);
  });

  it('names the plan from the stored sign-in when ~/.claude.json has no account', () => {
    const report = buildRouteReport(
      routeFacts({
        login: loginFacts({
          credentials: {
            file: '~/.claude/.credentials.json',
            subscriptionType: 'max',
            rateLimitTier: 'default_claude_max_20x',
            hasToken: true,
          },
        }),
      }),
    );
    expect(report.route).toBe('subscription');
    expect(report.plan).toBe('Ultra');
    expect(report.headline).toBe('Claude Code bills your Ultra subscription (claude.ai login)');
    expect(report.evidence).toContainEqual({
      source: '~/.claude/.credentials.json',
      detail:
        'holds a claude.ai sign-in: Ultra (subscription max, rate-limit tier default_claude_max_20x, a token is stored; value not shown)',
    });
  });
});

describe('evidence about the check itself', () => {
  it('says when the login shell timed out', () => {
    const report = buildRouteReport(
      withLogin({ loginShell: { kind: 'timeout', shell: '/bin/zsh', timeoutMs: 3000 } }),
    );
    expect(report.evidence.at(-1)).toEqual({
      source: 'login shell (/bin/zsh)',
      detail:
        'did not answer within 3 s, so its environment was not checked (startup files were still scanned); a slow or interactive startup file can cause this',
    });
  });

  it('names a malformed settings file', () => {
    const report = buildRouteReport(
      withLogin({ problems: [{ file: '~/.claude/settings.json', kind: 'malformed' }] }),
    );
    expect(report.evidence.at(-1)).toEqual({
      source: '~/.claude/settings.json',
      detail: 'is not valid JSON, so Pacewatch skipped it; fix its syntax',
    });
  });
});

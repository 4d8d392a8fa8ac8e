import { describe, expect, it } from 'vitest';
import {
  cloudflareChallengeHtml,
  expiredTokenError,
  invalidTokenError,
  overloadedError,
  rateLimitError,
  scopeError,
  serverError,
} from '../../fakes/usage-bodies';
import type { FakeReply } from '../../fakes/anthropic-api';
import { widthOf } from '../../../electron/cli/terminal/text';
import { runCli } from '../../support/cli';
import { tokenLeaks, useCliWorld } from '../../support/cli-world';
import { EXPECTED_USAGE } from '../core/sources/usage-response/expected-usage';

const HOUR = 3_600_000;
const newWorld = useCliWorld();

/** The reset times the fake reports, on whole hours ahead, with server-style microseconds. */
const sessionReset = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
const weekReset = sessionReset + 70 * HOUR;
const micro = (at: number) => `${new Date(at).toISOString().slice(0, 19)}.282668+00:00`;
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

function usageBody(session = 42.5): object {
  return {
    five_hour: { utilization: session, resets_at: micro(sessionReset) },
    seven_day: { utilization: 61, resets_at: micro(weekReset) },
    seven_day_opus: null,
    extra_usage: {
      is_enabled: true,
      monthly_limit: 2050,
      used_credits: 325,
      utilization: 15.85,
      currency: 'USD',
    },
    limits: [
      {
        kind: 'weekly_scoped',
        percent: 73,
        resets_at: micro(weekReset),
        scope: { model: { display_name: 'Opus' } },
      },
    ],
    seven_day_omelette: { utilization: 3 },
  };
}

const goodWindows = [
  {
    id: 'five_hour',
    label: 'Session',
    utilization: 42.5,
    resetsAt: iso(sessionReset + 282),
    projectedLockoutAt: null,
    binding: false,
  },
  {
    id: 'seven_day',
    label: 'Week',
    utilization: 61,
    resetsAt: iso(weekReset + 282),
    projectedLockoutAt: null,
    binding: false,
  },
  {
    id: 'seven_day_design',
    label: 'Claude Design',
    utilization: 3,
    resetsAt: null,
    projectedLockoutAt: null,
    binding: false,
  },
  {
    id: 'seven_day_opus',
    label: 'Week · Opus',
    utilization: 73,
    resetsAt: iso(weekReset + 282),
    projectedLockoutAt: null,
    binding: true,
  },
];

describe('pacewatch status (subprocess, loopback fake API)', () => {
  it('prints the JSON contract for a full usage answer', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody() });
    const before = Date.now();
    const run = await world.run(['status', '--json']);
    const json = JSON.parse(run.stdout) as { fetchedAt: string };
    expect(run.code).toBe(0);
    expect(Date.parse(json.fetchedAt)).toBeGreaterThanOrEqual(before);
    expect(json).toEqual({
      source: 'oauth',
      fetchedAt: json.fetchedAt,
      stale: false,
      error: null,
      windows: goodWindows,
      extraUsage: { enabled: true, used: 3.25, limit: 20.5, currency: 'USD' },
      bankedResets: [],
    });
    expect(run.stderr).toBe(`pacewatch: Using PACEWATCH_ANTHROPIC_URL=${world.api.url}\n`);
    expect(world.api.requests).toHaveLength(1);
    expect(world.api.requests[0]?.headers['user-agent']).toMatch(
      /^claude-cli\/.* \(external, cli\)$/,
    );
  });

  it('prints a table a person can read', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody() });
    const run = await world.run(['status']);
    expect(run.code).toBe(0);
    const expected = [
      /^Claude usage · Claude Code login \(oauth\) · updated just now$/,
      // The Claude Design window (seven_day_omelette) widens the label column to 15.
      /^ {2}Session {9}42\.5% {2}█{7}░{9} {2}resets in 2 h( \d+ m)? \(\d\d:00\)$/,
      /^ {2}Week {14}61% {2}█{10}░{6} {2}resets \w{3} \d\d:00 \(in 3 d\)$/,
      /^ {17}\d+ points ahead of an even pace$/,
      /^ {2}Claude Design {6}3% {2}░{16} {2}reset time unknown$/,
      /^▸ Week · Opus {7}73% {2}█{12}░{4} {2}resets \w{3} \d\d:00 \(in 3 d\)$/,
      /^ {17}\d+ points ahead of an even pace$/,
      /^ {2}Extra usage {4}\$3\.25 of \$20\.50$/,
      // Said once per command, not under every window (issue 10), and the mark explained; piped
      // output is wrapped at 120 columns (electron/cli/terminal/terminal.ts DEFAULT_COLUMNS).
      /^ {2}Not enough readings yet to project a lockout: Pacewatch needs 3 in the recent part of a window \(keep `pacewatch watch`$/,
      /^ {2}or the app running\)\.$/,
      /^ {2}▸ the binding limit: the one that would lock you out first\.$/,
      /^$/,
    ];
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, index) => {
      expect(line).toMatch(expected[index] ?? /^$/);
    });
  });

  it('colours by level only when asked: FORCE_COLOR on, --no-color and NO_COLOR off, piped plain', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody(80) });
    const piped = await world.run(['status']);
    expect(piped.stdout).not.toMatch(/\x1b/); // eslint-disable-line no-control-regex
    const forced = await runCli(['status'], { env: { ...world.env, FORCE_COLOR: '1' } });
    // 80 % is a warning (yellow), the Opus week at 73 % too; 3 % is normal (green).
    expect(forced.stdout).toContain('\x1b[33m80%\x1b[39m');
    expect(forced.stdout).toContain('\x1b[32m3%\x1b[39m');
    const refused = await runCli(['status', '--no-color'], {
      env: { ...world.env, FORCE_COLOR: '1' },
    });
    expect(refused.stdout).toBe(piped.stdout);
    const noColor = await runCli(['status'], {
      env: { ...world.env, FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(noColor.stdout).toBe(piped.stdout);
    // COLUMNS lays it out for an 80-column pane: no line wider, the bars shorter.
    const narrow = await runCli(['status'], { env: { ...world.env, COLUMNS: '80' } });
    for (const line of narrow.stdout.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toMatch(/^▸ Session {11}80% {2}█{6}░{2} {2}resets in/m);
  });

  it.each(EXPECTED_USAGE)('reports $name', async ({ body, windows, extraUsage }) => {
    const world = await newWorld();
    world.api.respond({ body });
    const run = await world.run(['status', '--json']);
    const json = JSON.parse(run.stdout) as {
      windows: { id: string; label: string; utilization: number; resetsAt: string | null }[];
      extraUsage: unknown;
    };
    expect(run.code).toBe(0);
    // The bodies carry reset times of July 2026: a window whose reset time has passed has reset
    // and reads `utilization: 0, resetsAt: null` (docs/PRODUCT.md §2 "One verdict").
    const ranAt = Date.now();
    expect(
      json.windows.map(({ id, label, utilization, resetsAt }) => ({
        id,
        label,
        utilization,
        resetsAt,
      })),
    ).toEqual(
      windows.map((window) => {
        const reset = window.resetsAt !== null && window.resetsAt <= ranAt;
        return {
          id: window.id,
          label: window.label,
          utilization: reset ? 0 : window.utilization,
          resetsAt: reset ? null : iso(window.resetsAt),
        };
      }),
    );
    expect(json.extraUsage).toEqual(
      extraUsage === null
        ? null
        : {
            enabled: extraUsage.enabled,
            used: extraUsage.used,
            limit: extraUsage.limit,
            currency: extraUsage.currency,
          },
    );
  });

  it('reports a window whose reset time has passed as reset: 0 %, no reset time, not binding', async () => {
    const world = await newWorld();
    const passed = Date.now() - 2 * HOUR;
    world.api.respond({
      body: {
        five_hour: { utilization: 99, resets_at: micro(passed) },
        seven_day: { utilization: 61, resets_at: micro(weekReset) },
      },
    });
    const json = await world.run(['status', '--json']);
    expect((JSON.parse(json.stdout) as { windows: unknown }).windows).toEqual([
      {
        id: 'five_hour',
        label: 'Session',
        utilization: 0,
        resetsAt: null,
        projectedLockoutAt: null,
        binding: false,
      },
      {
        id: 'seven_day',
        label: 'Week',
        utilization: 61,
        resetsAt: iso(weekReset + 282),
        projectedLockoutAt: null,
        binding: true,
      },
    ]);
    const text = await world.run(['status']);
    // "reset at 23:45", or "reset at Fri 23:45" when the reset fell before local midnight.
    expect(text.stdout.split('\n')[1]).toMatch(
      /^ {2}Session {9}0% {2}░{16} {2}reset at (?:\w{3} )?\d\d:\d\d — new figures with the next poll$/,
    );
  });

  it('shares one cached snapshot between runs instead of asking again', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody() });
    await world.run(['status', '--json']);
    const second = await world.run(['status', '--json']);
    expect(second.code).toBe(0);
    expect(world.api.requests).toHaveLength(1);
  });

  it('reports an enterprise spend-limit account (no windows) as figures, not an error', async () => {
    const world = await newWorld();
    world.api.respond({
      body: {
        five_hour: null,
        seven_day: null,
        extra_usage: { is_enabled: true, monthly_limit: 0, used_credits: 1234, currency: 'USD' },
      },
    });
    const run = await world.run(['status', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      windows: [],
      error: null,
      extraUsage: { enabled: true, used: 12.34, limit: null, currency: 'USD' },
    });
  });

  const faults: {
    name: string;
    reply: FakeReply;
    kind: string;
    message: (host: string) => string;
    retryInSeconds?: [number, number];
  }[] = [
    {
      name: '401 expired',
      reply: { status: 401, body: expiredTokenError() },
      kind: 'auth',
      message: () =>
        'Your Claude Code sign-in has expired. Run `claude` once to renew it; Pacewatch picks it up by itself.',
    },
    {
      name: '401 invalid',
      reply: { status: 401, body: invalidTokenError() },
      kind: 'auth',
      message: () =>
        "Anthropic rejected Claude Code's sign-in. Run `claude`, then /login, to sign in again.",
    },
    {
      name: '403 scope',
      reply: { status: 403, body: scopeError() },
      kind: 'forbidden',
      message: () =>
        'This Claude Code token can run Claude but cannot read usage: tokens from `claude setup-token` or CLAUDE_CODE_OAUTH_TOKEN lack the user:profile scope. Sign in with `claude` (/login) so Pacewatch can read usage.',
    },
    {
      name: '429 Retry-After 300',
      reply: { status: 429, headers: { 'retry-after': '300' }, body: rateLimitError() },
      kind: 'rate-limited',
      message: () =>
        'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
      retryInSeconds: [300, 300],
    },
    {
      name: '429 Retry-After 0',
      reply: { status: 429, headers: { 'retry-after': '0' }, body: rateLimitError() },
      kind: 'rate-limited',
      message: () =>
        'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
      retryInSeconds: [240, 360],
    },
    {
      name: '500',
      reply: { status: 500, body: serverError() },
      kind: 'server',
      message: () =>
        "Anthropic's API answered with an error (HTTP 500). Pacewatch retries by itself.",
      retryInSeconds: [240, 360],
    },
    {
      name: '529',
      reply: { status: 529, body: overloadedError() },
      kind: 'server',
      message: () => "Anthropic's API is overloaded (HTTP 529). Pacewatch retries by itself.",
      retryInSeconds: [240, 360],
    },
    {
      name: 'an HTML 403 page',
      reply: { status: 403, body: cloudflareChallengeHtml() },
      kind: 'network',
      message: (host) =>
        `${host} answered with a web page instead of usage figures (HTTP 403), likely a Cloudflare check or a proxy. Pacewatch retries by itself; if this persists, check your proxy or VPN.`,
      retryInSeconds: [240, 360],
    },
    {
      name: 'truncated JSON',
      reply: { body: usageBody(), truncateAt: 40 },
      kind: 'parse',
      message: () =>
        "Anthropic's usage answer was not in the expected form (truncated JSON). Pacewatch keeps the last good figures; run `pacewatch status --refresh` to try again, and update Pacewatch if this persists.",
    },
    {
      name: 'a server that never answers',
      reply: { hang: true },
      kind: 'network',
      message: (host) =>
        `Could not reach ${host} (no answer within 1 s). Check your connection; Pacewatch retries by itself.`,
      retryInSeconds: [240, 360],
    },
  ];

  describe.each(faults)('on $name', ({ reply, kind, message: messageFor, retryInSeconds }) => {
    it('keeps the last good snapshot, marks it stale, says what to do, exits 0', async () => {
      const world = await newWorld();
      world.settings({ requestTimeoutSeconds: 1 });
      world.api.respond({ body: usageBody() });
      const good = await world.run(['status', '--json']);
      world.api.respond(reply);
      const started = Date.now();
      const run = await world.run(['status', '--json', '--refresh']);
      const json = JSON.parse(run.stdout) as {
        error: { retryAt: string | null };
        fetchedAt: string;
      };
      const message = messageFor(new URL(world.api.url).host);
      expect(run.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(json).toEqual({
        source: 'oauth',
        fetchedAt: (JSON.parse(good.stdout) as { fetchedAt: string }).fetchedAt,
        stale: true,
        error: { kind, message, retryAt: json.error.retryAt },
        windows: goodWindows,
        extraUsage: { enabled: true, used: 3.25, limit: 20.5, currency: 'USD' },
        bankedResets: [],
      });
      if (retryInSeconds === undefined) {
        expect(json.error.retryAt).toBeNull();
      } else {
        const seconds = (Date.parse(json.error.retryAt ?? '') - started) / 1_000;
        expect(seconds).toBeGreaterThanOrEqual(retryInSeconds[0] - 1);
        expect(seconds).toBeLessThanOrEqual(retryInSeconds[1] + 6);
      }
      expect(tokenLeaks(world, [good, run])).toEqual([]);
    });

    it('with nothing to show, prints the error with "windows": [] and exits 1', async () => {
      const world = await newWorld();
      world.settings({ requestTimeoutSeconds: 1 });
      world.api.respond(reply);
      const run = await world.run(['status', '--json']);
      const message = messageFor(new URL(world.api.url).host);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({
        fetchedAt: null,
        stale: false,
        windows: [],
        extraUsage: null,
        error: { kind, message },
      });
      const human = await world.run(['status', '--refresh']);
      expect(human.code).toBe(1);
      expect(tokenLeaks(world, [run, human])).toEqual([]);
    });
  });

  it('honours a Retry-After cooldown even on --refresh', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody() });
    await world.run(['status', '--json']);
    world.api.respond({ status: 429, headers: { 'retry-after': '300' }, body: rateLimitError() });
    await world.run(['status', '--json', '--refresh']);
    const again = await world.run(['status', '--refresh']);
    expect(world.api.requests).toHaveLength(2);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('STALE: these are the last good figures');
    // A one-shot command does not promise to retry by itself; it keeps the next-try time.
    expect(again.stdout).toMatch(
      /! Anthropic is rate-limiting usage requests\. Run `pacewatch status` again after \d\d:\d\d, or keep `pacewatch watch`\n {2}running: it retries by itself\./,
    );
    expect(again.stdout).not.toContain('Pacewatch waits and retries by itself');
  });

  it('waits for a slow server that answers within the time limit', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody(), delayMs: 1_500 });
    const run = await world.run(['status', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ stale: false, error: null });
  });

  it('does not ask Anthropic with an expired login, and says to run claude', async () => {
    const world = await newWorld();
    world.signIn({ expiresAt: Date.now() - HOUR });
    const run = await world.run(['status']);
    expect(world.api.requests).toHaveLength(0);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'pacewatch: Your Claude Code sign-in has expired. Run `claude` once to renew it; Pacewatch picks it up by itself.',
    );
  });

  it('says how to sign in when Claude Code has no login here', async () => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['status', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      windows: [],
      error: {
        kind: 'no-credentials',
        message:
          'Claude Code is not signed in on this machine. Run `claude` and sign in with your Claude account; Pacewatch picks the login up by itself.',
        retryAt: null,
      },
    });
  });

  it('refuses an endpoint override that is neither https nor loopback', async () => {
    const world = await newWorld();
    const run = await world.run(['status'], {});
    expect(run.code).toBe(0);
    const bad = await import('../../support/cli').then(({ runCli }) =>
      runCli(['status'], { env: { ...world.env, PACEWATCH_ANTHROPIC_URL: 'http://example.com' } }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^pacewatch: PACEWATCH_ANTHROPIC_URL/);
  });

  it('explains a mistyped flag without a stack trace', async () => {
    const world = await newWorld();
    const run = await world.run(['status', '--jsn']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error: unknown option '--jsn'\n(Did you mean --json?)\n(add --help for usage)\n",
    );
  });
});

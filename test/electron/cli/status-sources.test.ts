import { describe, expect, it } from 'vitest';
import { useCliWorld, type CliWorld } from '../../support/cli-world';

const HOUR = 3_600_000;
const newWorld = useCliWorld();

const sessionReset = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
const weekReset = sessionReset + 70 * HOUR;
const micro = (at: number) => `${new Date(at).toISOString().slice(0, 19)}.282668+00:00`;

/** The oauth fake's answer: session 42.5, week 61, Opus week 73, extra usage. */
function oauthBody(): object {
  return {
    five_hour: { utilization: 42.5, resets_at: micro(sessionReset) },
    seven_day: { utilization: 61, resets_at: micro(weekReset) },
    extra_usage: { is_enabled: true, monthly_limit: 2050, used_credits: 325, currency: 'USD' },
    limits: [
      {
        kind: 'weekly_scoped',
        percent: 73,
        resets_at: micro(weekReset),
        scope: { model: { display_name: 'Opus' } },
      },
    ],
  };
}

/** Claude Code's status-line input: a fresher session and week. */
function statusInput(session: number, week: number): string {
  return JSON.stringify({
    rate_limits: {
      five_hour: { used_percentage: session, resets_at: sessionReset / 1000 },
      seven_day: { used_percentage: week, resets_at: weekReset / 1000 },
    },
  });
}

interface Json {
  source: string;
  windows: { id: string; utilization: number; binding: boolean }[];
  error: { kind: string; message: string } | null;
}

async function twoSources(session: number, week = 62): Promise<CliWorld> {
  const world = await newWorld();
  world.api.respond({ body: oauthBody() });
  await world.run(['status', '--source', 'oauth']);
  await world.run(['statusline'], { stdin: statusInput(session, week) });
  return world;
}

describe('pacewatch status over several sources (subprocess)', () => {
  it('shows each limit from the freshest source, saying which and how old', async () => {
    const world = await twoSources(50);
    const run = await world.run(['status']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Claude usage · 2 sources · the freshest figure for each limit');
    const at = (label: RegExp) => lines.findIndex((line) => label.test(line));
    const session = at(/^ {2}Session {9}50%/);
    const week = at(/^ {2}Week {12}62%/);
    const opus = at(/^▸ Week · Opus {5}73%/);
    expect([session, week, opus].every((index) => index > 0)).toBe(true);
    // Each source and its age once (issue 10); each window names its source by id.
    expect(lines.slice(1, 3)).toEqual([
      '  [oauth] Claude Code login (oauth): updated just now',
      '  [statusline] Claude Code status line (statusline): updated just now',
    ]);
    expect(lines[session]).toMatch(/ {2}\[statusline\]$/);
    expect(lines[week]).toMatch(/ {2}\[statusline\]$/);
    expect(lines[opus]).toMatch(/ {2}\[oauth\]$/);
    expect(lines).toContain('  Extra usage  $3.25 of $20.50  [oauth]');
    expect(lines.at(-2)).toBe('  ▸ the binding limit: the one that would lock you out first.');
    expect(run.stdout).not.toContain('42.5%');
    expect(world.api.requests).toHaveLength(1);
  });

  it('reports the source of the binding window in --json, and any one source exactly with --source', async () => {
    const opusBinds = await twoSources(50);
    const merged = JSON.parse((await opusBinds.run(['status', '--json'])).stdout) as Json;
    expect(merged.source).toBe('oauth');
    expect(merged.windows.map((w) => [w.id, w.utilization, w.binding])).toEqual([
      ['five_hour', 42.5, false],
      ['seven_day', 61, false],
      ['seven_day_opus', 73, true],
    ]);

    const sessionLocked = await twoSources(100);
    const locked = JSON.parse((await sessionLocked.run(['status', '--json'])).stdout) as Json;
    expect(locked.source).toBe('statusline');
    expect(locked.windows.map((w) => [w.id, w.utilization, w.binding])).toEqual([
      ['five_hour', 100, true],
      ['seven_day', 62, false],
    ]);
    const exact = JSON.parse(
      (await sessionLocked.run(['status', '--json', '--source', 'oauth'])).stdout,
    ) as Json;
    expect(exact.source).toBe('oauth');
  });

  it('reads the status line from the cache only: --refresh never runs it or asks anyone', async () => {
    const world = await newWorld({ signedIn: false });
    await world.run(['statusline'], { stdin: statusInput(30, 40) });
    const run = await world.run(['status', '--source', 'statusline', '--refresh', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      source: 'statusline',
      stale: false,
      error: null,
    });
    expect(world.api.requests).toHaveLength(0);
  });

  it('shows a single source as before, with the other sources’ errors under it', async () => {
    const world = await newWorld({ signedIn: false });
    await world.run(['statusline'], { stdin: statusInput(30, 40) });
    const run = await world.run(['status']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Claude usage · Claude Code status line (statusline) · updated just now');
    expect(lines.slice(-2)).toEqual([
      '! Claude Code login (oauth): Claude Code is not signed in on this machine. Run `claude` and sign in with your Claude',
      '  account; Pacewatch picks the login up by itself.',
    ]);
    const json = JSON.parse((await world.run(['status', '--json'])).stdout) as Json;
    expect(json.source).toBe('statusline');
  });

  it('says how to get status-line figures when that source has none', async () => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['status', '--source', 'statusline']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `pacewatch: Using PACEWATCH_ANTHROPIC_URL=${world.api.url}\n` +
        // Wrapped at 120 columns (piped), under its first line.
        "pacewatch: No reading from Claude Code's status line yet. Run `pacewatch statusline --install`, then use Claude Code:\n" +
        '  figures arrive with its first reply.\n',
    );
  });

  it('leaves a disabled source out of the merged view', async () => {
    const world = await twoSources(50);
    world.settings({ sources: { oauth: { enabled: false } } });
    const run = await world.run(['status']);
    expect(run.stdout.split('\n')[0]).toBe(
      'Claude usage · Claude Code status line (statusline) · updated just now',
    );
    expect(run.stdout).not.toContain('oauth');
  });
});

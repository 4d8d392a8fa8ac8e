import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assistantText, transcript, userText } from '../../fakes/transcripts/line-factory';
import { widthOf } from '../../../electron/cli/terminal/text';
import { baseEnv, runCli } from '../../support/cli';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('pacewatch-report-');

/** A Claude config dir with two sessions, and a data dir; returns the env a user would have. */
function machine(): { env: NodeJS.ProcessEnv; projects: string; data: string } {
  const root = tempDir();
  const projects = join(root, 'claude', 'projects', '-home-dev-api');
  mkdirSync(join(projects, 's1', 'subagents'), { recursive: true });
  writeFileSync(
    join(projects, 's1.jsonl'),
    transcript(
      userText(),
      assistantText({
        session: 's1',
        messageId: 'msg_a',
        requestId: 'req_a',
        at: '2026-09-01T23:30:00.000Z',
        model: 'claude-sonnet-4-5-20250929',
        input: 10,
        output: 50,
        cacheWrite: 100,
        cacheRead: 1000,
      }),
      assistantText({
        session: 's1',
        messageId: 'msg_a',
        requestId: 'req_a',
        at: '2026-09-01T23:30:02.000Z',
        model: 'claude-sonnet-4-5-20250929',
        input: 10,
        output: 400,
        cacheWrite: 100,
        cacheRead: 1000,
      }),
      assistantText({
        session: 's1',
        messageId: 'msg_b',
        requestId: 'req_b',
        at: '2026-09-02T10:00:00.000Z',
        model: 'claude-opus-4-6',
        speed: 'fast',
        input: 0,
        output: 1000,
      }),
    ),
  );
  writeFileSync(
    join(projects, 's1', 'subagents', 'agent-1.jsonl'),
    transcript(
      assistantText({
        session: 's1',
        messageId: 'msg_c',
        requestId: 'req_c',
        at: '2026-09-02T10:05:00.000Z',
        model: 'claude-haiku-4-5-20251001',
        input: 0,
        output: 2000,
        sidechain: true,
      }),
    ),
  );
  const data = join(root, 'data');
  return {
    env: {
      ...baseEnv(),
      HOME: root,
      CLAUDE_CONFIG_DIR: join(root, 'claude'),
      PACEWATCH_DATA_DIR: data,
    },
    projects,
    data,
  };
}

describe('pacewatch report', () => {
  it('prints daily usage as ccusage’s JSON, streamed lines counted once at their largest', async () => {
    const { env } = machine();
    const run = await runCli(['report', 'daily', '--json'], { env });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const json = roundCosts(JSON.parse(run.stdout)) as {
      daily: Record<string, unknown>[];
      totals: Record<string, unknown>;
    };
    expect(json.daily).toEqual(
      roundCosts([
        {
          date: '2026-09-01',
          inputTokens: 10,
          outputTokens: 400,
          cacheCreationTokens: 100,
          cacheReadTokens: 1000,
          totalTokens: 1510,
          totalCost: 10 * 3e-6 + 400 * 15e-6 + 100 * 3.75e-6 + 1000 * 0.3e-6,
          modelsUsed: ['claude-sonnet-4-5-20250929'],
          modelBreakdowns: [
            {
              modelName: 'claude-sonnet-4-5-20250929',
              inputTokens: 10,
              outputTokens: 400,
              cacheCreationTokens: 100,
              cacheReadTokens: 1000,
              cost: 10 * 3e-6 + 400 * 15e-6 + 100 * 3.75e-6 + 1000 * 0.3e-6,
            },
          ],
        },
        {
          date: '2026-09-02',
          inputTokens: 0,
          outputTokens: 3000,
          cacheCreationTokens: 0,
          cacheReadTokens: 0,
          totalTokens: 3000,
          totalCost: 0.15 + 0.01,
          modelsUsed: ['claude-opus-4-6-fast', 'claude-haiku-4-5-20251001'],
          modelBreakdowns: [
            {
              modelName: 'claude-opus-4-6-fast',
              inputTokens: 0,
              outputTokens: 1000,
              cacheCreationTokens: 0,
              cacheReadTokens: 0,
              cost: 0.15,
            },
            {
              modelName: 'claude-haiku-4-5-20251001',
              inputTokens: 0,
              outputTokens: 2000,
              cacheCreationTokens: 0,
              cacheReadTokens: 0,
              cost: 0.01,
            },
          ],
        },
      ]),
    );
    expect(json.totals).toMatchObject({ inputTokens: 10, outputTokens: 3400, totalTokens: 4510 });
  });

  it('prints an aligned table for people, labelled as an estimate', async () => {
    const { env } = machine();
    const run = await runCli(['report', 'daily'], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Claude Code usage from local transcripts — API-equivalent cost, an estimate (time zone UTC)',
    );
    expect(lines[1]).toMatch(
      /^Date {8}Models +Input +Output +Cache write +Cache read +Total tokens +Cost$/,
    );
    expect(lines[3]).toMatch(/^2026-09-01 {2}sonnet-4-5 +10 +400 +100 +1,000 +1,510 +\$0\.01$/);
    expect(lines[5]).toMatch(/^Total +10 +3,400 +100 +1,000 +4,510 +\$0\.17$/);
    // Every row has the same width: the columns line up.
    expect(new Set(lines.slice(1).map((line) => line.length)).size).toBeLessThanOrEqual(2);
  });

  it('groups by month, by session and by 5-hour block', async () => {
    const { env } = machine();
    const monthly = JSON.parse((await runCli(['report', 'monthly', '--json'], { env })).stdout) as {
      monthly: { month: string; totalTokens: number }[];
    };
    expect(monthly.monthly.map((row) => [row.month, row.totalTokens])).toEqual([['2026-09', 4510]]);
    const sessions = JSON.parse(
      (await runCli(['report', 'sessions', '--json'], { env })).stdout,
    ) as { sessions: Record<string, unknown>[] };
    expect(
      sessions.sessions.map((row) => [
        row.sessionId,
        row.projectPath,
        row.totalTokens,
        row.firstActivity,
        row.lastActivity,
      ]),
    ).toEqual([
      ['s1', '-home-dev-api', 4510, '2026-09-01T23:30:02.000Z', '2026-09-02T10:05:00.000Z'],
    ]);
    const blocks = JSON.parse((await runCli(['report', 'blocks', '--json'], { env })).stdout) as {
      blocks: Record<string, unknown>[];
    };
    expect(
      blocks.blocks.map((block) => [block.id, block.entries, block.totalTokens, block.isGap]),
    ).toEqual(
      [
        ['2026-09-01T23:00:00.000Z', 1, 1510, false],
        ['2026-09-02T10:00:00.000Z', 2, 3000, false],
        ['gap-2026-09-02T04:30:02.000Z', 0, 0, true],
      ].sort((a, b) =>
        String(a[0]).replace('gap-', '').localeCompare(String(b[0]).replace('gap-', '')),
      ),
    );
  });

  it('filters with --since / --until (either date form) and buckets days with --tz', async () => {
    const { env } = machine();
    const since = JSON.parse(
      (
        await runCli(
          ['report', 'daily', '--json', '--since', '20260902', '--until', '2026-09-02'],
          { env },
        )
      ).stdout,
    ) as { daily: { date: string }[] };
    expect(since.daily.map((row) => row.date)).toEqual(['2026-09-02']);
    const tokyo = JSON.parse(
      (await runCli(['report', 'daily', '--json', '--tz', 'Asia/Tokyo'], { env })).stdout,
    ) as { daily: { date: string; totalTokens: number }[] };
    expect(tokyo.daily.map((row) => [row.date, row.totalTokens])).toEqual([['2026-09-02', 4510]]);
  });

  it('keeps an index in the data dir, so the next run reads only what is new', async () => {
    const { env, data, projects } = machine();
    await runCli(['report', 'daily', '--json'], { env });
    expect(readdirSync(join(data, 'logs-index')).some((name) => name.endsWith('.bin'))).toBe(true);
    writeFileSync(
      join(projects, 's2.jsonl'),
      transcript(
        assistantText({
          session: 's2',
          messageId: 'msg_d',
          requestId: 'req_d',
          at: '2026-09-03T10:00:00.000Z',
          input: 0,
          output: 7,
        }),
      ),
    );
    const json = JSON.parse((await runCli(['report', 'daily', '--json'], { env })).stdout) as {
      daily: { date: string; outputTokens: number }[];
    };
    expect(json.daily.at(-1)).toMatchObject({ date: '2026-09-03', outputTokens: 7 });
  });

  it('reports faults on stderr, one line each with what to do, and still prints the report', async () => {
    const { env, projects } = machine();
    writeFileSync(
      join(projects, 'faulty.jsonl'),
      transcript(
        assistantText({
          messageId: 'msg_x',
          requestId: 'req_x',
          model: 'claude-mystery-1',
          output: 5,
        }).replace('"usage":{', '"usage":{,'),
        assistantText({
          messageId: 'msg_y',
          requestId: 'req_y',
          model: 'claude-mystery-1',
          output: 5,
        }),
      ),
    );
    mkdirSync(join(projects, 'unreadable.jsonl'));
    const run = await runCli(['report', 'daily', '--json'], { env });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { totals: unknown }).totals).toMatchObject({
      unpricedModels: ['claude-mystery-1'],
      costIsLowerBound: true,
      unpricedTokens: { 'claude-mystery-1': 15 },
    });
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `pacewatch: cannot read ${join(projects, 'unreadable.jsonl')} (not a regular file): its usage is not counted; check that the file is readable.`,
      'pacewatch: 1 transcript line mentions usage but is not valid JSON and was skipped (a write cut short?); nothing to do unless the count keeps growing.',
      `pacewatch: no price for claude-mystery-1: its tokens are counted but not its cost, so costs are lower bounds (≥); add it to ${join(env.PACEWATCH_DATA_DIR ?? '', 'prices.json')} (or update Pacewatch).`,
    ]);
  });

  it('says what is wrong with a bad option and exits non-zero', async () => {
    const { env } = machine();
    const date = await runCli(['report', 'daily', '--since', '2026-13-01'], { env });
    expect([date.code, date.stdout, date.stderr]).toEqual([
      2,
      '',
      'pacewatch: --since 2026-13-01 is not a date: use YYYYMMDD or YYYY-MM-DD.\n',
    ]);
    const zone = await runCli(['report', 'daily', '--tz', 'Mars/Olympus'], { env });
    expect([zone.code, zone.stderr]).toEqual([
      2,
      'pacewatch: --tz Mars/Olympus is not a time zone: use an IANA name such as Europe/Paris or UTC.\n',
    ]);
    const kind = await runCli(['report', 'weekly'], { env });
    expect(kind.code).not.toBe(0);
    expect(kind.stderr).toContain('Allowed choices are daily, monthly, sessions, blocks');
  });

  it('prints an empty report, and where it looked, on a machine without transcripts', async () => {
    const root = tempDir();
    const env = { ...baseEnv(), HOME: root, PACEWATCH_DATA_DIR: join(root, 'data') };
    const run = await runCli(['report', 'daily', '--json'], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      daily: [],
      totals: {
        inputTokens: 0,
        outputTokens: 0,
        cacheCreationTokens: 0,
        cacheReadTokens: 0,
        totalTokens: 0,
        totalCost: 0,
      },
    });
    expect(run.stderr).toBe(
      'pacewatch: no Claude Code transcripts found (looked for projects/ in CLAUDE_CONFIG_DIR, else ~/.claude and ~/.config/claude); set CLAUDE_CONFIG_DIR if yours live elsewhere.\n',
    );
    // Nothing to remember, so nothing is written.
    expect(existsSync(join(root, 'data'))).toBe(false);
  });

  it('fits COLUMNS=80 and colours only when asked: plain when piped, none with --no-color', async () => {
    const { env } = machine();
    const narrow = await runCli(['report', 'daily'], { env: { ...env, COLUMNS: '80' } });
    const lines = narrow.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map(widthOf))).toBeLessThanOrEqual(80);
    expect(lines.at(-1)).toBe('narrow terminal: cache columns hidden, widen to 100+ for all');
    expect(narrow.stdout).not.toMatch(/\x1b/); // eslint-disable-line no-control-regex
    const forced = await runCli(['report', 'daily'], { env: { ...env, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\x1b\[1mDate/); // eslint-disable-line no-control-regex
    const refused = await runCli(['report', 'daily', '--no-color'], {
      env: { ...env, FORCE_COLOR: '1' },
    });
    expect(refused.stdout).not.toMatch(/\x1b/); // eslint-disable-line no-control-regex
    const noColor = await runCli(['report', 'daily'], {
      env: { ...env, FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(noColor.stdout).toBe(refused.stdout);
  });

  it('has --help', async () => {
    const run = await runCli(['report', '--help'], { env: baseEnv() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: pacewatch report [options] <kind>');
    expect(run.stdout).toContain('--tz <zone>');
  });
});

/** Costs to 1e-9 $, so float sums in a different order compare equal. */
function roundCosts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(roundCosts);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      (key === 'cost' || key === 'totalCost') && typeof child === 'number'
        ? Math.round(child * 1e9) / 1e9
        : roundCosts(child),
    ]),
  );
}

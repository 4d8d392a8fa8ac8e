import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assistantText, transcript } from '../../fakes/transcripts/line-factory';
import { baseEnv, runCli } from '../../support/cli';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('pacewatch-advise-');
const DAY = 86_400_000;

/** A machine whose transcripts hold ``millions` of Opus 4.1 output tokens ($75 each), `daysAgo` apart. */
function machine(responses: readonly { daysAgo: number; millions: number }[]): NodeJS.ProcessEnv {
  const root = tempDir();
  const projects = join(root, 'claude', 'projects', 'p');
  mkdirSync(projects, { recursive: true });
  const lines = responses.map((response, index) =>
    assistantText({
      messageId: `msg_${index}`,
      requestId: `req_${index}`,
      at: new Date(Date.now() - response.daysAgo * DAY).toISOString(),
      model: 'claude-opus-4-1-20250805',
      input: 0,
      output: response.millions * 1_000_000,
    }),
  );
  writeFileSync(join(projects, 's.jsonl'), transcript(...lines));
  return {
    ...baseEnv(),
    HOME: root,
    CLAUDE_CONFIG_DIR: join(root, 'claude'),
    PACEWATCH_DATA_DIR: join(root, 'data'),
  };
}

describe('pacewatch advise', () => {
  it('compares the last 30 days at API prices with the plans, in one paragraph', async () => {
    const env = machine([
      { daysAgo: 2, millions: 1 },
      { daysAgo: 10, millions: 1 },
      { daysAgo: 45, millions: 10 },
    ]);
    // Wide enough for one line; the paragraph wraps to the terminal otherwise.
    const run = await runCli(['advise'], { env: { ...env, COLUMNS: '1000' } });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      "Pacewatch could not tell your current plan (Claude Code's sign-in names none). On API billing the last 30 days would have cost $150.00 (2 active days); your busiest 5-hour block $75.00 and your busiest week $75.00. By price alone Max ($100.00) costs less than that, saving $50.00 a month; Ultra ($200.00) would cost more than the API would have. Anthropic publishes no token limits for the plans, only their ratio to Pro (Max: 5×, Ultra: 20×), and your current plan is not known: whether a cheaper plan would hold your busiest block is not known. Local logs cannot show how often you hit a limit: they show 2 five-hour blocks of activity.\n",
    );
    const narrow = await runCli(['advise'], { env: { ...env, COLUMNS: '80' } });
    expect(narrow.stdout.replace(/\n(?!$)/g, ' ')).toBe(run.stdout);
    for (const line of narrow.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('counts the limits hit from the usage history Pacewatch keeps', async () => {
    const env = machine([{ daysAgo: 1, millions: 0.1 }]);
    const now = Date.now();
    const started = now - 3 * DAY + 3_600_000;
    const reset = now - DAY;
    mkdirSync(join(env.PACEWATCH_DATA_DIR ?? '', 'history'), { recursive: true });
    writeFileSync(
      join(env.PACEWATCH_DATA_DIR ?? '', 'history', 'oauth.json'),
      JSON.stringify({
        version: 1,
        series: {
          five_hour: [
            [started, 80, reset],
            [reset - 3_600_000, 100, reset],
            [reset - 1_800_000, 100, reset],
            [reset + 600_000, 5, reset + 5 * 3_600_000],
          ],
        },
      }),
    );
    const run = await runCli(['advise', '--json'], { env });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { limitHits: number; sentence: string };
    expect(json.limitHits).toBe(1);
    expect(json.sentence).toContain(
      'You hit a limit once in the 3 days Pacewatch has been watching.',
    );
  });

  it('prints the figures behind it with --json', async () => {
    const env = machine([{ daysAgo: 1, millions: 0.1 }]);
    const run = await runCli(['advise', '--json'], { env });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ activeDays: 1, blocks: 1, limitHits: null, recommended: 'api' });
    expect(json.costLast30DaysUsd).toBeCloseTo(7.5, 9);
    expect(json.sentence).toContain(
      "On API billing the last 30 days would have cost $7.50 (1 active day); your busiest 5-hour block $7.50 and your busiest week $7.50. By price alone that is less than Pro's $20.00",
    );
  });

  it('names the current plan from Claude Code’s sign-in and reads capacity from the history', async () => {
    const env = machine([{ daysAgo: 1, millions: 0.1 }]);
    const now = Date.now();
    writeFileSync(
      join(env.HOME ?? '', 'claude', '.credentials.json'),
      JSON.stringify({
        claudeAiOauth: { subscriptionType: 'pro', rateLimitTier: 'default_claude_ai' },
      }),
    );
    mkdirSync(join(env.PACEWATCH_DATA_DIR ?? '', 'history'), { recursive: true });
    writeFileSync(
      join(env.PACEWATCH_DATA_DIR ?? '', 'history', 'oauth.json'),
      JSON.stringify({
        version: 1,
        series: {
          five_hour: [[now - 2 * DAY, 80, now - 2 * DAY + 3_600_000]],
          seven_day: [[now - 2 * DAY, 30, now + 3 * DAY]],
        },
      }),
    );
    const run = await runCli(['advise', '--json'], { env });
    const json = JSON.parse(run.stdout) as {
      currentPlan: string;
      sentence: string;
      plans: { id: string; peakSessionPercent: number; fit: string }[];
    };
    expect(json.currentPlan).toBe('Pro');
    expect(json.plans.map((plan) => [plan.id, plan.peakSessionPercent, plan.fit])).toEqual([
      ['pro', 80, 'fits'],
      ['max5x', 16, 'fits'],
      ['max20x', 4, 'fits'],
    ]);
    expect(json.sentence).toContain(
      'At your busiest you used 80% of its 5-hour limit and 30% of its weekly limit on Pro;',
    );
  });
});

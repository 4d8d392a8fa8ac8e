import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliWorld } from '../support/cli-world';

// Defects 1 and 8 of the fault audit: a value no surface can show, from Claude Code's status-line
// input, the usage server or a state file written by an older version, must be refused where the
// bytes become values, and never stop `statusline`, `status`, `status --json` or `advise`.

const HOUR = 3_600_000;
const newWorld = useCliWorld();
const sessionReset = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
const clock = (at: number) => new Date(at).toISOString().slice(11, 16);

function statusInput(fiveHour: object): string {
  return JSON.stringify({ session_id: 'abc', rate_limits: { five_hour: fiveHour } });
}

describe('a reading no surface can show', () => {
  it('a status-line reset time of 1e300 is dropped, and every surface still answers', async () => {
    const world = await newWorld({ signedIn: false });
    const line = await world.run(['statusline'], {
      stdin: statusInput({ used_percentage: 23, resets_at: 1e300 }),
    });
    expect(line).toMatchObject({ code: 0, stdout: '5h 23%\n', stderr: '' });
    for (const args of [['status'], ['status', '--json'], ['advise']]) {
      const run = await world.run(args);
      expect(run.stderr).not.toContain('Invalid time value');
      expect(run.code).toBe(0);
    }
    const json = await world.run(['status', '--json', '--source', 'statusline']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      source: 'statusline',
      windows: [{ id: 'five_hour', utilization: 23, resetsAt: null }],
    });
  });

  it('a cached reading stored with a reset time of 1e300 loses that value, not every surface', async () => {
    const world = await newWorld({ signedIn: false });
    mkdirSync(join(world.dataDir, 'cache'), { recursive: true });
    const record = {
      source: 'statusline',
      snapshot: {
        source: 'statusline',
        fetchedAt: Date.now() - 60_000,
        windows: [{ id: 'five_hour', label: 'Session', utilization: 23, resetsAt: 1e300 }],
        extraUsage: null,
      },
      error: null,
      attemptedAt: Date.now() - 60_000,
      failures: 0,
      nextAttemptAt: null,
      cooldownUntil: null,
      haltedOn: null,
    };
    writeFileSync(join(world.dataDir, 'cache', 'statusline.json'), JSON.stringify(record));
    const line = await world.run(['statusline'], { stdin: '{"session_id":"abc"}' });
    expect(line.stdout).not.toContain('NaN');
    for (const args of [['status'], ['status', '--json'], ['advise']]) {
      const run = await world.run(args);
      expect(run.stderr).not.toContain('Invalid time value');
      expect(run.code).toBe(0);
    }
    const status = await world.run(['status']);
    expect(status.stdout).toContain('23%');
  });

  it.each([
    [1e308, 'Infinity%'],
    [-5, '-5%'],
  ])('a usage utilization of %d is not shown (never "%s")', async (utilization, shown) => {
    const world = await newWorld();
    const reset = new Date(sessionReset).toISOString();
    world.api.respond({
      body: {
        five_hour: { utilization, resets_at: reset },
        seven_day: { utilization: 61, resets_at: reset },
      },
    });
    const run = await world.run(['status', '--refresh']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(shown);
    expect(run.stdout).not.toContain('−5%');
    expect(run.stdout).not.toContain('locked until');
    expect(run.stdout).toContain('61%');
    const json = await world.run(['status', '--json', '--source', 'oauth']);
    const oauth = JSON.parse(json.stdout) as { windows: { id: string }[] };
    expect(oauth.windows.map((window) => window.id)).toEqual(['seven_day']);
  });

  it('prints the reset clock for a believable status-line reading', async () => {
    const world = await newWorld({ signedIn: false });
    const line = await world.run(['statusline'], {
      stdin: statusInput({ used_percentage: 23, resets_at: sessionReset / 1000 }),
    });
    expect(line.stdout).toBe(`5h 23% ↻${clock(sessionReset)}\n`);
  });
});

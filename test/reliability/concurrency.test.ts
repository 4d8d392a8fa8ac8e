import { describe, expect, it } from 'vitest';
import { useCliWorld } from '../support/cli-world';

// The fault audit's concurrent runs, kept bounded: many `pacewatch` processes started at once over
// one data dir. The per-source lock makes one of them fetch; the others wait for it and read the
// shared cache. None fails, and the fake server sees one request for the source.

const HOUR = 3_600_000;
const PROCESSES = 16;
const newWorld = useCliWorld();

describe('many processes, one data dir', () => {
  it(`${PROCESSES} status runs and statusline writers at once: one request, none fails, one answer`, async () => {
    const world = await newWorld();
    const resetsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString();
    // A slow answer keeps the first fetch in flight while the others start and meet its lock.
    world.api.respond({
      delayMs: 400,
      body: {
        five_hour: { utilization: 37, resets_at: resetsAt },
        seven_day: { utilization: 58, resets_at: resetsAt },
      },
    });
    const statusInput = (percent: number) =>
      JSON.stringify({ session_id: 'c', rate_limits: { five_hour: { used_percentage: percent } } });
    const runs = await Promise.all([
      ...Array.from({ length: PROCESSES }, () =>
        world.run(['status', '--json', '--source', 'oauth'], { timeoutMs: 90_000 }),
      ),
      ...Array.from({ length: 4 }, (_, index) =>
        world.run(['statusline'], { stdin: statusInput(10 + index), timeoutMs: 90_000 }),
      ),
    ]);
    const statusRuns = runs.slice(0, PROCESSES);
    const lineRuns = runs.slice(PROCESSES);

    expect(statusRuns.map((run) => run.code)).toEqual(Array(PROCESSES).fill(0));
    expect(statusRuns.filter((run) => run.stderr.includes('still fetching'))).toEqual([]);
    const answers = statusRuns.map((run) =>
      (JSON.parse(run.stdout) as { windows: { utilization: number }[] }).windows.map(
        (window) => window.utilization,
      ),
    );
    expect(answers).toEqual(Array(PROCESSES).fill([37, 58]));
    expect(world.api.requests.filter((req) => req.path === '/api/oauth/usage')).toHaveLength(1);

    expect(lineRuns.map((run) => run.code)).toEqual([0, 0, 0, 0]);
    expect(lineRuns.map((run) => run.stdout)).toEqual(
      [10, 11, 12, 13].map((percent) => `5h ${percent}%\n`),
    );
    // The shared status-line cache holds one of the readings written, whole.
    const after = await world.run(['status', '--json', '--source', 'statusline']);
    const reading = JSON.parse(after.stdout) as { windows: { utilization: number }[] };
    expect([10, 11, 12, 13]).toContain(reading.windows[0]?.utilization);
  }, 180_000);
});

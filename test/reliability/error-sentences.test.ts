import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliWorld } from '../support/cli-world';

// Defect 7 of the fault audit: raw error text. A file where the data dir needs a folder printed
// Node's "ENOTDIR: not a directory, open '…/cache/statusline.json'", and an answer over 1 MB was
// reported as "Could not reach … Check your connection". Each now says what happened and what to do.

const HOUR = 3_600_000;
const newWorld = useCliWorld();

describe('errors a user can act on', () => {
  it('a file where the cache folder should be is named, with what to do', async () => {
    const world = await newWorld({ signedIn: false });
    mkdirSync(world.dataDir, { recursive: true });
    writeFileSync(join(world.dataDir, 'cache'), '{}');
    const sentence = `${join(world.dataDir, 'cache')} is a file, not a folder: remove it, or set PACEWATCH_DATA_DIR to another folder for Pacewatch's data.`;
    for (const args of [['status'], ['status', '--json']]) {
      const run = await world.run(args);
      expect(run.stderr).toBe(
        `pacewatch: Using PACEWATCH_ANTHROPIC_URL=${world.api.url}\npacewatch: ${sentence}\n`,
      );
      expect(run.code).toBe(1);
    }
    const line = await world.run(['statusline'], {
      stdin: JSON.stringify({ rate_limits: { five_hour: { used_percentage: 5 } } }),
    });
    expect(line.stdout).not.toContain('ENOTDIR');
  });

  it('an answer over 1 MB is "too large", not a connection problem, and the last figures stay', async () => {
    const world = await newWorld();
    const resetsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString();
    world.api.respond({
      body: {
        five_hour: { utilization: 23, resets_at: resetsAt },
        seven_day: { utilization: 61, resets_at: resetsAt },
      },
    });
    expect((await world.run(['status', '--refresh'])).code).toBe(0);
    world.api.respond({
      body: {
        five_hour: { utilization: 24, resets_at: resetsAt },
        seven_day: { utilization: 61, resets_at: resetsAt },
        padding: 'x'.repeat(1024 * 1024),
      },
    });
    const run = await world.run(['status', '--json', '--refresh', '--source', 'oauth']);
    const host = new URL(world.api.url).host;
    expect(JSON.parse(run.stdout)).toMatchObject({
      source: 'oauth',
      stale: true,
      windows: [{ id: 'five_hour', utilization: 23 }, { id: 'seven_day' }],
      error: {
        kind: 'server',
        message: `The server's answer was too large (over 1 MB from ${host}), so Pacewatch did not read it; the figures shown are the last good ones. Pacewatch retries by itself; update Pacewatch if this persists.`,
      },
    });
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assertBuilt } from '../../support/cli';
import { tokenLeaks, useCliWorld, type CliWorld } from '../../support/cli-world';
import { desktopService } from '../../support/desktop';
import { startPrivateDunst, type PrivateDunst } from '../../support/private-dunst';

const HOUR = 3_600_000;
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'pacewatch.cjs');
const notifications = desktopService('notifications');
const newWorld = useCliWorld();

/** Runs `pacewatch watch --interval 1s` until `until()` holds (or 20 s), then sends SIGTERM. */
async function watchUntil(world: CliWorld, dunst: PrivateDunst, until: () => boolean) {
  assertBuilt();
  // A session bus and display with a notification service, as a user's login session provides.
  const env = { ...world.env, ...dunst.env };
  const child = spawn(process.execPath, [BIN, 'watch', '--interval', '1s'], { env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let waited = 0; waited < 20_000 && !until(); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, signal: null, stdout, stderr };
}

describe.skipIf(!notifications.ready)(
  'pacewatch watch → real desktop notifications (dunst)',
  () => {
    it('delivers exactly one notification per threshold as the session climbs, and none again after a restart', async () => {
      const dunst = await startPrivateDunst();
      onTestFinished(() => {
        dunst.stop();
      });
      const world = await newWorld();
      // Lockout-lead alerts are off here so that only threshold notifications are counted.
      world.settings({ alerts: { lockoutLeadMinutes: 0 } });
      const resetsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString();
      const climb = [40, 48, 55, 70, 80, 88, 95];
      world.api.respond((_req, index) => ({
        body: {
          five_hour: { utilization: climb[Math.min(index, climb.length - 1)], resets_at: resetsAt },
          seven_day: { utilization: 20, resets_at: resetsAt },
        },
      }));
      const first = await watchUntil(
        world,
        dunst,
        () => world.api.requests.length >= climb.length + 1,
      );
      expect(first.stderr).toBe(`pacewatch: Using PACEWATCH_ANTHROPIC_URL=${world.api.url}\n`);
      expect(first.code).toBe(0);
      expect(dunst.delivered()).toEqual([
        ['Pacewatch', 'Claude session at 50%'],
        ['Pacewatch', 'Claude session at 75%'],
        ['Pacewatch', 'Claude session at 90%'],
      ]);
      expect(first.stdout).toContain(
        'alert: Claude session at 90% — 95% of your 5-hour session used',
      );

      const requestsBefore = world.api.requests.length;
      const second = await watchUntil(
        world,
        dunst,
        () => world.api.requests.length >= requestsBefore + 3,
      );
      expect(second.code).toBe(0);
      expect(dunst.delivered()).toHaveLength(3);
      expect(second.stdout).not.toContain('alert:');
      expect(tokenLeaks(world, [first, second])).toEqual([]);
    });
  },
);

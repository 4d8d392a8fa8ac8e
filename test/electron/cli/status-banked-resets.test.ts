import { describe, expect, it } from 'vitest';
import { grantWire } from '../../fakes/usage-bodies';
import { useCliWorld } from '../../support/cli-world';

const HOUR = 3_600_000;
const newWorld = useCliWorld();

// The week resets 2 d 4 h (and a few minutes, so rounding down reads 2 d 4 h) from now.
const weekReset = Date.now() + 52 * HOUR + 10 * 60_000;
const grantEnd = Math.ceil(Date.now() / HOUR) * HOUR + 10 * 24 * HOUR;
const iso = (at: number) => new Date(at).toISOString();

function lockedWeekBody(): object {
  return {
    five_hour: { utilization: 20, resets_at: iso(Date.now() + 3 * HOUR) },
    seven_day: { utilization: 100, resets_at: iso(weekReset) },
  };
}

describe('pacewatch status with banked resets (loopback fake API)', () => {
  it('lists the grants in --json, read with the one usage request', async () => {
    const world = await newWorld();
    world.api.respond({ body: lockedWeekBody() });
    world.api.bankResets([grantWire({ ends_at: iso(grantEnd) })]);
    const run = await world.run(['status', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { bankedResets: unknown };
    expect(json.bankedResets).toEqual([
      {
        id: 'grant_fake_01',
        label: 'Launch reset',
        left: 1,
        total: 2,
        startsAt: '2026-06-09T16:00:00.000Z',
        endsAt: iso(grantEnd),
        clears: ['five_hour', 'seven_day', 'seven_day_overage_included'],
        usableNow: true,
      },
    ]);
    expect(world.api.requests).toHaveLength(1);
    expect(world.api.requests[0]?.query).toBe('cedar_ember=1');
    expect(world.api.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('says in plain words what a reset would do now', async () => {
    const world = await newWorld();
    world.api.respond({ body: lockedWeekBody() });
    world.api.bankResets([grantWire({ ends_at: iso(grantEnd) })]);
    const run = await world.run(['status']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}Banked resets {2}Launch reset: 1 of 2 left · clears session, week and Week · Fable · expires \w{3} \d+ \d\d:00$/,
      ),
    );
    // Wrapped at 120 columns (piped) under its own column.
    const advice = lines.findIndex((line) => line.includes('A reset would clear'));
    expect(lines.slice(advice, advice + 2)).toEqual([
      '                 A reset would clear your week now; you are locked for 2 d 4 h otherwise. Run /limit-reset in Claude',
      '                 Code to use one.',
    ]);
  });

  it('reports an empty list when the account has no grants', async () => {
    const world = await newWorld();
    world.api.respond({ body: lockedWeekBody() });
    world.api.bankResets([]);
    const run = await world.run(['status', '--json']);
    expect((JSON.parse(run.stdout) as { bankedResets: unknown }).bankedResets).toEqual([]);
    expect(run.stdout).not.toContain('Banked resets');
  });
});

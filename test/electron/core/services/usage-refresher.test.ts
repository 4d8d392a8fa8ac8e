import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollPolicy } from '../../../../shared/domain/poll-policy';
import { createUsageRefresher } from '../../../../electron/core/services/usage-refresher';
import { dataLayout } from '../../../../electron/core/stores/data-layout';
import { fakeSource, sessionWindow, snapshotAt } from '../../../support/fake-source';
import { useTempDir } from '../../../support/temp-dir';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const RESET = T0 + 3 * 3_600_000;
const tempDir = useTempDir();

function setup(dir: string, clock = { now: () => T0 }) {
  return createUsageRefresher({
    layout: dataLayout(dir),
    clock,
    random: () => 0.5,
    policyFor: () => pollPolicy(300_000, false),
    lockWaitMs: 5_000,
  });
}

const ok = (utilization: number, at = T0) => ({
  ok: true as const,
  snapshot: snapshotAt(at, [sessionWindow(utilization, RESET)]),
});

describe('usage refresher', () => {
  it('makes one request when ten consumers on the machine ask at once', async () => {
    const dir = tempDir();
    const source = fakeSource(() => ok(42));
    const release = source.hold();
    const consumers = Array.from({ length: 10 }, () =>
      setup(dir).refresh(source, { manual: false }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const results = await Promise.all(consumers);
    expect(source.fetches).toBe(1);
    expect(results.filter((result) => result.fetched)).toHaveLength(1);
    expect(results.map((result) => result.record.snapshot?.windows[0]?.utilization)).toEqual(
      Array(10).fill(42),
    );
  });

  it('joins a poll in flight when a manual refresh arrives during it', async () => {
    const dir = tempDir();
    const refresher = setup(dir);
    const source = fakeSource(() => ok(10));
    const release = source.hold();
    const poll = refresher.refresh(source, { manual: false });
    const manual = refresher.refresh(source, { manual: true });
    release();
    expect(await manual).toBe(await poll);
    expect(source.fetches).toBe(1);
  });

  it('serves a fresh cached snapshot without a request', async () => {
    const dir = tempDir();
    const source = fakeSource(() => ok(42));
    await setup(dir).refresh(source, { manual: false });
    const second = await setup(dir, { now: () => T0 + 60_000 }).refresh(source, { manual: false });
    expect(second).toMatchObject({ fetched: false, skipped: 'fresh' });
    expect(source.fetches).toBe(1);
  });

  it('keeps the last good snapshot through a failure and records when it retries', async () => {
    const dir = tempDir();
    const source = fakeSource((index) =>
      index === 0
        ? ok(42)
        : {
            ok: false,
            error: { kind: 'server', message: 'Anthropic answered with an error.' },
            retryAfterMs: null,
          },
    );
    await setup(dir).refresh(source, { manual: false });
    const failed = await setup(dir, { now: () => T0 + 300_000 }).refresh(source, { manual: false });
    expect(failed.record.snapshot?.windows[0]?.utilization).toBe(42);
    expect(failed.record.error).toEqual({
      kind: 'server',
      message: 'Anthropic answered with an error.',
      retryAt: T0 + 600_000,
    });
  });

  it('appends each good snapshot to the history', async () => {
    const dir = tempDir();
    let now = T0;
    const source = fakeSource((index) => ok(10 + index, now));
    for (let i = 0; i < 3; i++) {
      now = T0 + i * 300_000;
      await setup(dir, { now: () => now }).refresh(source, { manual: false });
    }
    const history = JSON.parse(readFileSync(join(dir, 'history', 'oauth.json'), 'utf8')) as {
      series: Record<string, unknown[]>;
    };
    expect(history.series.five_hour).toEqual([
      [T0, 10, RESET],
      [T0 + 300_000, 11, RESET],
      [T0 + 600_000, 12, RESET],
    ]);
  });

  it('quarantines a corrupt cache file, rebuilds it and says where the damaged copy went', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cache'), { recursive: true });
    writeFileSync(join(dir, 'cache', 'oauth.json'), '{"source":"oauth","snap');
    const result = await setup(dir).refresh(
      fakeSource(() => ok(42)),
      { manual: false },
    );
    const quarantined = readdirSync(join(dir, 'cache')).filter((name) =>
      name.startsWith('oauth.json.corrupt-'),
    );
    expect(quarantined).toHaveLength(1);
    expect(result.problems).toEqual([
      `Pacewatch's oauth.json was damaged (not valid JSON); it was rebuilt and the damaged copy kept at ${join(dir, 'cache', quarantined[0] ?? '')}.`,
    ]);
    expect(result.record.snapshot?.windows[0]?.utilization).toBe(42);
    expect(existsSync(join(dir, 'cache', 'oauth.json'))).toBe(true);
  });
});

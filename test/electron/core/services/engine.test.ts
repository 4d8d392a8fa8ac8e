import { join } from 'node:path';
import type { LogsSummary } from '../../../../shared/domain/logs-summary';
import type { LogsMonitor } from '../../../../electron/core/services/logs-monitor';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../../electron/core/ports';
import type { EngineState } from '../../../../electron/core/services/engine';
import { dataLayout } from '../../../../electron/core/stores/data-layout';
import {
  fakeSource,
  sessionWindow,
  snapshotAt,
  type FakeSource,
} from '../../../support/fake-source';
import { useTempDir } from '../../../support/temp-dir';
import { testEngine } from '../../../support/test-engine';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const RESET = T0 + 4 * 60 * MIN;
const tempDir = useTempDir();

/** One process's engine (the app, or a `pacewatch watch`) over a shared data dir. */
function processOn(
  dir: string,
  source: FakeSource | FakeSource[],
  clock: { now: () => number },
  {
    maxTickMs = 30_000,
    shown = [] as Notification[],
    logs,
  }: {
    maxTickMs?: number;
    shown?: Notification[];
    logs?: { monitor: LogsMonitor; enabled: () => boolean };
  } = {},
) {
  const { engine, timers } = testEngine({
    layout: dataLayout(dir),
    clock,
    sources: () => (Array.isArray(source) ? source : [source]),
    shown,
    extra: {
      maxTickMs,
      ...(logs === undefined ? {} : { logs: logs.monitor, logsEnabled: logs.enabled }),
    },
  });
  return { engine, shown, timers };
}

function climbing(levels: number[], clock: { now: () => number }): FakeSource {
  return fakeSource((index) => ({
    ok: true,
    snapshot: snapshotAt(clock.now(), [
      sessionWindow(levels[Math.min(index, levels.length - 1)] ?? 0, RESET),
    ]),
  }));
}

describe('engine', () => {
  it('notifies each threshold and the lockout once when the app and a watch share one data dir', async () => {
    const dir = tempDir();
    let now = T0;
    const clock = { now: () => now };
    const source = climbing([40, 55, 80, 95, 96], clock);
    const desktop: Notification[] = [];
    const app = processOn(dir, source, clock, { shown: desktop });
    const watch = processOn(dir, source, clock, { shown: desktop });
    for (const [step, runner] of [app, watch, app, watch, app].entries()) {
      now = T0 + step * 5 * MIN;
      await runner.engine.pollNow({ manual: true });
    }
    const titles = desktop.map((notification) => notification.title);
    // 40 → 55 → 80 in ten minutes is 4 points a minute: at 80% the limit is 5 minutes away.
    expect(titles).toEqual([
      'Claude session at 50%',
      'Claude session at 75%',
      'Session lockout in ~5 m',
      'Claude session at 90%',
    ]);
    expect(source.fetches).toBe(5);

    const restarted = processOn(dir, source, clock);
    now = T0 + 25 * MIN;
    await restarted.engine.pollNow({ manual: true });
    expect(restarted.shown).toEqual([]);
  });

  it('reminds once, across the app, a watch and a restart, of a banked reset expiring unused within a day', async () => {
    const dir = tempDir();
    let now = T0;
    const clock = { now: () => now };
    const endsAt = T0 + 20 * 60 * MIN;
    const source = fakeSource(() => ({
      ok: true,
      snapshot: {
        ...snapshotAt(clock.now(), [sessionWindow(10, RESET)]),
        bankedResets: [
          {
            id: 'grant_1',
            label: 'Launch reset',
            left: 1,
            total: 2,
            startsAt: T0 - 24 * 60 * MIN,
            endsAt,
            clears: ['seven_day'],
            usableNow: true,
            paused: false,
          },
        ],
      },
    }));
    const desktop: Notification[] = [];
    const app = processOn(dir, source, clock, { shown: desktop });
    const watch = processOn(dir, source, clock, { shown: desktop });
    await app.engine.pollNow({ manual: true });
    now = T0 + 5 * MIN;
    await watch.engine.pollNow({ manual: true });
    const restarted = processOn(dir, source, clock, { shown: desktop });
    now = T0 + 10 * MIN;
    await restarted.engine.pollNow({ manual: true });
    expect(desktop).toEqual([
      {
        title: 'Unused limit reset expires in 20 h',
        message:
          'Launch reset: 1 reset left, each clears your week. It expires Sun 05:00, used or not; run /limit-reset in Claude Code before then if you need it.',
      },
    ]);
  });

  it('notifies a limit once when two sources report it', async () => {
    const dir = tempDir();
    const now = T0;
    const clock = { now: () => now };
    const reading = (source: 'oauth' | 'web') =>
      fakeSource(
        () => ({ ok: true, snapshot: snapshotAt(clock.now(), [sessionWindow(77, RESET)], source) }),
        source,
      );
    const { engine, shown } = processOn(dir, [reading('oauth'), reading('web')], clock);
    await engine.pollNow({ manual: true });
    expect(shown.map((notification) => notification.title)).toEqual(['Claude session at 75%']);
  });

  it('follows the transcripts only while the settings ask for the estimate', async () => {
    const dir = tempDir();
    const clock = { now: () => T0 };
    const calls: string[] = [];
    const estimate = { computedAt: T0 } as LogsSummary;
    const monitor: LogsMonitor = {
      start: () => Promise.resolve(void calls.push('start')),
      summary: () => estimate,
      stop: () => void calls.push('stop'),
    };
    let enabled = true;
    const { engine } = processOn(dir, climbing([10], clock), clock, {
      logs: { monitor, enabled: () => enabled },
    });
    engine.start();
    expect((await engine.pollNow({ manual: true })).logs).toBe(estimate);
    enabled = false;
    expect((await engine.pollNow({ manual: true })).logs).toBeNull();
    enabled = true;
    expect((await engine.pollNow({ manual: true })).logs).toBe(estimate);
    await engine.stop();
    expect(calls).toEqual(['start', 'stop', 'start', 'stop']);
  });

  it('reads what another process fetched instead of fetching again', async () => {
    const dir = tempDir();
    const now = T0;
    const clock = { now: () => now };
    const source = climbing([40], clock);
    await processOn(dir, source, clock).engine.pollNow({ manual: true });
    const other = processOn(dir, source, clock);
    other.engine.start();
    const state = await new Promise<EngineState>((resolve) => other.engine.subscribe(resolve));
    expect(source.fetches).toBe(1);
    expect(state.views[0]?.windows[0]?.utilization).toBe(40);
    await other.engine.stop();
  });

  it('keeps the last good figures, marked stale, with a sentence when a poll throws, until one succeeds', async () => {
    const dir = tempDir();
    let now = T0;
    const clock = { now: () => now };
    let broken = false;
    const source = fakeSource((index) => {
      if (broken) throw new Error('Invalid time value');
      return { ok: true, snapshot: snapshotAt(clock.now(), [sessionWindow(40 + index, RESET)]) };
    });
    const { engine, timers } = processOn(dir, source, clock, { maxTickMs: 60 * MIN });
    engine.start();
    const good = await engine.pollNow();
    expect(good.failure).toBeNull();
    expect(good.views[0]?.stale).toBe(false);

    broken = true;
    now = T0 + 2 * MIN;
    const failed = await engine.pollNow({ manual: true });
    expect(failed.failure).toEqual({
      message:
        'Pacewatch could not update your usage (Invalid time value); the figures shown are the ' +
        'last good ones and it keeps trying by itself. If this goes on, restart Pacewatch; if it ' +
        `still fails, move the folder ${join(dir, 'cache')} aside (its figures are fetched again) ` +
        'and report this message.',
      since: T0 + 2 * MIN,
    });
    expect(failed.updatedAt).toBe(T0);
    expect(failed.views.map((view) => [view.stale, view.windows[0]?.utilization])).toEqual([
      [true, 40],
    ]);
    // It tries again after the longest wait between looks, not never.
    expect(timers.delays.at(-1)).toBe(60 * MIN);

    now = T0 + 3 * MIN;
    expect((await engine.pollNow({ manual: true })).failure?.since).toBe(T0 + 2 * MIN);

    broken = false;
    now = T0 + 4 * MIN;
    const recovered = await engine.pollNow({ manual: true });
    expect(recovered.failure).toBeNull();
    expect(recovered.views.map((view) => [view.stale, view.windows[0]?.utilization])).toEqual([
      [false, 43],
    ]);
    await engine.stop();
  });

  it('says so when the very first poll throws, instead of loading for ever', async () => {
    const dir = tempDir();
    const clock = { now: () => T0 };
    const source = fakeSource(() => {
      throw new Error('boom');
    });
    const { engine } = processOn(dir, source, clock);
    const states: EngineState[] = [];
    engine.subscribe((state) => states.push(state));
    engine.start();
    await waitFor(() => states.length === 1);
    expect(states[0]?.views).toEqual([]);
    expect(states[0]?.failure?.message).toMatch(/^Pacewatch could not update your usage \(boom\);/);
    await engine.stop();
  });

  it('pollNow joins a poll in progress, and fetches only what is due unless manual', async () => {
    const dir = tempDir();
    let now = T0;
    const clock = { now: () => now };
    const source = climbing([10, 20, 30], clock);
    const { engine } = processOn(dir, source, clock);
    const release = source.hold();
    const first = engine.pollNow();
    const joined = engine.pollNow();
    expect(joined).toBe(first);
    release();
    expect((await joined).views[0]?.windows[0]?.utilization).toBe(10);
    expect(source.fetches).toBe(1);

    now = T0 + 2 * MIN;
    expect((await engine.pollNow()).views[0]?.windows[0]?.utilization).toBe(10);
    expect(source.fetches).toBe(1);
    expect((await engine.pollNow({ manual: true })).views[0]?.windows[0]?.utilization).toBe(20);
    expect(source.fetches).toBe(2);

    now = T0 + 8 * MIN;
    expect((await engine.pollNow()).views[0]?.windows[0]?.utilization).toBe(30);
    expect(source.fetches).toBe(3);
  });

  it('sleeps until the next source is due, and holds polling while paused', async () => {
    const dir = tempDir();
    let now = T0;
    const clock = { now: () => now };
    const source = climbing([10, 20, 30], clock);
    const { engine, timers } = processOn(dir, source, clock, { maxTickMs: 60 * MIN });
    const ticks: EngineState[] = [];
    engine.subscribe((state) => ticks.push(state));
    engine.start();
    await waitFor(() => ticks.length === 1);
    expect(timers.delays).toEqual([5 * MIN]);

    now = T0 + 5 * MIN;
    timers.fire();
    await waitFor(() => ticks.length === 2);
    expect(source.fetches).toBe(2);

    engine.pause();
    expect(timers.pending()).toBe(0);
    now = T0 + 30 * MIN;
    engine.resume();
    await waitFor(() => ticks.length === 3);
    expect(source.fetches).toBe(3);
    expect(ticks[2]?.views[0]?.windows[0]?.utilization).toBe(30);
    await engine.stop();
    expect(timers.pending()).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

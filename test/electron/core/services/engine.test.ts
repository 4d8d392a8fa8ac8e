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
      await runner.engine.refreshNow();
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
    await restarted.engine.refreshNow();
    expect(restarted.shown).toEqual([]);
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
    await engine.refreshNow();
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
    expect((await engine.refreshNow()).logs).toBe(estimate);
    enabled = false;
    expect((await engine.refreshNow()).logs).toBeNull();
    enabled = true;
    expect((await engine.refreshNow()).logs).toBe(estimate);
    await engine.stop();
    expect(calls).toEqual(['start', 'stop', 'start', 'stop']);
  });

  it('reads what another process fetched instead of fetching again', async () => {
    const dir = tempDir();
    const now = T0;
    const clock = { now: () => now };
    const source = climbing([40], clock);
    await processOn(dir, source, clock).engine.refreshNow();
    const other = processOn(dir, source, clock);
    other.engine.start();
    const state = await new Promise<EngineState>((resolve) => other.engine.subscribe(resolve));
    expect(source.fetches).toBe(1);
    expect(state.views[0]?.windows[0]?.utilization).toBe(40);
    await other.engine.stop();
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

import type { Clock, Notification } from '../../electron/core/ports';
import { createAlertService } from '../../electron/core/services/alert-service';
import { createEngine, type Engine, type EngineDeps } from '../../electron/core/services/engine';
import { createUsageRefresher } from '../../electron/core/services/usage-refresher';
import type { UsageSource } from '../../electron/core/sources/usage-source';
import type { DataLayout } from '../../electron/core/stores/data-layout';
import { pollPolicy } from '../../shared/domain/poll-policy';
import { defaultSettings } from '../../shared/domain/settings';
import { fakeTimers, type FakeTimers } from './fake-timers';

/** A logger that drops everything. */
export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** What a test chooses about its engine; the rest is the app's wiring with 5-minute polls. */
export interface TestEngineOptions {
  readonly layout: DataLayout;
  readonly clock: Clock;
  readonly sources: () => readonly UsageSource[];
  /** Where delivered notifications go (default: nowhere). */
  readonly shown?: Notification[];
  /** Anything else the engine takes (logs, maxTickMs…). */
  readonly extra?: Partial<EngineDeps>;
}

/** One process's engine (the app, or a `pacewatch watch`) with fake timers, as the app wires it. */
export function testEngine(options: TestEngineOptions): { engine: Engine; timers: FakeTimers } {
  const { layout, clock, shown } = options;
  const policyFor = () => pollPolicy(5 * 60_000, false);
  const timers = fakeTimers();
  const engine = createEngine({
    sources: options.sources,
    refresher: createUsageRefresher({
      layout,
      clock,
      random: () => 0.5,
      policyFor,
      lockWaitMs: 5_000,
    }),
    alerts: createAlertService({
      layout,
      clock,
      logger: silentLogger,
      settings: defaultSettings,
      notifier: { notify: (notification) => Promise.resolve(void shown?.push(notification)) },
    }),
    layout,
    clock,
    timers,
    logger: silentLogger,
    policyFor,
    ...options.extra,
  });
  return { engine, timers };
}

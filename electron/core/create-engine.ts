import type { Core } from './create-core';
import type { ForkScript, Logger, Notifier, Timers } from './ports';
import { createAlertService } from './services/alert-service';
import { createEngine, type Engine } from './services/engine';
import { createLogsMonitor } from './services/logs-monitor';
import { priceRefreshFor } from './prices/price-refresh-setup';

/** The ports a surface brings to the engine: how it notifies, logs, keeps time and forks. */
export interface EnginePorts {
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly timers: Timers;
  /** How the first read of the transcripts runs its child process; Node's fork by default. */
  readonly forkScript?: ForkScript;
}

/** The long-running engine over a core, shared by `pacewatch watch` and the app. */
export function createCoreEngine(core: Core, ports: EnginePorts): Engine {
  const alerts = createAlertService({
    layout: core.layout,
    clock: core.clock,
    notifier: ports.notifier,
    logger: ports.logger,
    settings: core.settings,
  });
  return createEngine({
    sources: core.enabledSources,
    beforeTick: core.reloadSettings,
    refresher: core.refresher,
    alerts,
    layout: core.layout,
    clock: core.clock,
    timers: ports.timers,
    logger: ports.logger,
    policyFor: core.policyFor,
    logs: createLogsMonitor(core.pathEnv, ports.logger, {
      fork: ports.forkScript,
      refresh: () => {
        const chosen = priceRefreshFor(
          core.pathEnv,
          { offline: false, setting: core.settings().sources.logs.refreshPrices },
          core.clock,
        );
        if (chosen.problem !== null) ports.logger.warn(chosen.problem);
        return chosen.refresh;
      },
    }),
    logsEnabled: () => core.settings().sources.logs.enabled,
    verdictSettings: () => core.settings().alerts,
  });
}

/** Node's timers as the Timers port. */
export const nodeTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => {
      clearTimeout(handle);
    };
  },
};

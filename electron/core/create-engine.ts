import type { Core } from './create-core';
import type { ForkScript, Logger, Notifier, Timers } from './ports';
import { createAlertService } from './services/alert-service';
import { createEngine, type Engine } from './services/engine';
import { createLogsMonitor } from './services/logs-monitor';
import { MAX_PRICE_LIST_BYTES } from './prices/price-refresh';
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
      // The core's own network (Electron's in the app, so the system proxy applies), bounded
      // for the list's size; the setting is read at each look.
      priceRefresh: () =>
        priceRefreshFor(
          core.pathEnv,
          core.settings().sources.logs.refreshPrices,
          core.clock,
          (origin) => core.httpFor([origin], { maxBodyBytes: MAX_PRICE_LIST_BYTES }),
        ),
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

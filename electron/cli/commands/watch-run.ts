import { formatClock } from '../../../shared/domain/format';
import { scrubSecrets } from '../../../shared/domain/secret';
import type { SourceView } from '../../../shared/domain/source-view';
import { createNodeNotifier } from '../../core/adapters/node-notifier';
import { createCore } from '../../core/create-core';
import type { Logger, Notifier, Timers } from '../../core/ports';
import { createAlertService } from '../../core/services/alert-service';
import { createEngine } from '../../core/services/engine';
import { printProblems } from './output';

const timers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => {
      clearTimeout(handle);
    };
  },
};

const logger: Logger = {
  info: (message) => process.stdout.write(`${scrubSecrets(message)}\n`),
  warn: (message) => process.stderr.write(`headroom: ${scrubSecrets(message)}\n`),
  error: (message) => process.stderr.write(`headroom: ${scrubSecrets(message)}\n`),
};

/** `headroom watch`: polls until SIGINT/SIGTERM; returns the exit code. */
export async function runWatch(options: { intervalMs?: number }): Promise<number> {
  const created = await createCore(options);
  if (!created.ok) {
    logger.error(created.message);
    return 2;
  }
  const { core } = created;
  printProblems([...core.endpoints.overrides, ...core.problems]);
  const requested = options.intervalMs;
  const policy = core.policyFor('oauth');
  if (requested !== undefined && requested < policy.intervalMs) {
    logger.warn(
      `polling every ${policy.intervalMs / 1_000} s: Anthropic rate-limits faster polling.`,
    );
  }
  const clock = core.clock;
  const notifier = announcing(createNodeNotifier(), () => clock.now());
  const alerts = createAlertService({
    layout: core.layout,
    clock,
    notifier,
    logger,
    settings: () => core.settings,
  });
  const engine = createEngine({
    sources: [...core.sources.values()],
    refresher: core.refresher,
    alerts,
    layout: core.layout,
    clock,
    timers,
    logger,
    policyFor: core.policyFor,
  });
  const lastLines = new Map<string, string>();
  engine.subscribe((state) => {
    printProblems(state.problems);
    for (const view of state.views) {
      const line = summaryLine(view);
      if (line !== lastLines.get(view.source))
        logger.info(`[${formatClock(state.updatedAt, state.updatedAt)}] ${line}`);
      lastLines.set(view.source, line);
    }
  });
  logger.info(`Watching Claude usage (data in ${core.layout.dir}). Press Ctrl+C to stop.`);
  engine.start();
  await new Promise<void>((resolve) => {
    const stop = () => void engine.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** Prints each alert in the terminal too, so it is seen even where desktop notifications fail. */
function announcing(notifier: Notifier, now: () => number): Notifier {
  return {
    notify(notification) {
      logger.info(
        `[${formatClock(now(), now())}] alert: ${notification.title} — ${notification.message}`,
      );
      return notifier.notify(notification);
    },
  };
}

function summaryLine(view: SourceView): string {
  const windows = view.windows.map(
    (window) => `${window.binding ? '▸' : ''}${window.label} ${Math.round(window.utilization)}%`,
  );
  const figures = windows.length > 0 ? windows.join(' · ') : 'no figures yet';
  const stale = view.stale ? ' (stale)' : '';
  const error = view.error === null ? '' : ` · ! ${view.error.message}`;
  return `${view.source}: ${figures}${stale}${error}`;
}

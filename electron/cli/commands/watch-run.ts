import { formatClock, formatMoney, formatTokens } from '../../../shared/domain/format';
import type { LogsSummary } from '../../../shared/domain/logs-summary';
import { scrubSecrets } from '../../../shared/domain/secret';
import { createNodeNotifier } from '../../core/adapters/node-notifier';
import { createCore } from '../../core/create-core';
import { createCoreEngine, nodeTimers } from '../../core/create-engine';
import { untilStopSignal } from '../../core/platform/stop-signal';
import type { Logger, Notifier } from '../../core/ports';
import { watchLine } from '../render/watch-line';
import { printProblems } from './output';

const logger: Logger = {
  info: (message) => process.stdout.write(`${scrubSecrets(message)}\n`),
  warn: (message) => process.stderr.write(`pacewatch: ${scrubSecrets(message)}\n`),
  error: (message) => process.stderr.write(`pacewatch: ${scrubSecrets(message)}\n`),
};

/** `pacewatch watch`: polls until SIGINT/SIGTERM; returns the exit code. */
export async function runWatch(options: { intervalMs?: number }): Promise<number> {
  const created = await createCore(options);
  if (!created.ok) {
    logger.error(created.message);
    return 2;
  }
  const { core } = created;
  printProblems([...core.endpoints.overrides, ...core.problems]);
  const policy = core.policyFor('oauth');
  if (options.intervalMs !== undefined && options.intervalMs < policy.intervalMs) {
    logger.warn(
      `polling every ${policy.intervalMs / 1_000} s: Anthropic rate-limits faster polling.`,
    );
  }
  const now = () => core.clock.now();
  const engine = createCoreEngine(core, {
    notifier: announcing(createNodeNotifier(), now),
    logger,
    timers: nodeTimers,
  });
  // One line per source, and one for the local estimate, printed again only when it changes.
  const lastLines = new Map<string, string>();
  engine.subscribe((state) => {
    printProblems(state.problems);
    const lines: (readonly [string, string])[] = state.views.map((view) => [
      view.source,
      watchLine(view, state.verdict),
    ]);
    if (state.logs !== null) lines.push(['logs', logsLine(state.logs)]);
    // Said once per run of failed polls; said again if polling fails anew after recovering.
    if (state.failure === null) lastLines.delete('failure');
    else lines.push(['failure', `! ${state.failure.message}`]);
    for (const [key, line] of lines) {
      if (line === lastLines.get(key)) continue;
      lastLines.set(key, line);
      logger.info(`[${formatClock(state.updatedAt, state.updatedAt)}] ${line}`);
    }
  });
  logger.info(`Watching Claude usage (data in ${core.layout.dir}). Press Ctrl+C to stop.`);
  logger.info('▸ marks the binding limit: the one that would lock you out first.');
  engine.start();
  await untilStopSignal();
  await engine.stop();
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

/** The local estimate in one line: "logs (estimate at API prices): block 1.2 M tokens · $4.10 · 38 k tokens/min; today $12.30". */
function logsLine(logs: LogsSummary): string {
  const block = logs.activeBlock;
  const blockText =
    block === null || !block.isActive
      ? 'no active 5-hour block'
      : [
          `block ${formatTokens(block.tokens.total)} tokens`,
          formatMoney(block.costUsd, 'USD'),
          ...(block.tokensPerMinute === null
            ? []
            : [`${formatTokens(block.tokensPerMinute)} tokens/min`]),
        ].join(' · ');
  return `logs (estimate at API prices): ${blockText}; today ${formatMoney(logs.today.costUsd, 'USD')}`;
}

import { scrubSecrets } from '../../../shared/domain/secret';
import { createNodeNotifier } from '../../core/adapters/node-notifier';
import { createCore } from '../../core/create-core';
import { createCoreEngine, nodeTimers } from '../../core/create-engine';
import { untilStopSignal } from '../../core/platform/stop-signal';
import type { Logger, Notifier } from '../../core/ports';
import { stamped, watchHeader, watchLines } from '../render/watch-text';
import { lookOf, type Look } from '../terminal/paint';
import { processTerminal } from '../terminal/terminal';
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
  const look = lookOf(processTerminal());
  const engine = createCoreEngine(core, {
    notifier: announcing(createNodeNotifier(), now, look),
    logger,
    timers: nodeTimers,
  });
  // One line per source, and one for the local estimate, printed again only when it changes.
  const lastLines = new Map<string, string>();
  engine.subscribe((state) => {
    printProblems(state.problems);
    // Said once per run of failed polls; said again if polling fails anew after recovering.
    if (state.failure === null) lastLines.delete('failure');
    for (const line of watchLines(state, look)) {
      if (line.text === lastLines.get(line.key)) continue;
      lastLines.set(line.key, line.text);
      for (const text of stamped(state.updatedAt, line.text, look, line.style)) {
        logger.info(text);
      }
    }
  });
  for (const line of watchHeader(core.layout.dir, look)) logger.info(line);
  engine.start();
  await untilStopSignal();
  await engine.stop();
  return 0;
}

/** Prints each alert in the terminal too, so it is seen even where desktop notifications fail. */
function announcing(notifier: Notifier, now: () => number, look: Look): Notifier {
  return {
    notify(notification) {
      const text = `alert: ${notification.title} — ${notification.message}`;
      for (const line of stamped(now(), text, look, look.paint.bold)) logger.info(line);
      return notifier.notify(notification);
    },
  };
}

import type { Command } from 'commander';
import { parseDuration } from '../../../shared/domain/duration';

/** Registers `pacewatch watch`. */
export function registerWatchCommand(program: Command): void {
  program
    .command('watch')
    .description(
      'Monitor usage in the foreground and send desktop notifications at each threshold.',
    )
    .option(
      '--interval <duration>',
      'poll interval, e.g. 5m, 90s (at least 60 s against Anthropic)',
    )
    .action(async (options: { interval?: string }) => {
      const intervalMs =
        options.interval === undefined ? undefined : parseDuration(options.interval);
      if (intervalMs === null || (intervalMs !== undefined && intervalMs <= 0)) {
        program.error(
          `error: --interval takes a duration like 5m or 90s, not "${options.interval ?? ''}"`,
        );
      }
      const { runWatch } = await import('./watch-run');
      process.exitCode = await runWatch(intervalMs === undefined ? {} : { intervalMs });
    });
}

import type { Command } from 'commander';
import { OFFLINE_HELP } from './report';

/** `pacewatch advise [--json]`: which plan the last 30 days of usage call for. */
export function registerAdviseCommand(program: Command): void {
  program
    .command('advise')
    .description(
      'Compares your last 30 days with the plans in one paragraph: by price (the API-equivalent cost from Claude Code’s local transcripts) and by capacity (your busiest 5-hour block and week against your current plan’s limits, from Pacewatch’s usage history), naming your current plan.',
    )
    .option('--json', 'print the figures and the paragraph as JSON')
    .option('--offline', OFFLINE_HELP)
    .action(async (options: { json?: true; offline?: true }) => {
      const { runAdvise } = await import('./advise-run');
      process.exitCode = await runAdvise({
        json: options.json === true,
        offline: options.offline === true,
      });
    });
}

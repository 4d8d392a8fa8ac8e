import type { Command } from 'commander';

/** `pacewatch advise [--json]`: which plan the last 30 days of usage call for. */
export function registerAdviseCommand(program: Command): void {
  program
    .command('advise')
    .description(
      'Compares the API-equivalent cost of your last 30 days (from Claude Code’s local transcripts) with Pro ($20), Max 5x ($100) and Max 20x ($200), in one paragraph.',
    )
    .option('--json', 'print the figures and the paragraph as JSON')
    .action(async (options: { json?: true }) => {
      const { runAdvise } = await import('./advise-run');
      process.exitCode = await runAdvise({ json: options.json === true });
    });
}

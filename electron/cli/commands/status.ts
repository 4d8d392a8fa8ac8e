import { Option, type Command } from 'commander';
import { SOURCE_IDS, type SourceId } from '../../../shared/domain/snapshot';

/** Registers `pacewatch status`. */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      'Show how much of each limit window is used, when it resets, and the projected lockout.',
    )
    .option('--json', 'print the stable JSON contract instead of a table')
    .option(
      '--refresh',
      'fetch now instead of using a fresh cached snapshot (a server cooldown still applies)',
    )
    .addOption(
      new Option(
        '--source <id>',
        'show only this source; without it, every enabled source is merged (the freshest figure per limit), and --json reports the source of the binding window',
      ).choices(SOURCE_IDS),
    )
    .action(async (options: { json?: true; refresh?: true; source?: SourceId }) => {
      const { runStatus } = await import('./status-run');
      process.exitCode = await runStatus({
        json: options.json === true,
        refresh: options.refresh === true,
        source: options.source ?? null,
      });
    });
}

import { Argument, Option, type Command } from 'commander';
import { COST_MODES, type CostMode } from '../../../shared/domain/logs/cost';
import { REPORT_KINDS, type ReportKind } from '../../../shared/domain/logs/reports';

interface ReportOptions {
  readonly json?: true;
  readonly since?: string;
  readonly until?: string;
  readonly tz?: string;
  readonly mode: CostMode;
  readonly verbose?: true;
  readonly offline?: true;
}

/** `--offline` of the commands that price tokens (report, advise). */
export const OFFLINE_HELP =
  'use the built-in prices only: no daily price refresh over the network (also PACEWATCH_OFFLINE=1)';

/** `pacewatch report daily|monthly|blocks|sessions`: tokens and API-equivalent cost from local transcripts. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Tokens and API-equivalent cost from Claude Code’s local transcripts (an estimate, not your plan’s quota): per day, month, session or 5-hour block. Reads only what is new since the last run.',
    )
    .addArgument(new Argument('<kind>', 'what to group by').choices(REPORT_KINDS))
    .option(
      '--json',
      'print ccusage-compatible JSON (daily[], monthly[], sessions[] or blocks[], with totals)',
    )
    .option('--since <date>', 'first day to include, YYYYMMDD or YYYY-MM-DD (local to --tz)')
    .option('--until <date>', 'last day to include, YYYYMMDD or YYYY-MM-DD (local to --tz)')
    .option('--tz <zone>', 'IANA time zone for days and months (default: this machine’s)')
    .option('--verbose', 'also print what was read (files, bytes, time) to stderr')
    .option('--offline', OFFLINE_HELP)
    .addOption(
      new Option(
        '--mode <mode>',
        'how a logged costUSD is used: auto prefers it, calculate ignores it, display shows only it',
      )
        .choices(COST_MODES)
        .default('auto'),
    )
    .action(async (kind: ReportKind, options: ReportOptions) => {
      const { runReport } = await import('./report-run');
      process.exitCode = await runReport({
        kind,
        json: options.json === true,
        since: options.since,
        until: options.until,
        tz: options.tz,
        mode: options.mode,
        verbose: options.verbose === true,
        offline: options.offline === true,
      });
    });
}

import { buildReport, type ReportKind } from '../../../shared/domain/logs/reports';
import { entryUnpriced, labelTable } from '../../../shared/domain/logs/aggregate';
import type { CostMode } from '../../../shared/domain/logs/cost';
import {
  isValidTimeZone,
  parseReportDate,
  systemTimeZone,
} from '../../../shared/domain/logs/time-zone';
import { pricesPath } from '../../core/prices/price-paths';
import { openLogsReader } from '../../core/sources/logs/open-reader';
import { commandPrices } from '../../core/prices/price-refresh-setup';
import type { LogsReader, LogsRefresh } from '../../core/sources/logs/reader';
import { processPathEnv, type PathEnv } from '../../core/platform/paths';
import { printProblems } from './output';
import { createPaint } from '../terminal/paint';
import { processTerminal } from '../terminal/terminal';

/** `pacewatch report` options, as parsed. */
export interface ReportArgs {
  readonly kind: ReportKind;
  readonly json: boolean;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly tz?: string | undefined;
  readonly mode: CostMode;
  readonly verbose?: boolean;
  readonly offline?: boolean;
}

/**
 * The report's inputs after validation, or the sentence that says what is wrong. `timeZone` null:
 * the machine's (the JSON report then never starts Intl, see createDayKey).
 */
function checkArgs(
  args: ReportArgs,
): { since: string | null; until: string | null; timeZone: string | null } | string {
  const since = args.since === undefined ? null : parseReportDate(args.since);
  const until = args.until === undefined ? null : parseReportDate(args.until);
  if (since === null && args.since !== undefined)
    return `--since ${args.since} is not a date: use YYYYMMDD or YYYY-MM-DD.`;
  if (until === null && args.until !== undefined)
    return `--until ${args.until} is not a date: use YYYYMMDD or YYYY-MM-DD.`;
  const timeZone = args.tz ?? null;
  if (timeZone !== null && !isValidTimeZone(timeZone))
    return `--tz ${timeZone} is not a time zone: use an IANA name such as Europe/Paris or UTC.`;
  return { since, until, timeZone };
}

/** Reads new transcript bytes (index in the data dir), prints the report; returns the exit code. */
export async function runReport(
  args: ReportArgs,
  env: PathEnv = processPathEnv(),
): Promise<number> {
  const checked = checkArgs(args);
  if (typeof checked === 'string') {
    printProblems([checked]);
    return 2;
  }
  const prices = await commandPrices(env, args.offline === true);
  const { reader, roots } = openLogsReader(env, { prices: prices.table });
  const refresh = await reader.refresh();
  reader.close();
  if (args.verbose === true) printProblems([readSummary(refresh, reader.entries().count)]);
  const now = Date.now();
  const report = buildReport(reader.entries(), args.kind, { ...checked, mode: args.mode, now });
  if (args.json) process.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
  else {
    // The table renderer (string widths, colour) loads only for the text report.
    const { reportText } = await import('../render/report-text');
    const terminal = processTerminal();
    const text = reportText(report, {
      timeZone: checked.timeZone ?? systemTimeZone(),
      now,
      width: terminal.columns,
      paint: createPaint(terminal.colorLevel),
    });
    process.stdout.write(`${text}\n`);
  }
  printProblems([
    ...(roots.length === 0
      ? [
          'no Claude Code transcripts found (looked for projects/ in CLAUDE_CONFIG_DIR, else ~/.claude and ~/.config/claude); set CLAUDE_CONFIG_DIR if yours live elsewhere.',
        ]
      : []),
    ...prices.problems,
    ...logsFaults(reader, args.mode, pricesPath(env)),
  ]);
  return 0;
}

/** What a refresh did, in one line (for --verbose and the benchmark). */
function readSummary(refresh: LogsRefresh, responses: number): string {
  const megabytes = (refresh.bytesRead / 1e6).toFixed(1);
  const rebuilt = refresh.rebuilt === null ? '' : ` (read again: ${refresh.rebuilt})`;
  return `read ${refresh.filesRead} of ${refresh.files} transcripts, ${refresh.bytesRead} bytes (${megabytes} MB), in ${Math.round(refresh.durationMs)} ms on ${refresh.threads + 1} ${refresh.threads === 0 ? 'thread' : 'threads'}; ${responses} responses counted${rebuilt}.`;
}

const MAX_FILE_LINES = 5;

/** One line per fault the reader met, each saying what to do (never fatal). */
export function logsFaults(reader: LogsReader, mode: CostMode, pricesFile: string): string[] {
  const problems = reader.problems();
  const lines = problems.notices.map((notice) => notice.message);
  for (const { path, error } of problems.unreadable.slice(0, MAX_FILE_LINES)) {
    lines.push(
      `cannot read ${path} (${error}): its usage is not counted; check that the file is readable.`,
    );
  }
  if (problems.unreadable.length > MAX_FILE_LINES) {
    lines.push(`… and ${problems.unreadable.length - MAX_FILE_LINES} more unreadable transcripts.`);
  }
  if (problems.malformedLines > 0) {
    lines.push(
      `${problems.malformedLines} transcript ${problems.malformedLines === 1 ? 'line mentions' : 'lines mention'} usage but ${problems.malformedLines === 1 ? 'is' : 'are'} not valid JSON and ${problems.malformedLines === 1 ? 'was' : 'were'} skipped (a write cut short?); nothing to do unless the count keeps growing.`,
    );
  }
  const entries = reader.entries();
  const label = labelTable(entries);
  const unpriced = new Set<string>();
  for (let index = 0; index < entries.count; index += 1) {
    if (entryUnpriced(entries, index, mode)) unpriced.add(label(index) ?? '');
  }
  for (const model of [...unpriced].sort()) {
    lines.push(
      `no price for ${model}: its tokens are counted but not its cost, so costs are lower bounds (≥); add it to ${pricesFile} (or update Pacewatch).`,
    );
  }
  return lines;
}

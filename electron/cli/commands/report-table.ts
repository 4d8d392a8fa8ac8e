import type { TokenSums, UsageGroup } from '../../../shared/domain/logs/aggregate';
import { burnRate, projectBlock, type UsageBlock } from '../../../shared/domain/logs/blocks';
import type { SessionGroup } from '../../../shared/domain/logs/ccusage-json';
import type { Report } from '../../../shared/domain/logs/reports';
import { createClock } from '../../../shared/domain/logs/time-zone';

type Align = 'left' | 'right';

/** Lays out rows in columns: left-aligned text, right-aligned numbers, a rule under the header. */
function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        align[column] === 'right'
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    line(headers),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

const integer = (value: number): string => Math.round(value).toLocaleString('en-US');
const dollars = (value: number): string => `$${value.toFixed(2)}`;

/** `claude-sonnet-4-5-20250929` → `sonnet-4-5`, so the models column stays readable. */
function shortModel(model: string): string {
  return model.replace(/^claude-/, '').replace(/-\d{8}(?=-|$)/, '');
}

const models = (names: readonly string[]): string => names.map(shortModel).join(', ') || '—';

const TOKEN_HEADERS = ['Input', 'Output', 'Cache write', 'Cache read', 'Total tokens', 'Cost'];
const TOKEN_ALIGN: Align[] = ['right', 'right', 'right', 'right', 'right', 'right'];

type CostSums = TokenSums & { totalCost: number };

function tokenCells(group: CostSums): string[] {
  return [
    integer(group.inputTokens),
    integer(group.outputTokens),
    integer(group.cacheCreationTokens),
    integer(group.cacheReadTokens),
    integer(group.totalTokens),
    dollars(group.totalCost),
  ];
}

function periodTable(label: string, rows: readonly UsageGroup[], totals: CostSums): string {
  const sorted = [...rows].sort((a, b) => a.key.localeCompare(b.key));
  const body = sorted.map((row) => [
    `${row.key}${row.retained ? ' *' : ''}`,
    models(row.modelsUsed),
    ...tokenCells(row),
  ]);
  const table = formatTable(
    [label, 'Models', ...TOKEN_HEADERS],
    [...body, ['Total', '', ...tokenCells(totals)]],
    ['left', 'left', ...TOKEN_ALIGN],
  );
  const retained = sorted.some((row) => row.retained)
    ? '\n* includes transcripts Claude Code has since deleted (Pacewatch keeps their totals).'
    : '';
  return `${table}${retained}`;
}

function sessionsTable(
  rows: readonly SessionGroup[],
  clock: (at: number) => string,
  totals: CostSums,
): string {
  const sorted = [...rows].sort((a, b) => b.group.totalCost - a.group.totalCost);
  const body = sorted.map(({ group, sessionId, projectPath }) => [
    sessionId,
    projectPath,
    models(group.modelsUsed),
    integer(group.totalTokens),
    dollars(group.totalCost),
    clock(group.lastActivity),
  ]);
  const total = ['Total', '', '', integer(totals.totalTokens), dollars(totals.totalCost), ''];
  return formatTable(
    ['Session', 'Project', 'Models', 'Tokens', 'Cost', 'Last activity'],
    [...body, total],
    ['left', 'left', 'left', 'right', 'right', 'left'],
  );
}

function blockStatus(block: UsageBlock, now: number): string {
  if (block.isGap) return `gap ${Math.round((block.endAt - block.startAt) / 3_600_000)} h`;
  if (block.isActive)
    return `active, ${Math.max(0, Math.round((block.endAt - now) / 60_000))} min left`;
  return 'ended';
}

function blocksTable(
  rows: readonly UsageBlock[],
  clock: (at: number) => string,
  now: number,
): string {
  const body = rows.map((block) => {
    const rate = block.isActive ? burnRate(block) : null;
    const projection = projectBlock(block, now);
    return [
      clock(block.startAt),
      blockStatus(block, now),
      models(block.models),
      block.isGap ? '' : integer(block.totalTokens),
      block.isGap ? '' : dollars(block.costUsd),
      rate === null ? '' : `${integer(rate.tokensPerMinute)}/min`,
      projection === null
        ? ''
        : `${integer(projection.totalTokens)} · ${dollars(projection.totalCost)}`,
    ];
  });
  return formatTable(
    ['Block start', 'Status', 'Models', 'Tokens', 'Cost', 'Burn rate', 'Projected at end'],
    body,
    ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
  );
}

/** A report as a table for people, under a heading that says it is an estimate. */
export function reportText(report: Report, timeZone: string, now: number): string {
  const heading = `Claude Code usage from local transcripts — API-equivalent cost, an estimate (time zone ${timeZone})`;
  if (report.rows.length === 0) return `${heading}\nNo usage in this range.`;
  switch (report.kind) {
    case 'daily':
      return `${heading}\n${periodTable('Date', report.rows, report.json.totals)}`;
    case 'monthly':
      return `${heading}\n${periodTable('Month', report.rows, report.json.totals)}`;
    case 'sessions':
      return `${heading}\n${sessionsTable(report.rows, createClock(timeZone), report.json.totals)}`;
    case 'blocks':
      return `${heading}\n${blocksTable(report.rows, createClock(timeZone), now)}`;
  }
}

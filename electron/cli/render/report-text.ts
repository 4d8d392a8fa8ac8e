import type { TokenSums, UsageGroup } from '../../../shared/domain/logs/aggregate';
import { costText, unpricedLines, type UnpricedTokens } from '../../../shared/domain/logs/unpriced';
import { burnRate, projectBlock, type UsageBlock } from '../../../shared/domain/logs/blocks';
import type { SessionGroup } from '../../../shared/domain/logs/ccusage-json';
import type { Report } from '../../../shared/domain/logs/reports';
import { createClock } from '../../../shared/domain/logs/time-zone';
import { formatDuration, formatMoney } from '../../../shared/domain/format';
import type { Paint } from '../terminal/paint';
import { layoutTable, type Column, type Row } from '../terminal/table';
import { wrap } from '../terminal/text';

const integer = (value: number): string => Math.round(value).toLocaleString('en-US');
const dollars = (value: number): string => formatMoney(value, 'USD');

/** `claude-sonnet-4-5-20250929` → `sonnet-4-5`, so the models column stays readable. */
function shortModel(model: string): string {
  return model.replace(/^claude-/, '').replace(/-\d{8}(?=-|$)/, '');
}

/** The models of a row, in one fixed (alphabetical) order on every row. */
export function modelList(names: readonly string[]): string {
  const short = [...new Set(names.map(shortModel))].sort((a, b) => a.localeCompare(b, 'en'));
  return short.join(', ') || '—';
}

const right = { align: 'right' } as const;
const MODELS: Column = { header: 'Models', shrink: 'wrap' };

type CostSums = TokenSums & { totalCost: number; unpricedTokens?: Record<string, number> };

/** A cost, marked `≥` when some tokens could not be priced (it is then a lower bound). */
function costCell(cost: number, unpriced: UnpricedTokens | undefined): string {
  return costText(dollars(cost), unpriced);
}

function tokenCells(group: CostSums): string[] {
  return [
    integer(group.inputTokens),
    integer(group.outputTokens),
    integer(group.cacheCreationTokens),
    integer(group.cacheReadTokens),
    integer(group.totalTokens),
    costCell(group.totalCost, group.unpricedTokens),
  ];
}

/** "+ 1,234 tokens of claude-x not priced" per model, and what `≥` means; none when all priced. */
function unpricedNotes(tallies: readonly UnpricedTokens[]): string[] {
  const lines = unpricedLines(tallies, integer);
  if (lines.length === 0) return [];
  return [...lines, '≥: a lower bound, the cost of unpriced tokens is left out.'];
}

const TOKEN_COLUMNS: Column[] = [
  { header: 'Input', ...right },
  { header: 'Output', ...right },
  { header: 'Cache write', ...right, optional: 'cache' },
  { header: 'Cache read', ...right, optional: 'cache' },
  { header: 'Total tokens', ...right },
  { header: 'Cost', ...right },
];

interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly footnotes: readonly string[];
}

function periodTable(label: string, groups: readonly UsageGroup[], totals: CostSums): Table {
  const sorted = [...groups].sort((a, b) => a.key.localeCompare(b.key));
  const rows: Row[] = sorted.map((row) => ({
    cells: [`${row.key}${row.retained ? ' *' : ''}`, modelList(row.modelsUsed), ...tokenCells(row)],
  }));
  rows.push({ cells: ['Total', '', ...tokenCells(totals)], style: 'total' });
  return {
    columns: [{ header: label }, MODELS, ...TOKEN_COLUMNS],
    rows,
    footnotes: [
      ...(sorted.some((row) => row.retained)
        ? ['* includes transcripts Claude Code has since deleted (Pacewatch keeps their totals).']
        : []),
      ...unpricedNotes(groups.map((group) => group.unpricedTokens)),
    ],
  };
}

function sessionsTable(
  groups: readonly SessionGroup[],
  clock: (at: number) => string,
  totals: CostSums,
): Table {
  const sorted = [...groups].sort((a, b) => b.group.totalCost - a.group.totalCost);
  const rows: Row[] = sorted.map(({ group, sessionId, projectPath }) => ({
    cells: [
      sessionId,
      projectPath,
      modelList(group.modelsUsed),
      integer(group.totalTokens),
      costCell(group.totalCost, group.unpricedTokens),
      clock(group.lastActivity),
    ],
  }));
  rows.push({
    cells: [
      'Total',
      '',
      '',
      integer(totals.totalTokens),
      costCell(totals.totalCost, totals.unpricedTokens),
      '',
    ],
    style: 'total',
  });
  return {
    columns: [
      { header: 'Session', shrink: 'truncate' },
      { header: 'Project', shrink: 'truncate' },
      { ...MODELS, optional: 'models' },
      { header: 'Tokens', ...right },
      { header: 'Cost', ...right },
      { header: 'Last activity' },
    ],
    rows,
    footnotes: unpricedNotes(groups.map(({ group }) => group.unpricedTokens)),
  };
}

/** "ended", "gap 7 h", "active, 3 h 55 m left": the one duration format of every surface. */
function blockStatus(block: UsageBlock, now: number): string {
  if (block.isGap) return `gap ${formatDuration(block.endAt - block.startAt)}`;
  if (block.isActive) return `active, ${formatDuration(block.endAt - now)} left`;
  return 'ended';
}

function blocksTable(
  blocks: readonly UsageBlock[],
  clock: (at: number) => string,
  now: number,
): Table {
  const rows: Row[] = blocks.map((block) => {
    const rate = block.isActive ? burnRate(block) : null;
    const projection = projectBlock(block, now);
    return {
      cells: [
        clock(block.startAt),
        blockStatus(block, now),
        block.isGap ? '' : modelList(block.models),
        block.isGap ? '' : integer(block.totalTokens),
        block.isGap ? '' : costCell(block.costUsd, block.unpricedTokens),
        rate === null ? '' : `${integer(rate.tokensPerMinute)}/min`,
        projection === null
          ? ''
          : `${integer(projection.totalTokens)}, ${costCell(projection.totalCost, block.unpricedTokens)}`,
      ],
      ...(block.isGap ? { style: 'dim' as const } : {}),
    };
  });
  return {
    columns: [
      { header: 'Block start' },
      { header: 'Status' },
      { ...MODELS, optional: 'models' },
      { header: 'Tokens', ...right },
      { header: 'Cost', ...right },
      { header: 'Burn rate', ...right, optional: 'burn rate' },
      { header: 'Projected at end', ...right, optional: 'projection' },
    ],
    rows,
    footnotes: unpricedNotes(blocks.map((block) => block.unpricedTokens)),
  };
}

function tableOf(report: Report, timeZone: string, now: number): Table {
  switch (report.kind) {
    case 'daily':
      return periodTable('Date', report.rows, report.json.totals);
    case 'monthly':
      return periodTable('Month', report.rows, report.json.totals);
    case 'sessions':
      return sessionsTable(report.rows, createClock(timeZone), report.json.totals);
    case 'blocks':
      return blocksTable(report.rows, createClock(timeZone), now);
  }
}

/**
 * A report as a table for people, under a heading that says it is an estimate, laid out for
 * `width` columns (compact under 100, saying what it left out).
 */
export function reportText(
  report: Report,
  options: { timeZone: string; now: number; width: number; paint: Paint },
): string {
  const { paint, width } = options;
  const heading = wrap(
    `Claude Code usage from local transcripts — API-equivalent cost, an estimate (time zone ${options.timeZone})`,
    width,
  ).map(paint.heading);
  if (report.rows.length === 0) return [...heading, 'No usage in this range.'].join('\n');
  const table = tableOf(report, options.timeZone, options.now);
  const laidOut = layoutTable(table.columns, table.rows, { width, paint });
  return [
    ...heading,
    ...laidOut.lines,
    ...table.footnotes.flatMap((note) => wrap(note, width).map(paint.dim)),
    ...(laidOut.note === null ? [] : wrap(laidOut.note, width).map(paint.dim)),
  ].join('\n');
}

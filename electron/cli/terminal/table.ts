import Table from 'cli-table3';
import type { Paint } from './paint';
import { COMPACT_BELOW } from './terminal';
import { truncate, widthOf } from './text';

/** One column of a table. */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Hidden in the compact layout; the note names the column by this word ("cache"). */
  readonly optional?: string;
  /** How a column too wide for the terminal gives way: its cells wrap, or are cut with "…". */
  readonly shrink?: 'wrap' | 'truncate';
}

/** A row; `total` rows are set in bold, `dim` ones in grey. */
export interface Row {
  readonly cells: readonly string[];
  readonly style?: 'total' | 'dim';
}

/** A laid-out table, and the note that says what the narrow layout left out (null: nothing). */
export interface LaidOutTable {
  readonly lines: readonly string[];
  readonly note: string | null;
}

const GAP = 2;
const MIN_SHRUNK = 8;
const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};

function naturalWidth(cells: readonly string[]): number {
  return Math.max(0, ...cells.flatMap((cell) => cell.split('\n').map(widthOf)));
}

/** Column widths that fit `width`: shrinkable columns give up what the others need. */
function fitWidths(columns: readonly Column[], rows: readonly Row[], width: number): number[] {
  const natural = columns.map((column, index) =>
    naturalWidth([column.header, ...rows.map((row) => row.cells[index] ?? '')]),
  );
  const over = natural.reduce((sum, w) => sum + w, 0) + GAP * (columns.length - 1) - width;
  const shrinkable = columns.flatMap((column, index) => (column.shrink ? [index] : []));
  if (over <= 0 || shrinkable.length === 0) return natural;
  const widths = [...natural];
  let left = over;
  // Take from the widest shrinkable column first, never below its header or MIN_SHRUNK.
  while (left > 0) {
    const widest = shrinkable
      .filter((index) => (widths[index] ?? 0) > floorOf(columns, index))
      .sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
    if (widest === undefined) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    left -= 1;
  }
  return widths;
}

function floorOf(columns: readonly Column[], index: number): number {
  return Math.max(MIN_SHRUNK, widthOf(columns[index]?.header ?? ''));
}

function renderRow(
  cells: readonly string[],
  columns: readonly Column[],
  widths: readonly number[],
): string[] {
  const table = new Table({
    chars: BORDERLESS,
    colWidths: [...widths],
    colAligns: columns.map((column) => column.align ?? 'left'),
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  table.push(
    cells.map((cell, index) => {
      const column = columns[index];
      const fitted =
        column?.shrink === 'truncate'
          ? cell
              .split('\n')
              .map((line) => truncate(line, widths[index] ?? 0))
              .join('\n')
          : cell;
      return fitted;
    }),
  );
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
}

/** The note for what a compact layout hid: "narrow terminal: cache columns hidden, widen to 100+ for all". */
export function hiddenNote(hidden: readonly string[], columns: number): string | null {
  if (hidden.length === 0) return null;
  const names =
    hidden.length === 1 ? hidden[0] : `${hidden.slice(0, -1).join(', ')} and ${hidden.at(-1)}`;
  return `narrow terminal: ${names} ${columns === 1 ? 'column' : 'columns'} hidden, widen to ${COMPACT_BELOW}+ for all`;
}

/**
 * Lays out a table in `width` columns: a header, a rule, the rows. Under COMPACT_BELOW columns
 * the optional columns are left out, and the note says which; columns that may shrink wrap or
 * are cut so that the rest keep their figures whole.
 */
export function layoutTable(
  columns: readonly Column[],
  rows: readonly Row[],
  options: { readonly width: number; readonly paint: Paint },
): LaidOutTable {
  const compact = options.width < COMPACT_BELOW;
  const kept = columns.flatMap((column, index) =>
    compact && column.optional !== undefined ? [] : [index],
  );
  const hidden = [
    ...new Set(kept.length === columns.length ? [] : columns.flatMap((c) => c.optional ?? [])),
  ];
  const shownColumns = kept.map((index) => columns[index] as Column);
  const shownRows = rows.map((row) => ({
    ...row,
    cells: kept.map((index) => row.cells[index] ?? ''),
  }));
  const widths = fitWidths(shownColumns, shownRows, options.width);
  const { paint } = options;
  const lines = [
    paint.heading(
      renderRow(
        shownColumns.map((column) => column.header),
        shownColumns,
        widths,
      ).join('\n'),
    ),
    paint.dim(widths.map((width) => '─'.repeat(width)).join(' '.repeat(GAP))),
  ];
  for (const row of shownRows) {
    const rendered = renderRow(row.cells, shownColumns, widths);
    const style =
      row.style === 'total' ? paint.bold : row.style === 'dim' ? paint.dim : (text: string) => text;
    lines.push(...rendered.map(style));
  }
  return { lines, note: hiddenNote(hidden, columns.length - kept.length) };
}

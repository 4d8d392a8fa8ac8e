import { isatty } from 'node:tty';
import type { ColorSupportLevel } from 'chalk';

/** What a command knows about where its output goes: how wide it is, and whether to colour it. */
export interface Terminal {
  /** Columns to lay out for: `COLUMNS`, else the terminal's width, else DEFAULT_COLUMNS. */
  readonly columns: number;
  /** 0: plain text (piped, `NO_COLOR`, `--no-color`); 1–3: how many colours the terminal has. */
  readonly colorLevel: ColorSupportLevel;
}

/** The width assumed when output goes to a pipe or a file and `COLUMNS` is unset. */
export const DEFAULT_COLUMNS = 120;

/**
 * Below this many columns tables and bars use their compact layout (docs/PRODUCT.md "CLI"). Kept
 * here, not in table.ts, so `status` does not load the table library for one number.
 */
export const COMPACT_BELOW = 100;

/** The parts of a process a terminal is detected from (the real one, or a test's). */
export interface TerminalEnv {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argv: readonly string[];
  readonly isTTY: boolean;
  readonly columns: number | undefined;
}

function positive(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

/**
 * The colour level: `--no-color` and a non-empty `NO_COLOR` (no-color.org) turn colour off,
 * `FORCE_COLOR` (0–3, true/false) forces it, else colour only on a terminal that is not dumb.
 */
export function colorLevelOf(from: TerminalEnv): ColorSupportLevel {
  if (from.argv.includes('--no-color')) return 0;
  const { NO_COLOR, FORCE_COLOR, TERM, COLORTERM } = from.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return 0;
  if (FORCE_COLOR !== undefined) {
    if (FORCE_COLOR === 'false' || FORCE_COLOR === '0') return 0;
    const forced = positive(FORCE_COLOR);
    return forced === null ? 1 : (Math.min(forced, 3) as ColorSupportLevel);
  }
  if (!from.isTTY || TERM === 'dumb') return 0;
  if (COLORTERM === 'truecolor' || COLORTERM === '24bit') return 3;
  return TERM !== undefined && TERM.includes('256') ? 2 : 1;
}

/** Width and colour for output going to `from`'s stdout. */
export function detectTerminal(from: TerminalEnv): Terminal {
  const tty = from.isTTY && from.columns !== undefined && from.columns > 0 ? from.columns : null;
  const columns = positive(from.env.COLUMNS) ?? tty ?? DEFAULT_COLUMNS;
  return { columns, colorLevel: colorLevelOf(from) };
}

/** The terminal this process writes its stdout to. */
export function processTerminal(): Terminal {
  return detectTerminal({
    env: process.env,
    argv: process.argv,
    isTTY: isatty(1),
    columns: process.stdout.columns,
  });
}

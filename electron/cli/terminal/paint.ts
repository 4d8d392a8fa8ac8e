import { Chalk, type ChalkInstance } from 'chalk';
import { LEVEL_STYLES, type Level } from './levels';
import { DEFAULT_COLUMNS, type Terminal } from './terminal';

export type { Level } from './levels';

/** The few styles every command uses; each is the identity when colour is off. */
export interface Paint {
  readonly color: boolean;
  /** Text in the colour of a level: green, yellow, red, red on bold, grey, red. */
  readonly level: (level: Level, text: string) => string;
  readonly heading: (text: string) => string;
  /** Secondary text: notes, legends, ages. */
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

function styleOf(chalk: ChalkInstance, level: Level): ChalkInstance {
  return LEVEL_STYLES[level].reduce<ChalkInstance>((style, name) => style[name], chalk);
}

/** The styles for a colour level (0: every style returns its text unchanged). */
export function createPaint(colorLevel: 0 | 1 | 2 | 3): Paint {
  const chalk = new Chalk({ level: colorLevel });
  return {
    color: colorLevel > 0,
    level: (level, text) => styleOf(chalk, level)(text),
    heading: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    bold: (text) => chalk.bold(text),
  };
}

/** How a command's text is laid out and styled: the terminal's width and the paint for it. */
export interface Look {
  readonly width: number;
  readonly paint: Paint;
}

/** The look of text for a terminal: its width, and colour as it allows. */
export function lookOf(terminal: Terminal): Look {
  return { width: terminal.columns, paint: createPaint(terminal.colorLevel) };
}

/** Plain text laid out for `width` columns (tests, and callers that do not know the terminal). */
export function plainLook(width = DEFAULT_COLUMNS): Look {
  return { width, paint: createPaint(0) };
}

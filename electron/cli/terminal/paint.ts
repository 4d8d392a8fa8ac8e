import { Chalk, type ChalkInstance } from 'chalk';

/** How alarming a figure is, as the verdict grades it (docs/PRODUCT.md "One verdict"). */
export type Level = 'normal' | 'warning' | 'critical' | 'locked' | 'stale' | 'error';

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
  switch (level) {
    case 'normal':
      return chalk.green;
    case 'warning':
      return chalk.yellow;
    case 'critical':
      return chalk.red;
    case 'locked':
      return chalk.bold.red;
    case 'stale':
      return chalk.gray;
    case 'error':
      return chalk.red;
  }
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

// Which colour each level takes, on every command and the status line alike. Kept free of any
// colour library: the status line applies it with node:util's styleText (see level-paint.ts),
// the other commands with chalk (paint.ts).

/** How alarming a figure is, as the verdict grades it (shared/domain/verdict.ts). */
export type Level = 'normal' | 'warning' | 'critical' | 'locked' | 'stale' | 'error';

/** The styles a level's text takes, applied in this order. */
export type LevelStyle = 'green' | 'yellow' | 'red' | 'bold' | 'gray';

/** Green, yellow, red, red on bold, grey, red. */
export const LEVEL_STYLES: Readonly<Record<Level, readonly LevelStyle[]>> = {
  normal: ['green'],
  warning: ['yellow'],
  critical: ['red'],
  locked: ['bold', 'red'],
  stale: ['gray'],
  error: ['red'],
};

import { styleText } from 'node:util';
import { LEVEL_STYLES, type Level } from './levels';

/**
 * Text in its level's colour with Node's own styleText, for the status line: it runs on every
 * Claude Code prompt, so it does without chalk. The caller has decided whether to colour (the
 * status line goes through a pipe that shows colours), so the stream is not checked again.
 */
export function levelPaint(colorLevel: number): (level: Level, text: string) => string {
  if (colorLevel === 0) return (_level, text) => text;
  return (level, text) => styleText([...LEVEL_STYLES[level]], text, { validateStream: false });
}

import { levelPaint } from '../../../../electron/cli/terminal/level-paint';
import { LEVEL_STYLES, type Level } from '../../../../electron/cli/terminal/levels';
import { createPaint } from '../../../../electron/cli/terminal/paint';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLUMNS,
  detectTerminal,
  type TerminalEnv,
} from '../../../../electron/cli/terminal/terminal';
import { truncate, wrap } from '../../../../electron/cli/terminal/text';

const tty = (over: Partial<TerminalEnv> = {}): TerminalEnv => ({
  env: { TERM: 'xterm-256color' },
  argv: ['node', 'pacewatch', 'status'],
  isTTY: true,
  columns: 90,
  ...over,
});

describe('the terminal a command writes to', () => {
  it.each([
    ['a colour terminal', tty(), 2],
    ['a pipe', tty({ isTTY: false }), 0],
    ['NO_COLOR=1 on a terminal', tty({ env: { TERM: 'xterm', NO_COLOR: '1' } }), 0],
    ['an empty NO_COLOR (no-color.org: ignored)', tty({ env: { TERM: 'xterm', NO_COLOR: '' } }), 1],
    ['--no-color on a terminal', tty({ argv: ['node', 'pacewatch', '--no-color'] }), 0],
    ['FORCE_COLOR=1 into a pipe', tty({ isTTY: false, env: { FORCE_COLOR: '1' } }), 1],
    ['FORCE_COLOR=3 into a pipe', tty({ isTTY: false, env: { FORCE_COLOR: '3' } }), 3],
    ['FORCE_COLOR=0 on a terminal', tty({ env: { TERM: 'xterm', FORCE_COLOR: '0' } }), 0],
    [
      '--no-color beats FORCE_COLOR',
      tty({ isTTY: false, env: { FORCE_COLOR: '1' }, argv: ['--no-color'] }),
      0,
    ],
    ['a dumb terminal', tty({ env: { TERM: 'dumb' } }), 0],
    ['a truecolor terminal', tty({ env: { TERM: 'xterm', COLORTERM: 'truecolor' } }), 3],
  ] as const)('colour on %s: level %i', (_name, from, level) => {
    expect(detectTerminal(from).colorLevel).toBe(level);
  });

  it('is as wide as COLUMNS says, else the terminal, else 120 when piped', () => {
    expect(detectTerminal(tty({ env: { COLUMNS: '80' } })).columns).toBe(80);
    expect(detectTerminal(tty({ env: { COLUMNS: 'wide' } })).columns).toBe(90);
    expect(detectTerminal(tty()).columns).toBe(90);
    expect(detectTerminal(tty({ isTTY: false })).columns).toBe(DEFAULT_COLUMNS);
  });
});

describe('text that fits', () => {
  it('cuts with an ellipsis, counting wide characters as two columns', () => {
    expect(truncate('Week · Opus and Sonnet', 10)).toBe('Week · Op…');
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('日本語のラベル', 7)).toBe('日本語…');
  });

  it('wraps at spaces, indenting the continuation', () => {
    expect(wrap('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrap('a-very-long-path stays', 8)).toEqual(['a-very-long-path', 'stays']);
  });
});

describe("the status line's level colours", () => {
  const levels = Object.keys(LEVEL_STYLES) as Level[];
  it('are the other commands’ colours, without chalk', () => {
    const chalkPaint = createPaint(1);
    const nodePaint = levelPaint(1);
    for (const level of levels) {
      expect(nodePaint(level, '5h 42%')).toBe(chalkPaint.level(level, '5h 42%'));
    }
    expect(nodePaint('locked', 'wk 100%')).toBe('\x1b[1m\x1b[31mwk 100%\x1b[39m\x1b[22m');
    expect(nodePaint('stale', '3 h ago')).toBe('\x1b[90m3 h ago\x1b[39m');
  });
  it('are plain text at colour level 0', () => {
    for (const level of levels) expect(levelPaint(0)(level, '5h 42%')).toBe('5h 42%');
  });
});

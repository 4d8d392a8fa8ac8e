import { describe, expect, it } from 'vitest';
import { parseShellLine } from '../../../../electron/core/route/shell-statements';

const KEY = 'sk-ant-api03-test-key-value-1234';

describe('parseShellLine (POSIX shells)', () => {
  it.each([
    [`export ANTHROPIC_API_KEY=${KEY}`, KEY, false],
    [`export ANTHROPIC_API_KEY="${KEY}"`, KEY, false],
    [`export ANTHROPIC_API_KEY='${KEY}'  # work account`, KEY, false],
    [`  declare -x ANTHROPIC_API_KEY=${KEY}`, KEY, false],
    [`typeset -gx ANTHROPIC_API_KEY=${KEY}`, KEY, false],
    [
      'export ANTHROPIC_API_KEY=$(security find-generic-password -s anthropic -w)',
      '$(security find-generic-password -s anthropic -w)',
      true,
    ],
    ['export ANTHROPIC_API_KEY="$WORK_KEY"', '$WORK_KEY', true],
    ['export ANTHROPIC_API_KEY=`cat ~/.key`', '`cat ~/.key`', true],
  ])('reads an exported assignment: %s', (line, value, dynamic) => {
    expect(parseShellLine(line, false)).toEqual([
      { kind: 'assign', name: 'ANTHROPIC_API_KEY', value, dynamic, exported: true },
    ]);
  });

  it('reads an export inside a condition', () => {
    expect(
      parseShellLine('if [ -n "$WORK" ]; then export CLAUDE_CODE_USE_BEDROCK=1; fi', false),
    ).toEqual([
      {
        kind: 'assign',
        name: 'CLAUDE_CODE_USE_BEDROCK',
        value: '1',
        dynamic: false,
        exported: true,
      },
    ]);
  });

  it('tells a plain assignment from an exported one, and reads a later `export NAME`', () => {
    expect(parseShellLine('ANTHROPIC_AUTH_TOKEN=abc', false)).toEqual([
      {
        kind: 'assign',
        name: 'ANTHROPIC_AUTH_TOKEN',
        value: 'abc',
        dynamic: false,
        exported: false,
      },
    ]);
    expect(parseShellLine('export ANTHROPIC_AUTH_TOKEN', false)).toEqual([
      { kind: 'export-names', names: ['ANTHROPIC_AUTH_TOKEN'] },
    ]);
  });

  it('ignores comments, other variables and one-command prefixes', () => {
    expect(parseShellLine(`# export ANTHROPIC_API_KEY=${KEY}`, false)).toEqual([]);
    expect(parseShellLine('export PATH="$HOME/bin:$PATH"', false)).toEqual([]);
    expect(parseShellLine('ANTHROPIC_API_KEY=x claude -p hi', false)).toEqual([]);
  });

  it('reads unset and simple source lines', () => {
    expect(parseShellLine('unset ANTHROPIC_API_KEY OTHER', false)).toEqual([
      { kind: 'unset', names: ['ANTHROPIC_API_KEY'] },
    ]);
    expect(parseShellLine('[ -f ~/.secrets ] && . ~/.secrets', false)).toEqual([
      { kind: 'source', path: '~/.secrets', dynamic: false },
    ]);
    expect(parseShellLine('source "$HOME/.env.sh"', false)).toEqual([
      { kind: 'source', path: '$HOME/.env.sh', dynamic: true },
    ]);
  });
});

describe('parseShellLine (fish)', () => {
  it('reads set -gx, set --export and set -Ux', () => {
    expect(parseShellLine(`set -gx ANTHROPIC_API_KEY ${KEY}`, true)).toEqual([
      { kind: 'assign', name: 'ANTHROPIC_API_KEY', value: KEY, dynamic: false, exported: true },
    ]);
    expect(parseShellLine('set --global --export CLAUDE_CODE_USE_VERTEX true', true)).toEqual([
      {
        kind: 'assign',
        name: 'CLAUDE_CODE_USE_VERTEX',
        value: 'true',
        dynamic: false,
        exported: true,
      },
    ]);
    expect(parseShellLine('set -Ux ANTHROPIC_AUTH_TOKEN (cat ~/.token)', true)).toEqual([
      {
        kind: 'assign',
        name: 'ANTHROPIC_AUTH_TOKEN',
        value: '(cat ~/.token)',
        dynamic: true,
        exported: true,
      },
    ]);
  });

  it('reads set -e as unset and ignores set -q and unexported set', () => {
    expect(parseShellLine('set -e ANTHROPIC_API_KEY', true)).toEqual([
      { kind: 'unset', names: ['ANTHROPIC_API_KEY'] },
    ]);
    expect(parseShellLine('set -q ANTHROPIC_API_KEY; and echo yes', true)).toEqual([]);
    expect(parseShellLine('set -g ANTHROPIC_API_KEY x', true)).toEqual([
      { kind: 'assign', name: 'ANTHROPIC_API_KEY', value: 'x', dynamic: false, exported: false },
    ]);
  });

  it('does not read `set` in POSIX files (there it sets shell options)', () => {
    expect(parseShellLine('set -x ANTHROPIC_API_KEY', false)).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logsIndexPath, logsRoots } from '../../../../../electron/core/sources/logs/logs-paths';
import { sessionParts } from '../../../../../electron/core/sources/logs/tree-walk';
import { useTempDir } from '../../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-roots-');

describe('where transcripts are and what their paths say', () => {
  it.each([
    ['proj/abc.jsonl', 'abc', 'proj'],
    ['proj/abc/subagents/agent-1.jsonl', 'abc', 'proj'],
    ['proj/abc/chat.jsonl', 'abc', 'proj'],
    ['a/b/abc/subagents/agent-1.jsonl', 'abc', 'a/b'],
  ])('%s is session %s of project %s (as ccusage reads it)', (relative, sessionId, projectPath) => {
    expect(sessionParts('/root/projects', join('/root/projects', relative))).toEqual({
      sessionId,
      projectPath,
    });
  });

  it('reads every CLAUDE_CONFIG_DIR entry that has a projects/ folder, or is one', () => {
    const root = tempDir();
    mkdirSync(join(root, 'one', 'projects'), { recursive: true });
    mkdirSync(join(root, 'two', 'projects'), { recursive: true });
    mkdirSync(join(root, 'empty'), { recursive: true });
    const env = {
      env: {
        CLAUDE_CONFIG_DIR: `${join(root, 'one')}, ${join(root, 'two', 'projects')},${join(root, 'empty')}`,
        PACEWATCH_DATA_DIR: join(root, 'data'),
      },
      platform: 'linux' as const,
      home: root,
    };
    const roots = logsRoots(env);
    expect(roots).toEqual([join(root, 'one', 'projects'), join(root, 'two', 'projects')]);
    expect(logsIndexPath(env, roots)).toMatch(
      new RegExp(`^${join(root, 'data', 'logs-index')}/[0-9a-z]+\\.bin$`),
    );
    expect(logsIndexPath(env, roots.slice(1))).not.toBe(logsIndexPath(env, roots));
  });

  it('falls back to ~/.claude and ~/.config/claude', () => {
    const home = tempDir();
    mkdirSync(join(home, '.config', 'claude', 'projects'), { recursive: true });
    expect(logsRoots({ env: {}, platform: 'linux', home })).toEqual([
      join(home, '.config', 'claude', 'projects'),
    ]);
  });
});

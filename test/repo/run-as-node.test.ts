import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from '../support/cli';

const ROOT = join(import.meta.dirname, '..', '..');
const VARIABLE = 'ELECTRON_RUN_AS_NODE';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('run-as-node: off in the shipped app, and not relied on', () => {
  it('builds the app with the RunAsNode fuse off', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      build: { electronFuses: { runAsNode: boolean } };
    };
    expect(pkg.build.electronFuses.runAsNode).toBe(false);
  });

  it('never sets ELECTRON_RUN_AS_NODE in the app’s code paths (main, app, core)', () => {
    const files = ['electron/main', 'electron/app', 'electron/core'].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const users = files.filter((file) => readFileSync(join(ROOT, file), 'utf8').includes(VARIABLE));
    expect(users).toEqual([]);
  });

  it('has the built app bundle fork through utilityProcess, without the variable', () => {
    assertBuilt();
    const bundle = readFileSync(join(ROOT, 'dist', 'main.cjs'), 'utf8');
    expect(bundle.includes(VARIABLE)).toBe(false);
    expect(bundle).toContain('utilityProcess');
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The project was renamed from a name that other Claude tools already use (a context proxy whose
// command and variables live on the same machines). The old name is spelled in pieces here so
// this file does not match itself.
const OLD_NAME = ['head', 'room'].join('');
const root = new URL('../../', import.meta.url);

describe('the product name', () => {
  it('leaves no trace of the old name in any tracked file (CHANGELOG aside)', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && file !== 'CHANGELOG.md');
    const hits = files.filter((file) => {
      const text = readFileSync(new URL(file, root)).toString('latin1');
      return text.toLowerCase().includes(OLD_NAME) || file.toLowerCase().includes(OLD_NAME);
    });
    expect(hits).toEqual([]);
  });

  it('names the package, the command and the app Pacewatch', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      name: string;
      productName: string;
      bin: Record<string, string>;
      build: { appId: string; productName: string };
    };
    expect(pkg.name).toBe('pacewatch');
    expect(pkg.productName).toBe('Pacewatch');
    expect(Object.keys(pkg.bin)).toEqual(['pacewatch']);
    expect(pkg.build.appId).toBe('dev.pacewatch.app');
    expect(pkg.build.productName).toBe('Pacewatch');
  });
});

import { openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorSentence, fileErrorSentence } from '../../../../electron/core/platform/file-errors';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-file-errors-');
const ELSEWHERE = "or set PACEWATCH_DATA_DIR to another folder for Pacewatch's data.";

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('fileErrorSentence', () => {
  it('names the file that stands where a folder should be, two levels up included', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cache'), '{}');
    const error = thrown(() => openSync(join(dir, 'cache', 'deeper', 'oauth.json'), 'r'));
    expect(fileErrorSentence(error)).toBe(
      `${join(dir, 'cache')} is a file, not a folder: remove it, ${ELSEWHERE}`,
    );
  });

  it('names a folder where a file should be', () => {
    const dir = tempDir();
    const error = thrown(() => openSync(dir, 'w'));
    expect(fileErrorSentence(error)).toBe(
      `${dir} is a folder, not a file: remove it, ${ELSEWHERE}`,
    );
  });

  it.each([
    [
      'EACCES',
      `Pacewatch is not allowed to use /d/x: make it and its folder readable and writable by your user, ${ELSEWHERE}`,
    ],
    [
      'ENOSPC',
      'The disk holding /d/x is full: free some space; Pacewatch keeps the last good figures meanwhile.',
    ],
    ['EROFS', '/d/x is on a read-only disk: set PACEWATCH_DATA_DIR to a folder you can write to.'],
  ])('says what to do about %s', (code, sentence) => {
    expect(fileErrorSentence(Object.assign(new Error(code), { code, path: '/d/x' }))).toBe(
      sentence,
    );
  });

  it('leaves other errors to their own message', () => {
    expect(fileErrorSentence(new Error('boom'))).toBeNull();
    expect(
      fileErrorSentence(Object.assign(new Error('x'), { code: 'EBUSY', path: '/d' })),
    ).toBeNull();
    expect(errorSentence(new Error('boom'))).toBe('boom');
    expect(errorSentence('text')).toBe('text');
  });
});

import { describe, expect, it } from 'vitest';
import { parseIndexHeader } from '../../../../../electron/core/sources/logs/index-schema';

const file = {
  path: '/p/a.jsonl',
  sessionId: 'a',
  projectPath: 'p',
  dev: 1,
  ino: 2,
  size: 3,
  mtimeMs: 4,
  offset: 3,
  head: 5,
  headLength: 3,
  tail: 6,
  tailLength: 3,
  malformed: 0,
  deleted: false,
  error: null,
};
const header = {
  count: 2,
  models: ['claude-opus-4-6'],
  sessions: ['a'],
  files: [file, { ...file, path: '/p/b.jsonl', deleted: true, error: 'permission denied' }],
  dirs: [{ path: '/p', mtimeMs: 9 }],
  roots: ['/p'],
  priceVersion: 'v1',
};

describe('the logs index header', () => {
  it('reads a header Pacewatch wrote', () => {
    expect(parseIndexHeader(JSON.stringify(header))).toEqual(header);
  });

  it('reads a format 1 header, its files’ tail fingerprints unknown until they are read again', () => {
    const { tail: _tail, tailLength: _tailLength, ...format1File } = file;
    const format1 = { ...header, files: [format1File] };
    expect(parseIndexHeader(JSON.stringify(format1), 1)).toEqual({
      ...header,
      files: [{ ...file, tail: 0, tailLength: 0 }],
    });
  });

  it('refuses a format 2 header whose files lack the tail fingerprint', () => {
    const { tail: _tail, ...withoutTail } = file;
    expect(parseIndexHeader(JSON.stringify({ ...header, files: [withoutTail] }))).toBe(
      'unreadable header (files[0].tail is not a number)',
    );
  });

  it.each([
    ['not JSON', '{"count":', 'unreadable header ('],
    ['a negative count', { ...header, count: -1 }, 'count is not a whole number'],
    ['a fractional count', { ...header, count: 1.5 }, 'count is not a whole number'],
    ['a missing price version', { ...header, priceVersion: undefined }, 'priceVersion'],
    ['a model that is not a string', { ...header, models: [1] }, 'models is not a list'],
    ['files that are not a list', { ...header, files: {} }, 'files is not a list'],
    ['a file without a size', { ...header, files: [{ ...file, size: '3' }] }, 'files[0].size'],
    ['a file whose error is a number', { ...header, files: [{ ...file, error: 1 }] }, '.error'],
    [
      'a file not marked live or deleted',
      { ...header, files: [{ ...file, deleted: 0 }] },
      '.deleted',
    ],
    ['a folder without a time', { ...header, dirs: [{ path: '/p' }] }, 'dirs[0]'],
  ])('refuses %s (the index is then rebuilt)', (_name, value, problem) => {
    const result = parseIndexHeader(typeof value === 'string' ? value : JSON.stringify(value));
    expect(typeof result === 'string' && result.startsWith('unreadable header (')).toBe(true);
    expect(result).toContain(problem);
  });
});

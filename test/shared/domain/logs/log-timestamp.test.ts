import { describe, expect, it } from 'vitest';
import { parseLogTimestamp } from '../../../../shared/domain/logs/log-timestamp';

describe('transcript timestamps (what ccusage v20 accepts)', () => {
  it.each([
    ['2026-08-20T10:21:56.220Z', '2026-08-20T10:21:56.220Z'],
    ['2026-08-20T10:21:56Z', '2026-08-20T10:21:56.000Z'],
    ['2026-08-20T10:21:56.220+02:00', '2026-08-20T08:21:56.220Z'],
    ['2026-08-20T01:21:56.220-05:30', '2026-08-20T06:51:56.220Z'],
  ])('reads %s', (text, expected) => {
    expect(new Date(parseLogTimestamp(text) ?? NaN).toISOString()).toBe(expected);
  });

  it.each([
    '2026-08-20T10:21:56.220123Z',
    '2026-08-20T10:21:56.2Z',
    '2026-08-20T10:21:56+0200',
    '2026-08-20 10:21:56',
    '2026-08-20T10:21Z',
    '2026-13-20T10:21:56Z',
    '2026-08-20t10:21:56Z',
    '',
    'soon',
  ])('skips %j', (text) => {
    expect(parseLogTimestamp(text)).toBeNull();
  });
});

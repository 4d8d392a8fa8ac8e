import { describe, expect, it } from 'vitest';
import {
  parseLogTimestamp,
  parseLogTimestampBytes,
} from '../../../../shared/domain/logs/log-timestamp';
import { createPrng } from '../../../fakes/transcripts/prng';

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

  it('reads a timestamp from bytes exactly as from its text, on thousands of near-misses', () => {
    const prng = createPrng(5);
    const seeds = [
      '2026-08-20T10:21:56.220Z',
      '2026-08-20T10:21:56Z',
      '2026-08-20T10:21:56.220+02:00',
      '0099-02-31T23:59:59.999-99:99',
    ];
    const alphabet = '0123456789-T:.Z+ \u00e9x';
    let read = 0;
    for (let round = 0; round < 20_000; round += 1) {
      let text = prng.pick(seeds);
      for (let edits = prng.int(0, 2); edits > 0; edits -= 1) {
        const at = prng.int(0, text.length);
        const char = alphabet[prng.int(0, alphabet.length - 1)] ?? '0';
        text = prng.chance(0.5)
          ? text.slice(0, at) + char + text.slice(at + 1)
          : prng.chance(0.5)
            ? text.slice(0, at) + char + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1);
      }
      // Surrounded by other bytes, as in a read buffer: nothing past the end may be read.
      const bytes = Buffer.from(`9${text}99:99`, 'latin1');
      const expected = parseLogTimestamp(text);
      expect({ text, at: parseLogTimestampBytes(bytes, 1, 1 + text.length) }).toEqual({
        text,
        at: expected,
      });
      if (expected !== null) read += 1;
    }
    expect(read).toBeGreaterThan(2000);
  });
});

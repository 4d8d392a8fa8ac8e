import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../shared/domain/duration';

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1_500],
    [' 2M ', 120_000],
  ])('reads %s as %i ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each(['', 'soon', '5 minutes', 'm5', '5x', '-5m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseBudget,
  parseClock,
  parseMinutes,
  parseThresholds,
  parseWindowThresholds,
} from '../../renderer/settings/parse';

describe('settings fields', () => {
  it('reads thresholds as people type them', () => {
    expect(parseThresholds('90, 50 75%')).toEqual({ ok: true, value: [50, 75, 90] });
    expect(parseThresholds('')).toEqual({ ok: true, value: [] });
    expect(parseThresholds('50, 150')).toEqual({
      ok: false,
      message: 'Use percentages from 1 to 100, separated by commas, like 50, 75, 90.',
    });
  });

  it("reads a window's own thresholds; empty follows the general ones", () => {
    expect(parseWindowThresholds(' 95, 80 ')).toEqual({ ok: true, value: [80, 95] });
    expect(parseWindowThresholds('  ')).toEqual({ ok: true, value: null });
    expect(parseWindowThresholds(',')).toEqual({ ok: true, value: null });
    expect(parseWindowThresholds('soon')).toEqual({
      ok: false,
      message: 'Use percentages from 1 to 100, separated by commas, like 50, 75, 90.',
    });
  });

  it('reads minutes, budgets and clock times, and says what is wrong', () => {
    expect(parseMinutes(' 45 ', 0, 1440)).toEqual({ ok: true, value: 45 });
    expect(parseMinutes('4.5', 1, 60)).toEqual({
      ok: false,
      message: 'Use a whole number of minutes from 1 to 60.',
    });
    expect(parseBudget('$200')).toEqual({ ok: true, value: 200 });
    expect(parseBudget(' ')).toEqual({ ok: true, value: null });
    expect(parseBudget('-5').ok).toBe(false);
    expect(parseClock('07:30')).toEqual({ ok: true, value: '07:30' });
    expect(parseClock('7:30')).toEqual({ ok: false, message: 'Use a 24-hour time like 22:30.' });
  });
});

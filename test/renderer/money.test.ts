import { describe, expect, it } from 'vitest';
import { money } from '../../renderer/common/money';
import { formatMoney } from '../../shared/domain/format';

describe('money without Intl on the first paint', () => {
  it.each([
    [3.25, 'USD'],
    [20.5, 'usd'],
    [0, 'USD'],
    [1234567.891, 'USD'],
    [999.995, 'USD'],
    [-3.25, 'USD'],
    [-0.001, 'USD'],
    [-0, 'USD'],
    [12.3, 'EUR'],
    [1000, 'GBP'],
    [500, 'JPY'],
    [7, 'XYZ'],
    [Number.NaN, 'USD'],
  ])('%s %s reads exactly as formatMoney has it', (amount, currency) => {
    expect(money(amount, currency)).toBe(formatMoney(amount, currency));
  });
});

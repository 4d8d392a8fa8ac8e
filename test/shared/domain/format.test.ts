import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAgo,
  formatClock,
  formatDuration,
  formatMoney,
  formatPercent,
  formatResetsIn,
} from '../../../shared/domain/format';
import { DAY, HOUR, MINUTE, SECOND, t } from './factories';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45 * SECOND, '45 s'],
    [59_999, '59 s'],
    [MINUTE, '1 m'],
    [18 * MINUTE + 59 * SECOND, '18 m'],
    [59 * MINUTE + 59 * SECOND, '59 m'],
    [HOUR, '1 h'],
    [2 * HOUR + 13 * MINUTE + 59 * SECOND, '2 h 13 m'],
    [2 * HOUR + 59 * SECOND, '2 h'],
    [DAY - 1, '23 h 59 m'],
    [DAY, '1 d'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3 d 4 h'],
    [3 * DAY + 59 * MINUTE, '3 d'],
    [40 * DAY, '40 d'],
    [-5 * SECOND, '0 s'],
    [Number.NaN, '0 s'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatClock', () => {
  const now = t('2026-11-21T09:30'); // a Saturday
  it.each([
    ['later the same day', t('2026-11-21T16:00'), '16:00'],
    ['earlier the same day', t('2026-11-21T00:05'), '00:05'],
    ['a jittered reset just before the hour', t('2026-11-21T15:59:59.700'), '16:00'],
    ['a time 29 s past the minute', t('2026-11-21T15:42:29'), '15:42'],
    ['the next morning', t('2026-11-22T08:00'), 'Sun 08:00'],
    ['later in the week', t('2026-11-24T09:00'), 'Tue 09:00'],
    ['yesterday', t('2026-11-20T23:00'), 'Fri 23:00'],
    ['over a week away', t('2026-12-01T09:00'), 'Dec 1 09:00'],
    ['midnight that ends today', t('2026-11-22T00:00'), 'Sun 00:00'],
  ])('%s reads "%s"', (_case, at, text) => {
    expect(formatClock(at, now)).toBe(text);
  });
});

describe('formatResetsIn', () => {
  it.each([
    ['unknown reset', null, t('2026-11-21T13:47'), 'reset time unknown'],
    ['reset due now', t('2026-11-21T16:00'), t('2026-11-21T16:00'), 'resets now'],
    ['reset already passed', t('2026-11-21T16:00'), t('2026-11-21T16:05'), 'resets now'],
    ['later today', t('2026-11-21T16:00'), t('2026-11-21T13:47'), 'resets in 2 h 13 m (16:00)'],
    [
      'in under a minute',
      t('2026-11-21T16:00'),
      t('2026-11-21T15:59:15'),
      'resets in 45 s (16:00)',
    ],
    ['another day', t('2026-11-24T09:00'), t('2026-11-21T05:00'), 'resets Tue 09:00 (in 3 d 4 h)'],
    [
      'just after midnight',
      t('2026-11-22T00:30'),
      t('2026-11-21T23:50'),
      'resets Sun 00:30 (in 40 m)',
    ],
  ])('%s', (_case, resetsAt, now, text) => {
    expect(formatResetsIn(resetsAt, now)).toBe(text);
  });
});

describe('formatAge', () => {
  const fetchedAt = t('2026-11-21T09:00');
  it.each([
    [0, 'updated just now'],
    [59 * SECOND, 'updated just now'],
    [-10 * SECOND, 'updated just now'],
    [2 * MINUTE + 30 * SECOND, 'updated 2 min ago'],
    [59 * MINUTE, 'updated 59 min ago'],
    [3 * HOUR + 59 * MINUTE, 'updated 3 h ago'],
    [2 * DAY + 5 * HOUR, 'updated 2 d ago'],
  ])('%d ms later reads "%s"', (age, text) => {
    expect(formatAge(fetchedAt, fetchedAt + age)).toBe(text);
    expect(formatAgo(fetchedAt, fetchedAt + age)).toBe(text.replace('updated ', ''));
  });
});

describe('formatPercent', () => {
  it.each([
    [42, '42%'],
    [42.5, '42.5%'],
    [42.04, '42%'],
    [42.96, '43%'],
    [0, '0%'],
    [-0.04, '0%'],
    [100, '100%'],
    [103.2, '103.2%'],
    [9.99, '10%'],
  ])('%d reads "%s"', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
});

describe('formatMoney', () => {
  it.each([
    [3.25, 'USD', '$3.25'],
    [20.5, 'EUR', '€20.50'],
    [1234.5, 'USD', '$1,234.50'],
    [0, 'GBP', '£0.00'],
    [3.25, 'not-a-code', '3.25 not-a-code'],
  ])('%d %s reads "%s"', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });
});

describe('formatMoney without Intl for dollars, euros and pounds', () => {
  it.each([
    [3.25, 'USD'],
    [20.5, 'usd'],
    [0, 'USD'],
    [1234567.891, 'USD'],
    [999.995, 'USD'],
    [0.145, 'USD'],
    [1.005, 'EUR'],
    [2.675, 'USD'],
    [0.125, 'GBP'],
    [0.994, 'USD'],
    [0.995, 'USD'],
    [99999.999, 'USD'],
    [1e-7, 'USD'],
    [9999999999999.99, 'USD'],
    [-3.25, 'USD'],
    [-0.001, 'USD'],
    [-0, 'USD'],
    [12.3, 'EUR'],
    [1000, 'GBP'],
    [123456789012.345, 'GBP'],
    [-1234.565, 'EUR'],
    [Number.NaN, 'USD'],
  ])('%s %s reads exactly as en-US Intl writes it', (amount, currency) => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    expect(formatMoney(amount, currency)).toBe(intl.format(amount));
  });

  it('agrees with Intl on 5,000 amounts from a cent to a billion, three decimals each', () => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    let seed = 20261121;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) {
      const amount = Math.round(10 ** (next() * 12) * next()) / 1000;
      expect(formatMoney(amount, 'USD'), String(amount)).toBe(intl.format(amount));
    }
  });

  it('leaves other currencies to Intl', () => {
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(7.5, 'CAD')).toBe('CA$7.50');
  });
});

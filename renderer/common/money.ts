import { formatMoney } from '../../shared/domain/format';

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£' };

/**
 * `formatMoney`'s output for the common currencies without touching Intl: Chromium's first
 * Intl.NumberFormat loads ICU currency data (~20 ms cold), which would delay the popover's first
 * paint. Other currencies, and anything odd, go to `formatMoney`; a test pins the two equal.
 */
export function money(amount: number, currency: string): string {
  const symbol = SYMBOLS[currency.toUpperCase()];
  if (symbol === undefined || !Number.isFinite(amount) || Math.abs(amount) >= 1e15) {
    return formatMoney(amount, currency);
  }
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Intl keeps the sign of anything negative, even when it rounds to 0.00 (and of -0).
  const sign = amount < 0 || Object.is(amount, -0) ? '-' : '';
  return `${sign}${symbol}${grouped}.${cents}`;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A span as people read it: "45 s", "18 m", "2 h 13 m", "2 h", "3 d 4 h"; rounded down. */
export function formatDuration(ms: number): string {
  const span = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  if (span < MINUTE) return `${Math.floor(span / SECOND)} s`;
  if (span < HOUR) return `${Math.floor(span / MINUTE)} m`;
  if (span < DAY)
    return pair(Math.floor(span / HOUR), 'h', Math.floor((span % HOUR) / MINUTE), 'm');
  return pair(Math.floor(span / DAY), 'd', Math.floor((span % DAY) / HOUR), 'h');
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

/**
 * A local 24-hour clock time: "16:00" on the same local day as `now`, "Tue 09:00" within a
 * week, "Dec 1 09:00" further away (a weekday alone would be ambiguous there).
 */
export function formatClock(at: number, now: number): string {
  const date = toMinute(at);
  const time = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
  const today = new Date(now);
  if (sameLocalDay(date, today)) return time;
  if (Math.abs(date.getTime() - now) < 7 * DAY) return `${WEEKDAYS[date.getDay()] ?? ''} ${time}`;
  return `${MONTHS[date.getMonth()] ?? ''} ${date.getDate()} ${time}`;
}

/** Rounded to the minute: reset times arrive as 15:59:59.9 or 16:00:00.3, both read "16:00". */
function toMinute(at: number): Date {
  return new Date(Math.round(at / MINUTE) * MINUTE);
}

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * When a window resets: "resets in 2 h 13 m (16:00)" later today, "resets Tue 09:00 (in 3 d 4 h)"
 * on another day, "resets now" once due, "reset time unknown" without one.
 */
export function formatResetsIn(resetsAt: number | null, now: number): string {
  if (resetsAt === null) return 'reset time unknown';
  const left = resetsAt - now;
  if (left <= 0) return 'resets now';
  const clock = formatClock(resetsAt, now);
  if (sameLocalDay(toMinute(resetsAt), new Date(now))) {
    return `resets in ${formatDuration(left)} (${clock})`;
  }
  return `resets ${clock} (in ${formatDuration(left)})`;
}

/**
 * A window whose reset time has passed since its figures were read: "reset at 14:00 — new
 * figures with the next poll" (never "resets now": the window has reset, see shared/domain/verdict.ts).
 */
export function formatResetPassed(resetAt: number, now: number): string {
  return `reset at ${formatClock(resetAt, now)} — new figures with the next poll`;
}

/** How old the figures are: "updated just now", "updated 2 min ago", "updated 3 h ago", "updated 2 d ago". */
export function formatAge(fetchedAt: number, now: number): string {
  return `updated ${formatAgo(fetchedAt, now)}`;
}

/** How long ago: "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(at: number, now: number): string {
  const age = now - at;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  return `${Math.floor(age / DAY)} d ago`;
}

/** A utilization as shown: "42%", "42.5%", "100%" (one decimal only when it carries one). */
export function formatPercent(utilization: number): string {
  const tenths = Math.round(utilization * 10);
  const value = tenths / 10;
  // `+ 0` turns -0 (a rounded -0.04) into 0, which prints as "0".
  return tenths % 10 === 0 ? `${value + 0}%` : `${value.toFixed(1)}%`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** en-US symbols of the currencies formatted without Intl (see formatMoney). */
const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£' };

/**
 * An amount in major units: "$3.25", "€20.50"; an unknown currency code reads "3.25 XYZ".
 * Dollars, euros and pounds are written here, exactly as en-US Intl writes them (a test pins
 * that): the first Intl.NumberFormat loads ICU's locale data, ~7 MB that would stay resident in
 * a long-lived `pacewatch watch`, and ~20 ms before the popover's first paint in Chromium.
 */
export function formatMoney(amount: number, currency: string): string {
  const symbol = SYMBOLS[currency.toUpperCase()];
  if (symbol !== undefined && Number.isFinite(amount) && Math.abs(amount) < 1e13) {
    const cents = roundedCents(Math.abs(amount));
    const grouped = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    // Intl keeps the sign of anything negative, even when it rounds to 0.00 (and of -0).
    const sign = amount < 0 || Object.is(amount, -0) ? '-' : '';
    return `${sign}${symbol}${grouped}.${String(cents % 100).padStart(2, '0')}`;
  }
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    } catch {
      // RangeError: not an ISO 4217 code (a hand-edited budget or an odd wire value).
      return `${amount.toFixed(2)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

/**
 * Whole cents of a non-negative amount, rounded half away from zero on its shortest decimal form
 * ("0.145" → 15), as ICU rounds (toFixed rounds the binary value: 0.145.toFixed(2) is "0.14").
 */
function roundedCents(amount: number): number {
  const text = String(amount);
  if (text.includes('e')) return 0; // below 1e-6 (the caller keeps amounts under 1e13)
  const [whole = '0', fraction = ''] = text.split('.');
  const kept = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return fraction.charCodeAt(2) >= 0x35 ? kept + 1 : kept;
}

/** A token count as people read it: "950", "38 k", "1.2 M". */
export function formatTokens(tokens: number): string {
  if (tokens < 1_000) return String(Math.round(tokens));
  if (tokens < 1_000_000) return `${Math.round(tokens / 1_000)} k`;
  return `${(tokens / 1_000_000).toFixed(1)} M`;
}

const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** Whether `Intl` knows an IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The machine's time zone (what reports use by default, as ccusage does). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Maps epoch ms to the local calendar day `YYYY-MM-DD` in a time zone, fast enough for every
 * entry of a large index: the zone's offset is asked for at the start and end of each UTC day
 * (two calls per day); within a UTC day whose offset does not change, the local day is plain
 * arithmetic. On the few days with a DST change, each 15-minute bucket is looked up (offsets
 * only change on quarter-hour boundaries).
 *
 * `null` is this machine's zone (what systemTimeZone names), read from `Date`'s local time: the
 * same offsets, without Intl, whose first use costs a one-shot `pacewatch report` ~15 ms.
 */
export function createDayKey(timeZone: string | null): (at: number) => string {
  return dayKeyWith(timeZone === null ? localOffset : intlOffset(timeZone));
}

/** The machine's offset from UTC at `at`, in ms (whole minutes: the zones of any recent date). */
function localOffset(at: number): number {
  return -new Date(at).getTimezoneOffset() * 60_000;
}

/** Local date and time to the minute; in `en-CA` they read `YYYY-MM-DD, HH:mm`. */
const LOCAL_MINUTE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** Formats epoch ms as `YYYY-MM-DD HH:mm` in a time zone (one Intl formatter for every call). */
export function createClock(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { ...LOCAL_MINUTE, timeZone });
  return (at) => format.format(at).replace(',', '');
}

/** A zone's offset from UTC at `at`, in ms, from Intl. */
function intlOffset(timeZone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat('en-CA', { ...LOCAL_MINUTE, second: '2-digit', timeZone });
  const part = (parts: Intl.DateTimeFormatPart[], type: string): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (at) => {
    const parts = format.formatToParts(at);
    const local = Date.UTC(
      part(parts, 'year'),
      part(parts, 'month') - 1,
      part(parts, 'day'),
      part(parts, 'hour'),
      part(parts, 'minute'),
      part(parts, 'second'),
    );
    return local - Math.floor(at / 1000) * 1000;
  };
}

/** Day keys from an offset function (see createDayKey). */
function dayKeyWith(offsetAt: (at: number) => number): (at: number) => string {
  const offsets = new Map<number, number | null>();
  const names = new Map<number, string>();
  const buckets = new Map<number, string>();
  let lastDay = NaN;
  let lastName = '';
  const dayName = (localMs: number): string => {
    const day = Math.floor(localMs / DAY_MS);
    if (day === lastDay) return lastName;
    let name = names.get(day);
    if (name === undefined) {
      name = new Date(day * DAY_MS).toISOString().slice(0, 10);
      names.set(day, name);
    }
    lastDay = day;
    lastName = name;
    return name;
  };
  // Entries come in runs from one transcript: the last day asked is the likely next one.
  let lastUtcDay = NaN;
  let lastOffset: number | null = null;
  return (at) => {
    const utcDay = Math.floor(at / DAY_MS);
    let offset: number | null | undefined =
      utcDay === lastUtcDay ? lastOffset : offsets.get(utcDay);
    if (offset === undefined) {
      const first = offsetAt(utcDay * DAY_MS);
      offset = first === offsetAt(utcDay * DAY_MS + DAY_MS - 1) ? first : null;
      offsets.set(utcDay, offset);
    }
    lastUtcDay = utcDay;
    lastOffset = offset;
    if (offset !== null) return dayName(at + offset);
    const bucket = Math.floor(at / BUCKET_MS);
    let name = buckets.get(bucket);
    if (name === undefined) {
      name = dayName(bucket * BUCKET_MS + offsetAt(bucket * BUCKET_MS));
      buckets.set(bucket, name);
    }
    return name;
  };
}

/** `YYYY-MM-DD` → `YYYY-MM`. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** A `--since` / `--until` date (`YYYYMMDD` or `YYYY-MM-DD`) as `YYYY-MM-DD`, or null if invalid. */
export function parseReportDate(text: string): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month}-${day}`;
}

const ZERO = 48;

/** Two ASCII digits at `at` as a number, or NaN when either is not a digit. */
function two(text: string, at: number): number {
  const high = text.charCodeAt(at) - ZERO;
  const low = text.charCodeAt(at + 1) - ZERO;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : NaN;
}

/**
 * A transcript timestamp in epoch ms, or null. Accepts what ccusage v20 accepts:
 * `YYYY-MM-DDTHH:MM:SS[.mmm]` then `Z` or `±HH:MM` — Claude Code writes `…T10:21:56.220Z`.
 * Other shapes (microseconds, `+0000`, no seconds) are skipped by both. Hand-parsed: it runs
 * once per usage line.
 */
export function parseLogTimestamp(text: string): number | null {
  if (text.length < 20) return null;
  if (
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':'
  ) {
    return null;
  }
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (!(
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  )) {
    return null;
  }
  if (!(year >= 0)) return null;
  let at = 19;
  let millis = 0;
  if (text[at] === '.') {
    const third = text.charCodeAt(22) - ZERO;
    millis = two(text, 20) * 10 + third;
    if (!(third >= 0 && third <= 9 && millis >= 0)) return null;
    at = 23;
  }
  let offsetMinutes = 0;
  const zone = text[at];
  if (zone === 'Z' && text.length === at + 1) offsetMinutes = 0;
  else if ((zone === '+' || zone === '-') && text.length === at + 6 && text[at + 3] === ':') {
    const minutes = two(text, at + 1) * 60 + two(text, at + 4);
    if (!(minutes >= 0)) return null;
    offsetMinutes = zone === '+' ? minutes : -minutes;
  } else return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;

/** Two ASCII digits at `at` of `bytes` (below `end`) as a number, or NaN (as `two`). */
function twoBytes(bytes: Uint8Array, at: number, end: number): number {
  if (at + 1 >= end) return NaN;
  const high = (bytes[at] as number) - ZERO;
  const low = (bytes[at + 1] as number) - ZERO;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : NaN;
}

/**
 * `parseLogTimestamp` of the latin1 text of `bytes[start, end)`, without making the string (the
 * fast line reader's path; log-timestamp.test.ts checks both agree). Offsets past `end` read as
 * NaN, as `charCodeAt` past a string's end does.
 */
export function parseLogTimestampBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
): number | null {
  if (end - start < 20) return null;
  if (
    bytes[start + 4] !== DASH ||
    bytes[start + 7] !== DASH ||
    bytes[start + 10] !== T ||
    bytes[start + 13] !== COLON ||
    bytes[start + 16] !== COLON
  )
    return null;
  const year = twoBytes(bytes, start, end) * 100 + twoBytes(bytes, start + 2, end);
  const month = twoBytes(bytes, start + 5, end);
  const day = twoBytes(bytes, start + 8, end);
  const hour = twoBytes(bytes, start + 11, end);
  const minute = twoBytes(bytes, start + 14, end);
  const second = twoBytes(bytes, start + 17, end);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && year >= 0)) return null;
  let zone = start + 19;
  let millis = 0;
  if (bytes[zone] === DOT) {
    const third = start + 22 < end ? (bytes[start + 22] as number) - ZERO : NaN;
    millis = twoBytes(bytes, start + 20, end) * 10 + third;
    if (!(third >= 0 && third <= 9 && millis >= 0)) return null;
    zone = start + 23;
  }
  const mark = zone < end ? bytes[zone] : undefined;
  let offsetMinutes = 0;
  if (mark === Z && end === zone + 1) offsetMinutes = 0;
  else if ((mark === PLUS || mark === DASH) && end === zone + 6 && bytes[zone + 3] === COLON) {
    const minutes = twoBytes(bytes, zone + 1, end) * 60 + twoBytes(bytes, zone + 4, end);
    if (!(minutes >= 0)) return null;
    offsetMinutes = mark === PLUS ? minutes : -minutes;
  } else return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

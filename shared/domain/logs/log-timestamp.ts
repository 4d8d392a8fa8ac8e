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

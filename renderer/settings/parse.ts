/** What a settings field made of the text typed into it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "50, 75, 90" → [50, 75, 90]: whole or decimal percentages from 1 to 100, at most 10. */
export function parseThresholds(text: string): Parsed<number[]> {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.replace(/%$/, ''))
    .filter((part) => part !== '');
  const values = parts.map(Number);
  if (values.some((value) => !Number.isFinite(value) || value < 1 || value > 100)) {
    return {
      ok: false,
      message: 'Use percentages from 1 to 100, separated by commas, like 50, 75, 90.',
    };
  }
  if (values.length > 10) return { ok: false, message: 'Use at most 10 thresholds.' };
  return { ok: true, value: [...new Set(values)].sort((a, b) => a - b) };
}

/** A whole number of minutes within bounds. */
export function parseMinutes(text: string, min: number, max: number): Parsed<number> {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    return { ok: false, message: `Use a whole number of minutes from ${min} to ${max}.` };
  }
  return { ok: true, value };
}

/** A budget in dollars; empty means no budget. */
export function parseBudget(text: string): Parsed<number | null> {
  const trimmed = text.trim().replace(/^\$/, '');
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value <= 0 || value > 10_000_000) {
    return {
      ok: false,
      message: 'Use an amount in US dollars, like 200, or leave it empty for no budget.',
    };
  }
  return { ok: true, value };
}

/** A 24-hour clock time, "22:30". */
export function parseClock(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(trimmed)) {
    return { ok: false, message: 'Use a 24-hour time like 22:30.' };
  }
  return { ok: true, value: trimmed };
}

/** A window's own thresholds; empty means it follows the general ones (null). */
export function parseWindowThresholds(text: string): Parsed<number[] | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = parseThresholds(text);
  if (parsed.ok && parsed.value.length === 0) return { ok: true, value: null };
  return parsed;
}

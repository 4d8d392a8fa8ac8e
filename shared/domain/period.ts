const MINUTE = 60_000;

/**
 * The key of a window period: its reset time rounded to the nearest minute, as ISO. The server's
 * reset timestamps jitter by microseconds between polls; the rounded time does not.
 */
export function periodKey(resetsAt: number | null): string | null {
  if (resetsAt === null || !Number.isFinite(resetsAt)) return null;
  return new Date(Math.round(resetsAt / MINUTE) * MINUTE).toISOString();
}

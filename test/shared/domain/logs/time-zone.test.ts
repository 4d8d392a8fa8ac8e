import { afterEach, describe, expect, it } from 'vitest';
import { createDayKey, systemTimeZone } from '../../../../shared/domain/logs/time-zone';

const original = process.env.TZ;
const HOUR = 3_600_000;

describe('local days', () => {
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'])(
    'reads the machine’s days (%s) from Date exactly as Intl names them, across DST changes',
    (zone) => {
      process.env.TZ = zone;
      const local = createDayKey(null);
      const named = createDayKey(systemTimeZone());
      const explicit = createDayKey(zone);
      const start = Date.UTC(2025, 11, 20);
      const differences: string[] = [];
      let checked = 0;
      // A year and a bit, every 7 minutes: every DST change and every midnight of every day.
      for (let at = start; at < start + 400 * 24 * HOUR; at += 7 * 60_000 + 13) {
        const day = local(at);
        if (day !== named(at) || day !== explicit(at))
          differences.push(`${new Date(at).toISOString()}: ${day}, ${named(at)}, ${explicit(at)}`);
        checked += 1;
      }
      expect(differences).toEqual([]);
      expect(checked).toBeGreaterThan(80_000);
    },
  );
});

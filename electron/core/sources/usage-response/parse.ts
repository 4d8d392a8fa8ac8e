import { readJsonBody } from '../json-body';
import {
  scopedWindowId,
  windowLabel,
  type ExtraUsage,
  type UsageWindow,
} from '../../../../shared/domain/snapshot';
import { validEpochMs, validExtraUsage, validUtilization } from '../../../../shared/domain/valid';
import {
  USAGE_KEYS,
  wireLimitSchema,
  wireUsageSchema,
  type WireExtraUsage,
  type WireUsage,
  type WireWindow,
} from './wire';

/** A usage body turned into domain values, or a few words on what was wrong with it. */
export type ParsedUsage =
  | { ok: true; windows: UsageWindow[]; extraUsage: ExtraUsage | null }
  | { ok: false; message: string };

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * An ISO-8601 reset time as epoch ms: `Z` or `±hh:mm`, with milliseconds or microseconds
 * (the fraction is cut to ms, since not every runtime's `Date.parse` takes six digits).
 * null for null, non-strings and anything that is not a real calendar time.
 */
export function parseResetTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_TIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    ms,
  );
  const check = new Date(local);
  // Date.UTC rolls 31 February into March: reject instead of guessing.
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return null;
  }
  return validEpochMs(local - zoneOffsetMs(zone));
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Parses a usage body (PROTOCOLS.md "OAuth usage"); the message never echoes the body. */
export function parseUsageBody(body: string): ParsedUsage {
  const json = readJsonBody(body);
  if (!json.ok) return json;
  const value = json.value;
  if (Array.isArray(value)) return { ok: false, message: 'a JSON array, not an object' };
  if (value === null || typeof value !== 'object') {
    return {
      ok: false,
      message: `a JSON ${value === null ? 'null' : typeof value}, not an object`,
    };
  }
  if (!USAGE_KEYS.some((key) => key in value)) return { ok: false, message: 'no usage fields' };
  const wire = wireUsageSchema.safeParse(value);
  if (!wire.success) {
    const key = wire.error.issues[0]?.path[0];
    return { ok: false, message: `unexpected ${typeof key === 'string' ? key : 'field'} shape` };
  }
  return {
    ok: true,
    windows: toWindows(wire.data),
    extraUsage: toExtraUsage(wire.data.extra_usage),
  };
}

function toWindow(id: string, wire: WireWindow | null | undefined): UsageWindow | null {
  // An impossible percentage (1e308, -5) is not a reading: the window is left out.
  const utilization = validUtilization(wire?.utilization);
  if (utilization === null) return null;
  return { id, label: windowLabel(id), utilization, resetsAt: parseResetTime(wire?.resets_at) };
}

function toWindows(wire: WireUsage): UsageWindow[] {
  const windows = new Map<string, UsageWindow>();
  const put = (window: UsageWindow | null): void => {
    if (window) windows.set(window.id, window);
  };
  put(toWindow('five_hour', wire.five_hour));
  put(toWindow('seven_day', wire.seven_day));
  put(toWindow('seven_day_opus', wire.seven_day_opus));
  put(toWindow('seven_day_sonnet', wire.seven_day_sonnet));
  for (const raw of wire.limits ?? []) {
    const limit = wireLimitSchema.safeParse(raw);
    const utilization = limit.success ? validUtilization(limit.data.percent) : null;
    if (!limit.success || utilization === null) continue;
    const active = limit.data.is_active;
    const window = {
      utilization,
      resetsAt: parseResetTime(limit.data.resets_at),
      ...(typeof active === 'boolean' ? { active } : {}),
    };
    const model = limit.data.scope?.model?.display_name?.trim();
    if (limit.data.kind === 'weekly_scoped' && model) {
      // limits[] is the current form: it wins over a legacy field for the same window.
      const id = scopedWindowId(model);
      windows.set(id, { id, label: windowLabel(id, model), ...window });
    } else if (limit.data.kind === 'session' || limit.data.kind === 'weekly_all') {
      const id = limit.data.kind === 'session' ? 'five_hour' : 'seven_day';
      const legacy = windows.get(id);
      // The legacy field keeps its figures; the server's binding flag is added to them.
      if (legacy === undefined) windows.set(id, { id, label: windowLabel(id), ...window });
      else if (typeof active === 'boolean') windows.set(id, { ...legacy, active });
    }
  }
  return orderWindows([...windows.values()]);
}

/** Session first, then the week, then model-scoped weeks in the order the server gave them. */
function orderWindows(windows: UsageWindow[]): UsageWindow[] {
  const rank = (id: string): number => (id === 'five_hour' ? 0 : id === 'seven_day' ? 1 : 2);
  return windows
    .map((window, index) => ({ window, index }))
    .sort((a, b) => rank(a.window.id) - rank(b.window.id) || a.index - b.index)
    .map(({ window }) => window);
}

function toExtraUsage(wire: WireExtraUsage | null | undefined): ExtraUsage | null {
  if (!wire) return null;
  const enabled = wire.is_enabled === true;
  const usedMinor = wire.used_credits ?? 0;
  const utilization = wire.utilization ?? null;
  // Accounts without extra usage get an all-null block: that is "no extra usage", not $0 of it.
  if (!enabled && utilization === null && usedMinor === 0) return null;
  const scale = 10 ** (wire.decimal_places ?? 2);
  const limitMinor = wire.monthly_limit ?? 0;
  return validExtraUsage({
    enabled,
    used: usedMinor / scale,
    limit: limitMinor > 0 ? limitMinor / scale : null,
    currency: (wire.currency ?? 'USD').toUpperCase(),
    utilization,
  });
}

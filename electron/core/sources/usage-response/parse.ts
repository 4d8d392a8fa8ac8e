import { readJsonBody } from '../json-body';
import {
  scopedWindowId,
  windowLabel,
  type BankedReset,
  type ExtraUsage,
  type Money,
  type PromoCredit,
  type UsageWindow,
} from '../../../../shared/domain/snapshot';
import {
  validEpochMs,
  validExtraUsage,
  validMoney,
  validUtilization,
} from '../../../../shared/domain/valid';
import {
  USAGE_KEYS,
  wireGrantSchema,
  wireLimitSchema,
  wireUsageSchema,
  type WireExtraUsage,
  type WireSpend,
  type WireUsage,
  type WireWindow,
} from './wire';

/** The figures of a usage body besides its windows, present only when the server sent them. */
export interface UsageExtras {
  readonly promoCredit?: PromoCredit;
  /** Present when the body carried a `cedar_ember` block ([] when it holds no grant). */
  readonly bankedResets?: readonly BankedReset[];
}

/** A usage body turned into domain values, or a few words on what was wrong with it. */
export type ParsedUsage =
  | ({ ok: true; windows: UsageWindow[]; extraUsage: ExtraUsage | null } & UsageExtras)
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

/** Parses a usage body (docs/PROTOCOLS.md "OAuth usage"); the message never echoes the body. */
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
  const promoCredit = toPromoCredit(wire.data.cinder_cove);
  const bankedResets = wire.data.cedar_ember ? toBankedResets(wire.data.cedar_ember.grants) : null;
  return {
    ok: true,
    windows: toWindows(wire.data),
    extraUsage: toExtraUsage(wire.data.extra_usage) ?? spendAsExtraUsage(wire.data.spend),
    ...(promoCredit === null ? {} : { promoCredit }),
    ...(bankedResets === null ? {} : { bankedResets }),
  };
}

/** `limit_dollars` / `used_dollars` as money, when both are there and make sense. */
function dollarsOf(wire: WireWindow): Money | null {
  const limit = validMoney(wire.limit_dollars);
  const used = validMoney(wire.used_dollars);
  if (limit === null || used === null || limit <= 0) return null;
  return { used, limit, currency: 'USD' };
}

function toWindow(id: string, wire: WireWindow | null | undefined): UsageWindow | null {
  // An impossible percentage (1e308, -5) is not a reading: the window is left out.
  const utilization = validUtilization(wire?.utilization);
  if (!wire || utilization === null) return null;
  const money = dollarsOf(wire);
  return {
    id,
    label: windowLabel(id),
    utilization,
    resetsAt: parseResetTime(wire.resets_at),
    ...(money === null ? {} : { money }),
  };
}

/** The top-level windows, by the id the domain uses (Claude Design has two wire names). */
function topLevelWindows(wire: WireUsage): Array<[string, WireWindow | null | undefined]> {
  return [
    ['five_hour', wire.five_hour],
    ['seven_day', wire.seven_day],
    ['seven_day_opus', wire.seven_day_opus],
    ['seven_day_sonnet', wire.seven_day_sonnet],
    ['seven_day_overage_included', wire.seven_day_overage_included],
    ['seven_day_routines', wire.seven_day_routines],
    ['seven_day_cowork', wire.seven_day_cowork],
    ['seven_day_design', wire.seven_day_design ?? wire.seven_day_omelette],
  ];
}

function limitId(kind: string, model: string | undefined): string | null {
  if (kind === 'weekly_scoped' && model) return scopedWindowId(model);
  if (kind === 'session') return 'five_hour';
  if (kind === 'weekly_all') return 'seven_day';
  return null;
}

function toWindows(wire: WireUsage): UsageWindow[] {
  const windows = new Map<string, UsageWindow>();
  for (const [id, window] of topLevelWindows(wire)) {
    const parsed = toWindow(id, window);
    if (parsed) windows.set(id, parsed);
  }
  for (const raw of wire.limits ?? []) {
    const limit = wireLimitSchema.safeParse(raw);
    const utilization = limit.success ? validUtilization(limit.data.percent) : null;
    if (!limit.success || utilization === null) continue;
    const model = limit.data.scope?.model?.display_name?.trim();
    const id = limitId(limit.data.kind, model);
    if (id === null) continue;
    const older = windows.get(id);
    // limits[] is the current form: a scoped week wins over a legacy field for the same window;
    // for the session and the week the top-level figures stay and limits[] adds its flags.
    const figures =
      older !== undefined && limit.data.kind !== 'weekly_scoped'
        ? older
        : {
            ...(older?.money === undefined ? {} : { money: older.money }),
            id,
            label: windowLabel(id, model),
            utilization,
            resetsAt: parseResetTime(limit.data.resets_at),
          };
    windows.set(id, {
      ...figures,
      ...(limit.data.is_active == null ? {} : { active: limit.data.is_active }),
      ...(limit.data.severity == null ? {} : { severity: limit.data.severity }),
    });
  }
  return orderWindows([...windows.values()]);
}

/** Session first, then the week, then the other windows in the order the server gave them. */
function orderWindows(windows: UsageWindow[]): UsageWindow[] {
  const rank = (id: string): number => (id === 'five_hour' ? 0 : id === 'seven_day' ? 1 : 2);
  return windows
    .map((window, index) => ({ window, index }))
    .sort((a, b) => rank(a.window.id) - rank(b.window.id) || a.index - b.index)
    .map(({ window }) => window);
}

function toExtraUsage(wire: WireExtraUsage | null | undefined): ExtraUsage | null {
  if (!wire) return null;
  const usedMinor = wire.used_credits ?? 0;
  const utilization = wire.utilization ?? null;
  // Enterprise blocks omit is_enabled while money is being spent: spending means it is on.
  const enabled = wire.is_enabled ?? usedMinor > 0;
  // Accounts without extra usage get an all-null block: that is "no extra usage", not $0 of it.
  if (!enabled && utilization === null && usedMinor === 0 && !wire.disabled_reason) return null;
  const scale = 10 ** (wire.decimal_places ?? 2);
  const limitMinor = wire.monthly_limit ?? 0;
  return validExtraUsage({
    enabled,
    used: usedMinor / scale,
    limit: limitMinor > 0 ? limitMinor / scale : null,
    currency: (wire.currency ?? 'USD').toUpperCase(),
    utilization,
    ...(wire.disabled_reason ? { disabledReason: wire.disabled_reason } : {}),
  });
}

/** `spend`, the newer mirror of `extra_usage`, read when `extra_usage` says nothing. */
function spendAsExtraUsage(wire: WireSpend | null | undefined): ExtraUsage | null {
  if (!wire?.used) return null;
  const scale = (exponent: number | null) => 10 ** (exponent ?? 2);
  const used = wire.used.minor / scale(wire.used.exponent);
  const limit =
    wire.limit && wire.limit.minor > 0 ? wire.limit.minor / scale(wire.limit.exponent) : null;
  const enabled = wire.enabled ?? wire.is_enabled ?? used > 0;
  if (!enabled && used === 0 && !wire.disabled_reason) return null;
  return validExtraUsage({
    enabled,
    used,
    limit,
    currency: (wire.used.currency ?? wire.currency ?? 'USD').toUpperCase(),
    utilization: wire.percent ?? (limit === null ? null : (used / limit) * 100),
    ...(wire.disabled_reason ? { disabledReason: wire.disabled_reason } : {}),
  });
}

function toPromoCredit(wire: WireWindow | null | undefined): PromoCredit | null {
  const utilization = validUtilization(wire?.utilization);
  if (!wire || utilization === null) return null;
  const money = dollarsOf(wire);
  return {
    utilization,
    expiresAt: parseResetTime(wire.resets_at),
    ...(money === null ? {} : { money }),
  };
}

/** The grants of a `cedar_ember` block; a malformed grant is skipped, never guessed. */
function toBankedResets(grants: readonly unknown[] | null | undefined): BankedReset[] {
  const resets: BankedReset[] = [];
  for (const raw of grants ?? []) {
    const grant = wireGrantSchema.safeParse(raw);
    if (!grant.success) continue;
    const g = grant.data;
    const left = g.resets_left ?? null;
    if (left === null || !Number.isFinite(left) || left < 0) continue;
    resets.push({
      id: g.id,
      label: g.label?.trim() || 'Limit reset',
      left,
      total: g.resets_total != null && g.resets_total >= left ? g.resets_total : null,
      startsAt: parseResetTime(g.starts_at),
      endsAt: parseResetTime(g.ends_at),
      clears: (g.clears ?? []).filter((id): id is string => typeof id === 'string'),
      usableNow: g.usable_now === true,
      paused: g.paused === true,
    });
  }
  return resets;
}

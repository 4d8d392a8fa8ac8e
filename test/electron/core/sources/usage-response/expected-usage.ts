import type { ExtraUsage, UsageWindow } from '../../../../../shared/domain/snapshot';
import {
  bothScopedBody,
  enterpriseBody,
  extraDisabledBody,
  extraYenBody,
  fullUsageBody,
  legacyOpusBody,
  limitsOnlyBody,
  microsecondTimesBody,
  millisecondTimesBody,
  noExtraUsageBody,
  scopedLimitsBody,
  unknownKeysBody,
} from '../../../../fakes/usage-bodies';

// What each fake usage body must parse to, written out by hand (reset times computed with
// Date.UTC, not with the parser), shared by the parser table and the oauth source tests.

const SESSION_RESET = Date.UTC(2026, 6, 3, 0, 30, 0, 282);
const WEEK_RESET = Date.UTC(2026, 6, 8, 9, 0, 0, 282);

/** The session window as parsed. */
export const session = (
  utilization: number,
  resetsAt: number | null = SESSION_RESET,
): UsageWindow => ({
  id: 'five_hour',
  label: 'Session',
  utilization,
  resetsAt,
});
/** The week window as parsed. */
export const week = (utilization: number, resetsAt: number | null = WEEK_RESET): UsageWindow => ({
  id: 'seven_day',
  label: 'Week',
  utilization,
  resetsAt,
});
/** The Opus week as parsed. */
export const opus = (utilization: number, resetsAt: number | null = WEEK_RESET): UsageWindow => ({
  id: 'seven_day_opus',
  label: 'Week · Opus',
  utilization,
  resetsAt,
});

/** One body and what it must parse to. */
export interface ExpectedUsage {
  readonly name: string;
  readonly body: Record<string, unknown>;
  readonly windows: UsageWindow[];
  readonly extraUsage: ExtraUsage | null;
}

/** Every documented 200 body. */
export const EXPECTED_USAGE: readonly ExpectedUsage[] = [
  {
    name: 'the documented full body: session, week, Opus from limits[], extra usage in dollars',
    body: fullUsageBody(),
    // limits[] marks the session as the binding limit, at normal severity.
    windows: [{ ...session(11), active: true, severity: 'normal' }, week(9), opus(5)],
    extraUsage: { enabled: true, used: 3.25, limit: 20.5, currency: 'USD', utilization: 15.85 },
  },
  {
    name: 'a legacy seven_day_opus field with float and int utilization',
    body: legacyOpusBody(),
    windows: [session(42.5), week(61), opus(73)],
    extraUsage: null,
  },
  {
    name: 'model-scoped weeks from limits[] only, named by display_name',
    body: scopedLimitsBody(),
    windows: [
      session(42.5),
      week(61),
      opus(73),
      {
        id: 'seven_day_sonnet_4_5',
        label: 'Week · Sonnet 4.5',
        utilization: 12.25,
        resetsAt: null,
      },
    ],
    extraUsage: null,
  },
  {
    name: 'the same window in both places: limits[] wins',
    body: bothScopedBody(),
    windows: [session(11), week(9), opus(5)],
    extraUsage: null,
  },
  {
    name: 'session and week from limits[] when the top-level fields are null or absent',
    body: limitsOnlyBody(),
    windows: [session(20), week(30)],
    extraUsage: null,
  },
  {
    name: 'an enterprise account: no windows, only a spend limit',
    body: enterpriseBody(),
    windows: [],
    extraUsage: { enabled: true, used: 123.45, limit: 500, currency: 'USD', utilization: 24.69 },
  },
  {
    name: 'microsecond +00:00 reset times',
    body: microsecondTimesBody(),
    windows: [session(11), week(9)],
    extraUsage: null,
  },
  {
    name: 'millisecond Z reset times',
    body: millisecondTimesBody(),
    windows: [session(11), week(9)],
    extraUsage: null,
  },
  {
    name: 'unknown keys ignored, an unreadable reset time is unknown, Cowork and Claude Design read',
    body: unknownKeysBody(),
    // seven_day_cowork and seven_day_omelette (Claude Design) are windows users see on
    // claude.ai, so they are read; seven_day_oauth_apps is not.
    windows: [
      session(11, null),
      week(9),
      { id: 'seven_day_cowork', label: 'Cowork', utilization: 70, resetsAt: WEEK_RESET },
      { id: 'seven_day_design', label: 'Claude Design', utilization: 60, resetsAt: WEEK_RESET },
    ],
    extraUsage: null,
  },
  {
    name: 'extra usage switched off but with a utilization, and no cap',
    body: extraDisabledBody(),
    windows: [session(11), week(9)],
    extraUsage: { enabled: false, used: 0, limit: null, currency: 'USD', utilization: 12.5 },
  },
  {
    name: 'extra usage honours decimal_places 0',
    body: extraYenBody(),
    windows: [session(11)],
    extraUsage: { enabled: true, used: 500, limit: 3000, currency: 'JPY', utilization: 16.67 },
  },
  {
    name: 'an all-null extra usage block is no extra usage',
    body: noExtraUsageBody(),
    windows: [session(11)],
    extraUsage: null,
  },
];

import { describe, expect, it } from 'vitest';
import {
  parseStatuslineInput,
  statuslineResetTime,
} from '../../../../../electron/core/sources/statusline/parse-input';

const SESSION_RESET_S = 1_738_425_600;
const WEEK_RESET_S = 1_738_857_600;

/** What Claude Code passes, with the usual other fields around the rate limits. */
function input(rateLimits: unknown): string {
  return JSON.stringify({
    session_id: 'abc',
    model: { id: 'claude-opus-4-5', display_name: 'Opus' },
    workspace: { current_dir: '/home/ada/repo' },
    cost: { total_cost_usd: 0.12 },
    ...(rateLimits === undefined ? {} : { rate_limits: rateLimits }),
  });
}

const session = (utilization: number, resetsAt: number | null = SESSION_RESET_S * 1000) => ({
  id: 'five_hour',
  label: 'Session',
  utilization,
  resetsAt,
});
const week = (utilization: number, resetsAt: number | null = WEEK_RESET_S * 1000) => ({
  id: 'seven_day',
  label: 'Week',
  utilization,
  resetsAt,
});

describe("Claude Code's status-line input", () => {
  it.each([
    {
      name: 'both windows, resets in epoch seconds',
      limits: {
        five_hour: { used_percentage: 23.5, resets_at: SESSION_RESET_S },
        seven_day: { used_percentage: 41.2, resets_at: WEEK_RESET_S },
      },
      windows: [session(23.5), week(41.2)],
    },
    {
      name: 'only the week (the session window absent)',
      limits: { seven_day: { used_percentage: 41.2, resets_at: WEEK_RESET_S } },
      windows: [week(41.2)],
    },
    {
      name: 'the week first on the wire, and a model week',
      limits: {
        seven_day_opus: { used_percentage: 7, resets_at: WEEK_RESET_S },
        seven_day: { used_percentage: 41.2, resets_at: WEEK_RESET_S },
        five_hour: { used_percentage: 0, resets_at: null },
      },
      windows: [
        session(0, null),
        week(41.2),
        {
          id: 'seven_day_opus',
          label: 'Week · Opus',
          utilization: 7,
          resetsAt: WEEK_RESET_S * 1000,
        },
      ],
    },
    { name: 'rate_limits absent (before the first reply)', limits: undefined, windows: [] },
    { name: 'rate_limits null', limits: null, windows: [] },
    { name: 'rate_limits an array', limits: [1, 2], windows: [] },
    {
      name: 'windows it cannot read left out',
      limits: {
        five_hour: { used_percentage: 'lots', resets_at: SESSION_RESET_S },
        seven_day: null,
        weekly_extra: { used_percentage: 5 },
        'seven_day-bad': { used_percentage: 5 },
      },
      windows: [],
    },
    {
      name: 'numbers sent as strings, a rounding dip below 0 read as 0',
      limits: {
        five_hour: { used_percentage: '23.5', resets_at: String(SESSION_RESET_S) },
        seven_day: { used_percentage: -0.4, resets_at: WEEK_RESET_S },
      },
      windows: [session(23.5), week(0)],
    },
    {
      // -3 % is no reading (issue 13: "−5%" was shown); it is left out, not guessed as 0.
      name: 'an impossible percentage (-3, 1e308) left out',
      limits: {
        five_hour: { used_percentage: -3, resets_at: SESSION_RESET_S },
        seven_day: { used_percentage: 1e308, resets_at: WEEK_RESET_S },
      },
      windows: [],
    },
    {
      name: 'a reset time of 1e300 read as unknown',
      limits: { five_hour: { used_percentage: 23, resets_at: 1e300 } },
      windows: [session(23, null)],
    },
  ])('reads $name', ({ limits, windows }) => {
    expect(parseStatuslineInput(input(limits))).toEqual({ ok: true, windows });
  });

  it.each([
    {
      name: 'empty input',
      text: '  \n',
      message: 'no input: Claude Code passes its status as JSON on stdin',
    },
    {
      name: 'garbage',
      text: 'hello there',
      message: "could not read Claude Code's status-line input (not JSON)",
    },
    {
      name: 'truncated JSON',
      text: '{"rate_limits": {"five_hour": {',
      message: "could not read Claude Code's status-line input (not JSON)",
    },
    {
      name: 'a JSON array',
      text: '[1]',
      message: "could not read Claude Code's status-line input (not an object)",
    },
    {
      name: 'a JSON string',
      text: '"x"',
      message: "could not read Claude Code's status-line input (not an object)",
    },
  ])('explains $name in a few words', ({ text, message }) => {
    expect(parseStatuslineInput(text)).toEqual({ ok: false, message });
  });

  it.each([
    { value: 1_738_425_600, expected: 1_738_425_600_000 },
    { value: 1_738_425_600.5, expected: 1_738_425_600_500 },
    { value: 1_738_425_600_000, expected: 1_738_425_600_000 },
    { value: '2025-02-01T16:00:00Z', expected: Date.UTC(2025, 1, 1, 16) },
    { value: 0, expected: null },
    { value: -5, expected: null },
    { value: null, expected: null },
    { value: 'soon', expected: null },
    { value: {}, expected: null },
  ])('reads resets_at $value as $expected', ({ value, expected }) => {
    expect(statuslineResetTime(value)).toBe(expected);
  });
});

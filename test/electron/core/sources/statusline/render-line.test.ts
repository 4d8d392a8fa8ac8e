import { describe, expect, it } from 'vitest';
import { statuslineText } from '../../../../../electron/core/sources/statusline/render-line';
import type { UsageSample } from '../../../../../shared/domain/projection';
import type { UsageWindow } from '../../../../../shared/domain/snapshot';

const at = (hour: number, minute = 0) => Date.UTC(2026, 10, 21, hour, minute);
const NOW = at(14);

const session = (utilization: number, resetsAt: number | null = at(16)): UsageWindow => ({
  id: 'five_hour',
  label: 'Session',
  utilization,
  resetsAt,
});
const week = (utilization: number, resetsAt: number | null = Date.UTC(2026, 10, 24, 9)) => ({
  id: 'seven_day',
  label: 'Week',
  utilization,
  resetsAt,
});

/** A session climbing 34 points an hour: at 42% now, it reaches 100% at 15:42. */
const climbing: UsageSample[] = [
  { at: at(13), utilization: 8 },
  { at: at(13, 30), utilization: 25 },
  { at: at(14), utilization: 42 },
];

function line(
  windows: UsageWindow[],
  samples: Record<string, UsageSample[]> = {},
  readAt: number | null = null,
  stale = false,
) {
  return statuslineText({ windows, samples: (id) => samples[id] ?? [], now: NOW, readAt, stale });
}

describe('the status line', () => {
  it('shows each window, the session reset and the projected lockout', () => {
    expect(line([session(42), week(61)], { five_hour: climbing })).toBe(
      '5h 42% ↻16:00 · wk 61% · ⚠ lockout ~15:42',
    );
  });

  it('shows no warning while the pace is safe or there is too little history', () => {
    expect(line([session(42.9), week(61)])).toBe('5h 42% ↻16:00 · wk 61%');
    const flat = climbing.map((sample) => ({ ...sample, utilization: 42 }));
    expect(line([session(42), week(61)], { five_hour: flat })).toBe('5h 42% ↻16:00 · wk 61%');
  });

  it('says when a limit is reached and until when', () => {
    expect(line([session(100), week(61)])).toBe(
      '5h 100% ↻16:00 · wk 61% · ⚠ 5h limit reached until 16:00',
    );
    expect(line([session(20), week(100)])).toBe(
      '5h 20% ↻16:00 · wk 100% · ⚠ wk limit reached until Tue 09:00',
    );
  });

  it("shows the week's reset only within a day, and model weeks by name", () => {
    const opus: UsageWindow = {
      id: 'seven_day_opus',
      label: 'Week · Opus',
      utilization: 73,
      resetsAt: at(20),
    };
    expect(line([week(61, at(22)), opus])).toBe('wk 61% ↻22:00 · opus wk 73% ↻20:00');
  });

  it('shows a window present without its reset time', () => {
    expect(line([session(5, null)])).toBe('5h 5%');
  });

  it('says how old figures from an earlier prompt are, and reads a window past its reset as 0 %', () => {
    // The verdict's rules (issue 10): a passed reset has reset; stale figures say so.
    expect(line([session(42), week(61)], {}, at(13, 55))).toBe(
      '5h 42% ↻16:00 · wk 61% · 5 min ago',
    );
    expect(line([session(42), week(61)], {}, at(13, 48), true)).toBe(
      '5h 42% ↻16:00 · wk 61% · 12 min ago, stale',
    );
    expect(line([session(42, at(13, 30)), week(61)], {}, at(11), true)).toBe(
      '5h 0% · wk 61% · 3 h ago, stale',
    );
    expect(line([session(42), week(61)], {}, at(12), true)).toBe(
      '5h 42% ↻16:00 · wk 61% · 2 h ago, stale',
    );
  });

  it('says there are no figures yet without a window, and 0 % for one that has reset', () => {
    const empty = "Claude usage: no figures yet (they come with Claude's first reply)";
    expect(line([])).toBe(empty);
    expect(line([session(42, at(13))])).toBe('5h 0%');
  });

  it('never warns about a window that has reset, and warns about the binding one', () => {
    expect(line([session(100, at(13)), week(61)])).toBe('5h 0% · wk 61%');
    expect(line([session(30), week(100, at(20))])).toBe(
      '5h 30% ↻16:00 · wk 100% ↻20:00 · ⚠ wk limit reached until 20:00',
    );
  });

  it("colours the lockout by the binding window's level: critical only within the lead time", () => {
    const tag = (level: string, text: string) => `<${level}>${text}</${level}>`;
    const paint = (samples: UsageSample[], utilization: number) =>
      statuslineText({
        windows: [session(utilization)],
        samples: () => samples,
        now: NOW,
        readAt: null,
        paint: tag,
      });
    // 42 % climbing 34 points an hour: locked at 15:42, 1 h 42 m away (the lead time is 30 min).
    expect(paint(climbing, 42)).toBe(
      '<normal>5h 42% ↻16:00</normal> · <normal>⚠ lockout ~15:42</normal>',
    );
    // 80 % climbing 40 points an hour: locked at 14:30, within the lead time.
    const steep = [
      { at: at(13), utilization: 40 },
      { at: at(13, 30), utilization: 60 },
      { at: at(14), utilization: 80 },
    ];
    expect(paint(steep, 80)).toBe(
      '<critical>5h 80% ↻16:00</critical> · <critical>⚠ lockout ~14:30</critical>',
    );
    expect(paint([], 100)).toBe(
      '<locked>5h 100% ↻16:00</locked> · <locked>⚠ 5h limit reached until 16:00</locked>',
    );
    expect(
      statuslineText({
        windows: [session(42)],
        samples: () => [],
        now: NOW,
        readAt: at(13),
        stale: true,
        paint: tag,
      }),
    ).toBe('<stale>5h 42% ↻16:00</stale> · <stale>1 h ago, stale</stale>');
  });

  it('colours each window by its level', () => {
    const tag = (level: string, text: string) => `<${level}>${text}</${level}>`;
    expect(
      statuslineText({
        windows: [session(42), week(61), { ...week(95), id: 'seven_day_opus', label: 'Opus' }],
        samples: () => [],
        now: at(14),
        readAt: null,
        paint: tag,
      }),
    ).toBe(
      '<normal>5h 42% ↻16:00</normal> · <warning>wk 61%</warning> · <critical>opus wk 95%</critical>',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { History, HistoryPoint } from '../../../shared/domain/history';
import { CHART_POINTS, windowChart } from '../../../shared/domain/history-chart';
import { DAY, HOUR, MINUTE, t } from './factories';

const history = (series: Record<string, HistoryPoint[]>): History => ({ version: 1, series });
const NOW = t('2026-11-21T12:00');

describe('windowChart', () => {
  it('the last 5 hours and the last 7 days of readings, oldest first', () => {
    const reset = NOW + 2 * HOUR;
    const chart = windowChart(
      history({
        five_hour: [
          [NOW - 8 * DAY, 90, NOW - 8 * DAY + HOUR],
          [NOW - 2 * DAY, 70, NOW - 2 * DAY + HOUR],
          [NOW - 4 * HOUR, 20, reset],
          [NOW - HOUR, 35, reset],
          [NOW + MINUTE, 99, reset],
        ],
      }),
      'five_hour',
      NOW,
    );
    expect(chart.recent).toEqual([
      { at: NOW - 4 * HOUR, utilization: 20 },
      { at: NOW - HOUR, utilization: 35 },
    ]);
    expect(chart.week).toEqual([
      { at: NOW - 2 * DAY, utilization: 70 },
      { at: NOW - 4 * HOUR, utilization: 20 },
      { at: NOW - HOUR, utilization: 35 },
    ]);
  });

  it('marks each reset of the last 7 days once, whatever the jitter of the reset times', () => {
    const first = NOW - 3 * DAY;
    const second = NOW - 20 * HOUR;
    const chart = windowChart(
      history({
        five_hour: [
          [NOW - 9 * DAY, 10, NOW - 9 * DAY + HOUR],
          [first - 2 * HOUR, 40, first],
          [first - HOUR, 60, first + 0.4],
          [second - HOUR, 80, second],
          [NOW - HOUR, 10, NOW + 4 * HOUR],
        ],
      }),
      'five_hour',
      NOW,
    );
    expect(chart.resets).toEqual([first, second]);
  });

  it('keeps at most 168 readings over the week, the highest per slice, so peaks survive', () => {
    const points: HistoryPoint[] = Array.from({ length: 7 * 24 * 6 }, (_, i) => [
      NOW - 7 * DAY + (i + 1) * 10 * MINUTE,
      i === 500 ? 97 : 10,
      null,
    ]);
    const chart = windowChart(history({ seven_day: points }), 'seven_day', NOW);
    expect(chart.week).toHaveLength(CHART_POINTS.week);
    expect(Math.max(...chart.week.map((s) => s.utilization))).toBe(97);
    expect(chart.resets).toEqual([]);
  });

  it('a window with no history: empty chart', () => {
    expect(windowChart(history({}), 'seven_day_opus', NOW)).toEqual({
      recent: [],
      week: [],
      resets: [],
    });
  });
});

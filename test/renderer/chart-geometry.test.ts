import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartGeometry,
  chartRows,
  type ChartInput,
} from '../../renderer/popover/chart-geometry';
import { HOUR, MINUTE, t } from '../shared/domain/factories';

const NOW = t('2026-11-21T12:00');
const SPAN = 5 * HOUR;

function input(overrides: Partial<ChartInput> = {}): ChartInput {
  return {
    samples: [],
    resets: [],
    resetsAt: null,
    now: NOW,
    spanMs: SPAN,
    utilization: 40,
    ratePerHour: null,
    thresholds: [50, 75, 90],
    ...overrides,
  };
}

describe('the history chart’s layout', () => {
  it('is as wide as a card (314 units); puts now four fifths across (a quarter span ahead is left for the projection)', () => {
    expect(CHART_WIDTH).toBe(314);
    expect(chartGeometry(input()).nowX).toBe(251.2);
  });

  it('draws 0 % at the bottom and 100 % at the top, inside a 4-unit margin', () => {
    const geometry = chartGeometry(
      input({
        samples: [
          { at: NOW - SPAN, utilization: 0 },
          { at: NOW, utilization: 100 },
          { at: NOW, utilization: 130 },
        ],
      }),
    );
    expect(geometry.line).toBe(`0,${CHART_HEIGHT - 4} 251.2,4 251.2,4`);
    expect(geometry.fullY).toBe(4);
    expect(geometry.thresholds.map((line) => line.value)).toEqual([50, 75, 90]);
    expect(geometry.thresholds[0]?.y).toBe(CHART_HEIGHT / 2);
  });

  it('marks past resets in the span and the coming one ahead, not those outside', () => {
    const geometry = chartGeometry(
      input({ resets: [NOW - 6 * HOUR, NOW - 2.5 * HOUR], resetsAt: NOW + HOUR }),
    );
    expect(geometry.resetXs).toEqual([125.6, 301.4]);
    expect(chartGeometry(input({ resetsAt: NOW + 3 * HOUR })).resetXs).toEqual([]);
  });

  it('projects a rise to 100 %, then a flat blocked stretch until the reset', () => {
    // 40 % at 60 points an hour: full in one hour, at the chart's edge (1 h 15 m ahead).
    const geometry = chartGeometry(
      input({ ratePerHour: 60, resetsAt: NOW + 70 * MINUTE, utilization: 40 }),
    );
    const x = (ms: number) => Math.round(((ms + SPAN) / (SPAN * 1.25)) * CHART_WIDTH * 10) / 10;
    expect(geometry.projection).toEqual({
      rise: `${x(0)},${CHART_HEIGHT / 2 + 6.4} ${x(HOUR)},4`,
      blocked: `${x(HOUR)},4 ${x(70 * MINUTE)},4`,
    });
  });

  it('no projection without a rate, at the limit, or with a falling rate', () => {
    expect(chartGeometry(input()).projection).toBeNull();
    expect(chartGeometry(input({ ratePerHour: 5, utilization: 100 })).projection).toBeNull();
    expect(chartGeometry(input({ ratePerHour: -1 })).projection).toBeNull();
  });

  it('a slow rise that stays under 100 % before the edge: no blocked stretch', () => {
    const geometry = chartGeometry(input({ ratePerHour: 4, utilization: 40 }));
    expect(geometry.projection?.blocked).toBeNull();
  });
});

describe('the chart’s table for screen readers', () => {
  it('the highest reading per hour over 5 hours, "none" where there was no reading', () => {
    const rows = chartRows(
      [
        { at: NOW - 4.5 * HOUR, utilization: 10 },
        { at: NOW - 4.2 * HOUR, utilization: 14 },
        { at: NOW - 10 * MINUTE, utilization: 41 },
        { at: NOW, utilization: 42 },
      ],
      NOW,
      SPAN,
      5,
    );
    expect(rows.map((row) => row.highest)).toEqual([14, null, null, null, 42]);
    expect(rows[0]?.from).toBe(NOW - SPAN);
  });
});

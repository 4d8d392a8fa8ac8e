import type { UsageSample } from '../../shared/domain/projection';

/** The chart's drawing area in SVG units. */
export const CHART_WIDTH = 314;
export const CHART_HEIGHT = 72;
/** Room above 100 % and below 0 % so the lines at the edges are not cut in half. */
const PAD_Y = 4;

/** What a chart of one span shows, in the window's own figures. */
export interface ChartInput {
  readonly samples: readonly UsageSample[];
  /** Resets within the span (epoch ms). */
  readonly resets: readonly number[];
  /** The coming reset, if known: marked when it falls within the future part of the chart. */
  readonly resetsAt: number | null;
  readonly now: number;
  readonly spanMs: number;
  readonly utilization: number;
  /** Points per hour at the current pace; null draws no projection. */
  readonly ratePerHour: number | null;
  readonly thresholds: readonly number[];
}

/** The chart in SVG coordinates. */
export interface ChartGeometry {
  /** The readings as `x,y` pairs for a polyline. */
  readonly line: string;
  readonly nowX: number;
  readonly fullY: number;
  readonly thresholds: readonly { readonly value: number; readonly y: number }[];
  readonly resetXs: readonly number[];
  /** The projection from now: rising to 100 % (or the reset, or the edge), then flat while blocked. */
  readonly projection: { readonly rise: string; readonly blocked: string | null } | null;
}

/**
 * Lays out a span: the past `spanMs` up to now, then a quarter span ahead for the projection and
 * the coming reset. x is time, y is 0–100 % (readings above 100 are drawn at 100).
 */
export function chartGeometry(input: ChartInput): ChartGeometry {
  const from = input.now - input.spanMs;
  const to = input.now + input.spanMs / 4;
  const x = (at: number) => round(((clamp(at, from, to) - from) / (to - from)) * CHART_WIDTH);
  const y = (value: number) =>
    round(CHART_HEIGHT - PAD_Y - (clamp(value, 0, 100) / 100) * (CHART_HEIGHT - 2 * PAD_Y));
  const past = [...input.resets, ...(input.resetsAt === null ? [] : [input.resetsAt])];
  return {
    line: input.samples.map((s) => `${x(s.at)},${y(s.utilization)}`).join(' '),
    nowX: x(input.now),
    fullY: y(100),
    thresholds: input.thresholds
      .filter((value) => value > 0 && value < 100)
      .map((value) => ({ value, y: y(value) })),
    resetXs: past.filter((at) => at >= from && at <= to).map(x),
    projection: projection(input, to, x, y),
  };
}

function projection(
  input: ChartInput,
  to: number,
  x: (at: number) => number,
  y: (value: number) => number,
): ChartGeometry['projection'] {
  const rate = input.ratePerHour;
  if (rate === null || rate <= 0 || input.utilization >= 100) return null;
  const end = Math.min(to, input.resetsAt ?? Infinity);
  if (end <= input.now) return null;
  const fullAt = input.now + ((100 - input.utilization) / rate) * 3_600_000;
  const riseEnd = Math.min(end, fullAt);
  const valueAtEnd = input.utilization + (rate * (riseEnd - input.now)) / 3_600_000;
  const start = `${x(input.now)},${y(input.utilization)}`;
  return {
    rise: `${start} ${x(riseEnd)},${y(valueAtEnd)}`,
    blocked: fullAt < end ? `${x(fullAt)},${y(100)} ${x(end)},${y(100)}` : null,
  };
}

/** Readings per row of the chart's text alternative: the highest in each hour (5 h) or day (7 d). */
export function chartRows(
  samples: readonly UsageSample[],
  now: number,
  spanMs: number,
  rows: number,
): { readonly from: number; readonly to: number; readonly highest: number | null }[] {
  const size = spanMs / rows;
  return Array.from({ length: rows }, (_, i) => {
    const from = now - spanMs + i * size;
    const to = from + size;
    const inRow = samples.filter(
      (s) => s.at >= from && (s.at < to || (i === rows - 1 && s.at <= to)),
    );
    return {
      from,
      to,
      highest: inRow.length === 0 ? null : Math.max(...inRow.map((s) => s.utilization)),
    };
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

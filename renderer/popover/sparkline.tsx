import type { UsageSample } from '../../shared/domain/projection';

const WIDTH = 88;
const HEIGHT = 28;

/**
 * Recent readings as a line: x is time over the last window length, y is 0–100 %. A few dozen
 * points drawn as one SVG polyline; a chart library would cost more than the whole popover.
 */
export function Sparkline(props: {
  readonly points: readonly UsageSample[];
  readonly spanMs: number;
  readonly now: number;
  readonly label: string;
}) {
  const { points, spanMs, now } = props;
  const from = now - spanMs;
  const coords = points.map((point) => {
    const x = ((point.at - from) / spanMs) * WIDTH;
    const y = HEIGHT - (clamp(point.utilization, 0, 100) / 100) * (HEIGHT - 2) - 1;
    return [clamp(x, 0, WIDTH).toFixed(1), y.toFixed(1)] as const;
  });
  const only = coords.length === 1 ? coords[0] : undefined;
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={props.label}
    >
      <line class="sparkline-base" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
      {coords.length > 1 ? (
        <polyline class="sparkline-line" points={coords.map((xy) => xy.join(',')).join(' ')} />
      ) : null}
      {only === undefined ? null : (
        <circle class="sparkline-dot" cx={only[0]} cy={only[1]} r="1.5" />
      )}
    </svg>
  );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

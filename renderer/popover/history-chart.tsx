import { useState } from 'preact/hooks';
import { formatClock, formatPercent } from '../../shared/domain/format';
import { CHART_SPANS } from '../../shared/domain/history-chart';
import type { CardModel } from '../../shared/ipc/popover-model';
import { CHART_HEIGHT, CHART_WIDTH, chartGeometry, chartRows } from './chart-geometry';

type Span = keyof typeof CHART_SPANS;

const SPAN_NAMES: Readonly<Record<Span, { readonly button: string; readonly words: string }>> = {
  recent: { button: '5 h', words: 'the last 5 hours' },
  week: { button: '7 d', words: 'the last 7 days' },
};

/**
 * A window's history: the readings of the last 5 hours or 7 days, the 100 % line, the alert
 * thresholds, the resets, and the projection from now. Screen readers get the figures as a table.
 */
export function HistoryChart(props: { readonly card: CardModel; readonly now: number }) {
  const { card, now } = props;
  const [span, setSpan] = useState<Span>(card.id === 'five_hour' ? 'recent' : 'week');
  const samples = span === 'recent' ? card.chart.recent : card.chart.week;
  const geometry = chartGeometry({
    samples,
    resets: card.chart.resets,
    resetsAt: card.resetsAt,
    now,
    spanMs: CHART_SPANS[span],
    utilization: card.utilization,
    ratePerHour: card.projection.status === 'locked' ? null : card.projection.ratePerHour,
    thresholds: card.thresholds,
  });
  const words = `${card.label} over ${SPAN_NAMES[span].words}`;
  const tableId = `chart-${card.id}-table`;
  return (
    <figure class="chart">
      <div class="chart-head">
        <figcaption class="chart-caption">
          History
          <span class="chart-legend">
            {' '}
            · limit 100 %
            {card.thresholds.length === 0 ? '' : `, alerts ${card.thresholds.join(', ')} %`}
          </span>
        </figcaption>
        <div class="chart-spans" role="group" aria-label={`${card.label} history span`}>
          {(Object.keys(SPAN_NAMES) as Span[]).map((choice) => (
            <button
              key={choice}
              type="button"
              class="chip"
              aria-pressed={span === choice}
              aria-label={`${SPAN_NAMES[choice].button}: ${SPAN_NAMES[choice].words}`}
              onClick={() => {
                setSpan(choice);
              }}
            >
              {SPAN_NAMES[choice].button}
            </button>
          ))}
        </div>
      </div>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={words}
        aria-describedby={tableId}
      >
        <rect
          class="chart-future"
          x={geometry.nowX}
          y="0"
          width={CHART_WIDTH - geometry.nowX}
          height={CHART_HEIGHT}
        />
        {geometry.thresholds.map((t) => (
          <line key={t.value} class="chart-threshold" x1="0" x2={CHART_WIDTH} y1={t.y} y2={t.y} />
        ))}
        <line class="chart-full" x1="0" x2={CHART_WIDTH} y1={geometry.fullY} y2={geometry.fullY} />
        {geometry.resetXs.map((x) => (
          <line key={x} class="chart-reset" x1={x} x2={x} y1="0" y2={CHART_HEIGHT} />
        ))}
        <line class="chart-now" x1={geometry.nowX} x2={geometry.nowX} y1="0" y2={CHART_HEIGHT} />
        {samples.length > 0 ? <polyline class="chart-line" points={geometry.line} /> : null}
        {geometry.projection === null ? null : (
          <>
            <polyline class="chart-projection" points={geometry.projection.rise} />
            {geometry.projection.blocked === null ? null : (
              <polyline class="chart-blocked" points={geometry.projection.blocked} />
            )}
          </>
        )}
      </svg>
      <div class="chart-axis" aria-hidden="true">
        <span>−{SPAN_NAMES[span].button}</span>
        <span class="chart-axis-now" style={{ left: `${(100 * geometry.nowX) / CHART_WIDTH}%` }}>
          now
        </span>
      </div>
      <ChartTable id={tableId} card={card} samples={samples} span={span} now={now} />
    </figure>
  );
}

/** The chart's figures for screen readers: the highest reading per hour or day, and the resets. */
function ChartTable(props: {
  readonly id: string;
  readonly card: CardModel;
  readonly samples: CardModel['chart']['recent'];
  readonly span: Span;
  readonly now: number;
}) {
  const { card, span, now } = props;
  const rows = chartRows(props.samples, now, CHART_SPANS[span], span === 'recent' ? 5 : 7);
  const resets = card.chart.resets.filter((at) => at >= now - CHART_SPANS[span]);
  return (
    // A table grows to its content whatever its width: the wrapper is what is hidden.
    <div class="visually-hidden" id={props.id}>
      <table>
        <caption>
          {card.label}, highest reading per {span === 'recent' ? 'hour' : 'day'} over{' '}
          {SPAN_NAMES[span].words}
          {resets.length === 0
            ? ''
            : `; reset at ${resets.map((at) => formatClock(at, now)).join(', ')}`}
          {card.thresholds.length === 0 ? '' : `; alerts at ${card.thresholds.join(', ')} %`}
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Highest</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.from}>
              <td>{formatClock(row.from, now)}</td>
              <td>{row.highest === null ? 'no reading' : formatPercent(row.highest)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { formatPercent, formatResetsIn } from '../../shared/domain/format';
import { windowDurationMs } from '../../shared/domain/snapshot';
import type { CardModel } from '../../shared/ipc/popover-model';
import { cardFigure, cardLevel, projectionLine } from './card-text';
import { Meter } from './meter';
import { Sparkline } from './sparkline';

/** One limit window: bar with pace marker, figure, reset time, projection, pace and history. */
export function UsageCard(props: {
  readonly card: CardModel;
  readonly now: number;
  readonly warnAt: number;
  readonly criticalAt: number;
}) {
  const { card, now } = props;
  const level = cardLevel(card, props.warnAt, props.criticalAt);
  const resets = formatResetsIn(card.resetsAt, now);
  const projection = projectionLine(card, now);
  const headingId = `card-${card.id}`;
  return (
    <section
      class={`card level-${level}${card.stale ? ' stale' : ''}`}
      aria-labelledby={headingId}
      data-window={card.id}
    >
      <div class="card-head">
        <h2 id={headingId}>
          {card.label}
          {card.stale ? <span class="stale-tag"> · out of date</span> : null}
          {card.binding ? (
            <span class="binding" title="This limit would lock you out first">
              {' '}
              · binding
            </span>
          ) : null}
        </h2>
        <span class={card.money === null ? 'figure' : 'figure money'}>{cardFigure(card)}</span>
      </div>
      <Meter
        label={`${card.label} used`}
        value={card.utilization}
        valueText={`${formatPercent(card.utilization)} used, ${resets}`}
      >
        {card.pace === null ? null : (
          <div
            class="pace-marker"
            style={{ left: `${card.pace.elapsedPct}%` }}
            title="Where an even pace would be now"
          />
        )}
      </Meter>
      <p class="resets" title={resets}>
        {resets}
      </p>
      <p
        class={`projection projection-${card.projection.status}`}
        title={card.projection.note ?? projection}
      >
        {projection}
      </p>
      <div class="card-foot">
        <p class="pace">{card.pace?.sentence ?? ''}</p>
        <Sparkline
          points={card.sparkline}
          spanMs={windowDurationMs(card.id)}
          now={now}
          label={`${card.label} over the last ${card.id === 'five_hour' ? '5 hours' : 'week'}`}
        />
      </div>
    </section>
  );
}

/** A placeholder with a card's shape, so nothing moves when the figures arrive. */
export function SkeletonCard(props: { readonly label: string }) {
  return (
    <section class="card skeleton" aria-hidden="true">
      <div class="card-head">
        <h2>{props.label}</h2>
        <span class="figure">––%</span>
      </div>
      <div class="bar" />
      <p class="resets">&nbsp;</p>
      <p class="projection">&nbsp;</p>
      <div class="card-foot">
        <p class="pace">&nbsp;</p>
        <svg class="sparkline" width="88" height="28" />
      </div>
    </section>
  );
}

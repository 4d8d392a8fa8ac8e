import { useState } from 'preact/hooks';
import { formatPercent } from '../../shared/domain/format';
import type { CardModel } from '../../shared/ipc/popover-model';
import { cardFigure, isCompact, projectionLine, resetsLine } from './card-text';
import { HistoryChart } from './history-chart';
import { Meter } from './meter';

/**
 * One limit window: a full card, or one compact row while it is far from any threshold. Its
 * colour is the verdict's level for the window (shared/domain/verdict.ts), decided in main.
 */
export function UsageCard(props: { readonly card: CardModel; readonly now: number }) {
  const [expanded, setExpanded] = useState(false);
  if (isCompact(props.card) && !expanded) {
    return (
      <CompactRow
        card={props.card}
        now={props.now}
        onExpand={() => {
          setExpanded(true);
        }}
      />
    );
  }
  return <FullCard card={props.card} now={props.now} />;
}

/** A window far from its thresholds: name, bar and figure on one line; a click shows the card. */
function CompactRow(props: {
  readonly card: CardModel;
  readonly now: number;
  readonly onExpand: () => void;
}) {
  const { card, now } = props;
  const resets = resetsLine(card, now);
  return (
    <section class="card compact level-normal" data-window={card.id} aria-label={card.label}>
      <button
        type="button"
        class="compact-name"
        aria-expanded="false"
        title={`Show the ${card.label} card`}
        onClick={props.onExpand}
      >
        {card.label}
      </button>
      <Meter
        label={`${card.label} used`}
        value={card.utilization}
        valueText={`${formatPercent(card.utilization)} used, ${resets}`}
        thresholds={card.thresholds}
      />
      <span class="figure">{cardFigure(card)}</span>
    </section>
  );
}

function FullCard(props: { readonly card: CardModel; readonly now: number }) {
  const { card, now } = props;
  const resets = resetsLine(card, now);
  const headingId = `card-${card.id}`;
  return (
    <section
      class={`card level-${card.level}${card.stale ? ' stale' : ''}`}
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
        thresholds={card.thresholds}
      >
        {card.pace === null ? null : (
          <div
            class="pace-marker"
            style={{ left: `${card.pace.elapsedPct}%` }}
            title="Where an even pace would be now"
          />
        )}
      </Meter>
      <p class="resets">{resets}</p>
      {/* A window that has reset has no projection or pace until new figures come. */}
      {card.resetAt !== null ? null : (
        <>
          <p
            class={`projection projection-${card.projection.status}`}
            title={card.projection.note ?? undefined}
          >
            {projectionLine(card, now)}
          </p>
          <p class="pace">{card.pace?.sentence ?? ''}</p>
        </>
      )}
      <HistoryChart card={card} now={now} />
    </section>
  );
}

/** A placeholder with a full card's shape, so nothing moves when the figures arrive. */
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
      <p class="pace">&nbsp;</p>
      <div class="chart chart-placeholder" />
    </section>
  );
}

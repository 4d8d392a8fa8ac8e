import { costText, unpricedLines } from '../../shared/domain/logs/unpriced';
import {
  formatAge,
  formatClock,
  formatMoney,
  formatPercent,
  formatTokens,
} from '../../shared/domain/format';
import { estimateUnpriced, type LogsSummary } from '../../shared/domain/logs-summary';
import type {
  CreditsModel,
  ExtraUsageModel,
  PopoverModel,
  SpendModel,
} from '../../shared/ipc/popover-model';
import { blockLine, extraUsageLine } from './card-text';
import { Meter } from './meter';

/**
 * Extra-usage spend, with a bar against its monthly cap coloured by the verdict's level for it
 * (the same thresholds as the windows); for a spend-limit account it is the main figure.
 */
export function ExtraUsage(props: {
  readonly extra: ExtraUsageModel;
  readonly prominent: boolean;
  readonly warnAt: number;
  readonly criticalAt: number;
}) {
  const { extra } = props;
  const utilization = extra.utilization;
  if (!props.prominent) {
    return (
      <section class={`extra-usage level-${extra.level}`} aria-labelledby="extra-usage-label">
        <p class="extra-usage-line">
          <span class="label" id="extra-usage-label">
            Extra usage
          </span>{' '}
          {extraUsageLine(extra)}
        </p>
        {utilization === null || !extra.enabled ? null : (
          <Meter
            label="Extra usage cap used"
            value={utilization}
            valueText={`${formatPercent(utilization)} of the extra-usage cap used`}
            thresholds={[props.warnAt, props.criticalAt]}
          />
        )}
      </section>
    );
  }
  return (
    <section class="card spend" aria-labelledby="card-spend">
      <div class="card-head">
        <h2 id="card-spend">Spend this month</h2>
        <span class="figure">
          {utilization === null
            ? formatMoney(extra.used, extra.currency)
            : formatPercent(utilization)}
        </span>
      </div>
      {utilization === null ? null : (
        <Meter
          label="Spend limit used"
          value={utilization}
          valueText={`${formatPercent(utilization)} of the spend limit used`}
        />
      )}
      <p class="resets">{extraUsageLine(extra)}</p>
    </section>
  );
}

/** API spend this month (no budget set) and a prepaid credit balance, when reported. */
export function Money(props: {
  readonly spend: SpendModel | null;
  readonly credits: CreditsModel | null;
}) {
  const { spend, credits } = props;
  return (
    <>
      {spend === null ? null : (
        <p class="spend-line">
          <span class="label">API spend this month</span>{' '}
          {formatMoney(spend.amount, spend.currency)}
        </p>
      )}
      {credits === null ? null : (
        <p class="credits-line">
          <span class="label">Prepaid credits</span> {formatMoney(credits.amount, credits.currency)}{' '}
          left
        </p>
      )}
    </>
  );
}

/** The local-transcript estimate, labelled as one: it is not the enforced quota. */
export function LogsEstimate(props: { readonly logs: LogsSummary }) {
  const { logs } = props;
  const block = logs.activeBlock;
  const unpriced = unpricedLines([estimateUnpriced(logs)], formatTokens);
  return (
    <section class="logs" aria-labelledby="logs-heading">
      <h2 id="logs-heading">
        Local estimate <span class="muted">(from Claude Code's logs, not the enforced limit)</span>
      </h2>
      {block !== null && block.isActive ? (
        <p>This block: {blockLine(block)}</p>
      ) : (
        <p>No active 5-hour block.</p>
      )}
      <p>
        Today: {formatTokens(logs.today.tokens.total)} tokens ·{' '}
        {costText(formatMoney(logs.today.costUsd, 'USD'), logs.today.unpricedTokens)} at API prices
      </p>
      {unpriced.length === 0 ? null : (
        <p class="muted">
          {unpriced.join('; ')}: ≥ is a lower bound. Add the model to prices.json in the data folder
          (Settings shows where), or update Pacewatch.
        </p>
      )}
    </section>
  );
}

/** Freshness, the route, snooze and override notices. */
export function Status(props: { readonly model: PopoverModel; readonly now: number }) {
  const { model, now } = props;
  const { fetchedAt, stale } = model.updated;
  return (
    <div class="status">
      {model.route === null ? null : (
        <p class="route">
          <span class="label">Billing</span> {model.route}
        </p>
      )}
      {model.snoozedUntil === null ? null : (
        <p class="snoozed">Notifications snoozed until {formatClock(model.snoozedUntil, now)}</p>
      )}
      {model.notices.map((notice) => (
        <p class="notice" key={notice}>
          {notice}
        </p>
      ))}
      <p class={`updated${stale ? ' is-stale' : ''}`} data-testid="updated">
        {model.phase === 'loading'
          ? 'Reading your usage…'
          : fetchedAt === null
            ? 'No figures yet'
            : `${formatAge(fetchedAt, now)}${stale ? ' · stale' : ''}`}
      </p>
    </div>
  );
}

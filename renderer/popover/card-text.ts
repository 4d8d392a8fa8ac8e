import {
  formatClock,
  formatDuration,
  formatMoney,
  formatPercent,
  formatTokens,
} from '../../shared/domain/format';
import type { LogsBlockSummary } from '../../shared/domain/logs-summary';
import type { BannerModel, CardModel, ExtraUsageModel } from '../../shared/ipc/popover-model';

/** What the projection means for the user: "At this pace: locked 15:42, blocked 18 m". */
export function projectionLine(card: CardModel, now: number): string {
  const { projection } = card;
  switch (projection.status) {
    case 'locked':
      return card.resetsAt === null
        ? 'Limit reached'
        : `Limit reached · back at ${formatClock(card.resetsAt, now)}`;
    case 'at-risk': {
      const at =
        projection.lockoutAt === null ? 'before the reset' : formatClock(projection.lockoutAt, now);
      const blocked =
        projection.blockedMs === null ? '' : `, blocked ${formatDuration(projection.blockedMs)}`;
      return `At this pace: locked ${at}${blocked}`;
    }
    case 'safe':
      return 'At this pace: no lockout before the reset';
    case 'insufficient-data':
      // The full reason (how many readings, over what span) is the line's tooltip.
      return 'No projection yet: too few readings';
  }
}

/** How a card is coloured: by the alert thresholds, locked at 100%. */
export function cardLevel(
  card: CardModel,
  warnAt: number,
  criticalAt: number,
): 'normal' | 'warning' | 'critical' | 'locked' {
  if (card.utilization >= 100 || card.projection.status === 'locked') return 'locked';
  if (card.utilization >= criticalAt || card.projection.status === 'at-risk') return 'critical';
  return card.utilization >= warnAt ? 'warning' : 'normal';
}

/** The figure on a card: "42%", or "$123.45 of $200.00" for a budget. */
export function cardFigure(card: CardModel): string {
  if (card.money === null) return formatPercent(card.utilization);
  return `${formatMoney(card.money.used, card.money.currency)} of ${formatMoney(card.money.limit, card.money.currency)}`;
}

/** Extra-usage spend: "$3.25 of $20.50 this month", "$3.25 this month (no cap)", "off". */
export function extraUsageLine(extra: ExtraUsageModel): string {
  if (!extra.enabled) return 'Extra usage is off';
  const used = formatMoney(extra.used, extra.currency);
  if (extra.limit === null) return `${used} spent this month (no cap)`;
  return `${used} of ${formatMoney(extra.limit, extra.currency)} spent this month`;
}

/** The times a banner refers to, worded against `now`; "" when it has none. */
export function bannerTimes(banner: BannerModel, now: number): string {
  if (banner.until !== null) {
    return `Back at ${formatClock(banner.until, now)} (in ${formatDuration(banner.until - now)}).`;
  }
  if (banner.retryAt === null) return '';
  if (banner.retryAt <= now) return 'Trying again now.';
  return `Next try at ${formatClock(banner.retryAt, now)} (in ${formatDuration(banner.retryAt - now)}).`;
}

/** "1.2 M tokens · $4.10 at API prices · 38 k tokens/min" for the current 5-hour block. */
export function blockLine(block: LogsBlockSummary): string {
  const parts = [
    `${formatTokens(block.tokens.total)} tokens`,
    `${formatMoney(block.costUsd, 'USD')} at API prices`,
  ];
  if (block.tokensPerMinute !== null)
    parts.push(`${formatTokens(block.tokensPerMinute)} tokens/min`);
  return parts.join(' · ');
}

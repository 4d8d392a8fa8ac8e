import { costText } from '../../shared/domain/logs/unpriced';
import {
  formatClock,
  formatDuration,
  formatMoney,
  formatPercent,
  formatResetPassed,
  formatResetsIn,
  formatTokens,
} from '../../shared/domain/format';
import type { LogsBlockSummary } from '../../shared/domain/logs-summary';
import type { BannerModel, CardModel, ExtraUsageModel } from '../../shared/ipc/popover-model';

/** What the projection means for the user: "At this pace: locked 15:42, blocked 18 m". */
export function projectionLine(card: CardModel, now: number): string {
  // A window that has reset has no projection until new figures arrive.
  if (card.resetAt !== null) return '';
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
        projection.blockedMs === null
          ? ''
          : `, blocked ${unbroken(formatDuration(projection.blockedMs))}`;
      return `At this pace: locked ${at}${blocked}`;
    }
    case 'safe':
      return 'At this pace: no lockout before the reset';
    case 'insufficient-data':
      // The full reason (how many readings, over what span) is the line's tooltip.
      return 'No projection yet: too few readings';
  }
}

/** A figure with its unit ("1 h 33 m") kept on one line when the sentence wraps. */
function unbroken(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/**
 * Whether a window shows as one compact row: nothing to watch (the verdict's level is normal),
 * not the binding window, no lockout projected, figures current.
 */
export function isCompact(card: CardModel): boolean {
  return (
    card.level === 'normal' && !card.binding && !card.stale && card.projection.status !== 'at-risk'
  );
}

/**
 * When the window resets: "resets in 2 h 13 m (16:00)"; once its reset time has passed, "reset at
 * 14:00 — new figures with the next poll" until new figures arrive.
 */
export function resetsLine(card: CardModel, now: number): string {
  return card.resetAt === null
    ? formatResetsIn(card.resetsAt, now)
    : formatResetPassed(card.resetAt, now);
}

/**
 * After a manual refresh while Anthropic asked Pacewatch to wait (HTTP 429 with Retry-After):
 * when the next request goes out; "" when no source is cooling down.
 */
export function cooldownLine(banners: readonly BannerModel[], now: number): string {
  const waits = banners
    .filter(
      (banner) => banner.kind === 'rate-limited' && banner.retryAt !== null && banner.retryAt > now,
    )
    .map((banner) => banner.retryAt ?? now);
  if (waits.length === 0) return '';
  const next = Math.min(...waits);
  return `Anthropic asked Pacewatch to wait: next try at ${formatClock(next, now)} (in ${formatDuration(next - now)}).`;
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
    `${costText(formatMoney(block.costUsd, 'USD'), block.unpricedTokens)} at API prices`,
  ];
  if (block.tokensPerMinute !== null)
    parts.push(`${formatTokens(block.tokensPerMinute)} tokens/min`);
  return parts.join(' · ');
}

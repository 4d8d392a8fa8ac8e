import { budgetOutlook } from '../../../shared/domain/alert-text';
import { bankedResetAdvice, bankedResetLines } from '../../../shared/domain/banked-resets';
import { oneShotErrorText } from './one-shot';
import { padEnd, truncate, widthOf } from '../terminal/text';
import {
  formatAgo,
  formatAge,
  formatClock,
  formatDuration,
  formatMoney,
  formatPercent,
  formatResetsIn,
} from '../../../shared/domain/format';
import type { PrepaidCredits, SourceId, Spend } from '../../../shared/domain/snapshot';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';
import type { UsageOverview } from '../../../shared/domain/usage-overview';
import type { Verdict, WindowVerdict } from '../../../shared/domain/verdict';

const SOURCE_NAMES: Readonly<Record<SourceId, string>> = {
  oauth: 'Claude Code login',
  web: 'claude.ai session',
  admin: 'Admin API',
  statusline: 'Claude Code status line',
};

const BAR_WIDTH = 16;

/** Figures a snapshot carries beside its windows (the source view does not hold them). */
export interface SnapshotDetails {
  readonly spend?: Spend | undefined;
  readonly prepaidCredits?: PrepaidCredits | undefined;
}

/** "Claude Code login (oauth)": how the text names a source. */
export function sourceName(source: SourceId): string {
  return `${SOURCE_NAMES[source]} (${source})`;
}

/** The human `pacewatch status` output for one source, as lines; `own` is its verdict alone. */
export function statusText(
  view: SourceView,
  own: Verdict,
  now: number,
  details: SnapshotDetails = {},
): string[] {
  const lines = [
    `Claude usage · ${sourceName(view.source)}${view.fetchedAt === null ? '' : ` · ${freshness(view.fetchedAt, view.stale, now)}`}`,
  ];
  if (view.stale && view.fetchedAt !== null) {
    lines.push(`STALE: these are the last good figures, from ${formatClock(view.fetchedAt, now)}.`);
  }
  if (view.error !== null) lines.push(`! ${errorText(view, now)}`);
  if (
    view.fetchedAt !== null &&
    view.windows.length === 0 &&
    view.extraUsage === null &&
    details.spend === undefined
  ) {
    lines.push('  No usage limits reported for this account.');
  }
  const labelWidth = widthFor(view.windows);
  for (const window of view.windows) {
    lines.push(...windowLines(window, judgedOf(own, window), labelWidth, now, null));
  }
  if (view.extraUsage !== null) lines.push(extraLine(view.extraUsage, labelWidth, ''));
  lines.push(...detailLines(details, labelWidth, ''));
  lines.push(...creditLines(view, labelWidth, now));
  lines.push(...notes(view.windows, own));
  return lines;
}

/** The promotional credit, the banked resets and the advice on them. */
function creditLines(view: SourceView, labelWidth: number, now: number): string[] {
  const lines: string[] = [];
  const promo = view.promoCredit;
  if (promo !== null) {
    const money =
      promo.money === undefined
        ? ''
        : ` (${formatMoney(promo.money.used, promo.money.currency)} of ${formatMoney(promo.money.limit, promo.money.currency)})`;
    const ends = promo.expiresAt === null ? '' : ` · ends ${formatClock(promo.expiresAt, now)}`;
    lines.push(
      `  ${field('Promo credit', labelWidth)}${formatPercent(promo.utilization)} used${money}${ends}`,
    );
  }
  // Every grant line and the advice start in the column after "Banked resets".
  const width = Math.max(labelWidth, 'Banked resets'.length + 2);
  const resets = bankedResetLines(view.bankedResets, now);
  resets.forEach((line, index) => {
    lines.push(`  ${(index === 0 ? 'Banked resets' : '').padEnd(width)}${line}`);
  });
  const advice = bankedResetAdvice(view.bankedResets, view.windows, now);
  if (advice !== null) lines.push(`  ${''.padEnd(width)}${advice}`);
  return lines;
}

/** "updated 2 min ago"; for stale figures "last good figures from 14:02", never "just now". */
function freshness(fetchedAt: number, stale: boolean, now: number): string {
  return stale
    ? `last good figures from ${formatClock(fetchedAt, now)} (${formatAgo(fetchedAt, now)})`
    : formatAge(fetchedAt, now);
}

/**
 * What a reader needs once per command, not under every window: why there is no projection yet,
 * and what the mark means.
 */
function notes(windows: readonly WindowView[], verdict: Verdict): string[] {
  const lines: string[] = [];
  if (windows.some((window) => window.projection.status === 'insufficient-data')) {
    lines.push(
      '  Not enough readings yet to project a lockout: Pacewatch needs 3 in the recent part of a window (keep `pacewatch watch` or the app running).',
    );
  }
  if (verdict.binding !== null) {
    lines.push('  ▸ the binding limit: the one that would lock you out first.');
  }
  return lines;
}

/** One source's error, as a one-shot command says it (when running it again can help). */
function errorText(view: SourceView, now: number): string {
  return view.error === null ? '' : oneShotErrorText(view.error, now, 'pacewatch status');
}

/**
 * The merged `pacewatch status` output: each window from the freshest source that reports it,
 * saying which source and how old; then what each source adds, and each source's error.
 */
export function overviewText(
  overview: UsageOverview,
  verdict: Verdict,
  details: ReadonlyMap<SourceId, SnapshotDetails>,
  now: number,
): string[] {
  const reporting = overview.sources.filter((view) => view.fetchedAt !== null);
  const lines = [`Claude usage · ${reporting.length} sources · the freshest figure for each limit`];
  // Each source with its age once; each window names its source by id only.
  for (const view of reporting) {
    if (view.fetchedAt === null) continue;
    const stale = view.stale ? ', STALE' : '';
    lines.push(
      `  [${view.source}] ${sourceName(view.source)}: ${freshness(view.fetchedAt, view.stale, now)}${stale}`,
    );
  }
  const labelWidth = widthFor(overview.windows);
  for (const window of overview.windows) {
    lines.push(
      ...windowLines(
        window,
        judgedOf(verdict, window),
        labelWidth,
        now,
        null,
        `[${window.source}]`,
      ),
    );
  }
  const extra = overview.extraUsage;
  if (extra !== null) {
    lines.push(extraLine(extra, labelWidth, `  [${extra.source}]`));
  }
  for (const [source, sourceDetails] of details) {
    lines.push(...detailLines(sourceDetails, labelWidth, `  [${source}]`));
  }
  for (const view of overview.sources) lines.push(...creditLines(view, labelWidth, now));
  for (const view of overview.sources) {
    if (view.error !== null) lines.push(`! ${sourceName(view.source)}: ${errorText(view, now)}`);
  }
  lines.push(...notes(overview.windows, verdict));
  return lines;
}

/** The verdict on a window: its figures as they hold now, its binding mark. */
function judgedOf(verdict: Verdict, window: WindowView): WindowVerdict | undefined {
  return verdict.windows.find((candidate) => candidate.id === window.id);
}

/** Labels longer than this are cut with "…", so one long scoped label cannot widen the column. */
const LABEL_CAP = 20;

function widthFor(windows: readonly WindowView[]): number {
  return Math.min(
    LABEL_CAP + 2,
    Math.max(12, ...windows.map((window) => widthOf(window.label) + 2)),
  );
}

function extraLine(
  extra: NonNullable<SourceView['extraUsage']>,
  labelWidth: number,
  origin: string,
): string {
  const limit = extra.limit === null ? 'no cap' : `of ${formatMoney(extra.limit, extra.currency)}`;
  const state = extra.enabled
    ? ''
    : extra.disabledReason === 'out_of_credits'
      ? ' (off: out of credits)'
      : ' (off)';
  return `  ${'Extra usage'.padEnd(labelWidth)}${formatMoney(extra.used, extra.currency)} ${limit}${state}${origin}`;
}

/** A label padded to the column, and never run into its value. */
function field(label: string, width: number): string {
  return label.padEnd(Math.max(width, label.length + 2));
}

function detailLines(details: SnapshotDetails, labelWidth: number, origin: string): string[] {
  const lines: string[] = [];
  const spend = details.spend;
  if (spend !== undefined) {
    // The billing month is a UTC month: its first day reads the same everywhere.
    const since = new Date(spend.since).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    lines.push(
      `  ${field('Spend', labelWidth)}${formatMoney(spend.amount, spend.currency)} since ${since}${origin}`,
    );
    for (const model of spend.models.slice(0, 5)) {
      const tokens =
        model.inputTokens + model.outputTokens + model.cacheCreationTokens + model.cacheReadTokens;
      lines.push(
        `  ${''.padEnd(labelWidth)}${model.model}: ${formatMoney(model.cost, spend.currency)}, ${tokens.toLocaleString('en-US')} tokens`,
      );
    }
    // Web search and code execution: money without a model (docs/PROTOCOLS.md "Admin API").
    for (const tool of spend.toolCosts ?? []) {
      lines.push(
        `  ${''.padEnd(labelWidth)}${tool.kind.replace(/_/g, ' ')}: ${formatMoney(tool.cost, spend.currency)}`,
      );
    }
  }
  const credits = details.prepaidCredits;
  if (credits !== undefined) {
    lines.push(
      `  ${field('Prepaid credits', labelWidth)}${formatMoney(credits.amount, credits.currency)}${origin}`,
    );
  }
  return lines;
}

function windowLines(
  window: WindowView,
  judged: WindowVerdict | undefined,
  labelWidth: number,
  now: number,
  origin: string | null,
  tag = '',
): string[] {
  const marker = judged?.binding === true ? '▸ ' : '  ';
  const utilization = judged?.utilization ?? window.utilization;
  // A window whose reset time has passed has reset: no projection or pace of the old period.
  const resetNote = judged?.resetNote ?? null;
  const when = resetNote ?? formatResetsIn(window.resetsAt, now);
  const label = padEnd(truncate(window.label, labelWidth - 2), labelWidth);
  const head = `${marker}${label}${formatPercent(utilization).padStart(6)}  ${bar(utilization)}  ${when}${tag === '' ? '' : `  ${tag}`}`;
  const money =
    window.money === undefined
      ? null
      : `${formatMoney(window.money.used, window.money.currency)} of ${formatMoney(window.money.limit, window.money.currency)} spent`;
  const detail = resetNote === null ? projectionLine(window, now) : null;
  const pace =
    resetNote === null && window.id.startsWith('seven_day') && window.pace !== null
      ? window.pace.sentence
      : null;
  const indent = ' '.repeat(labelWidth + 2);
  return [
    head,
    ...[origin, money, detail, pace]
      .filter((line): line is string => line !== null)
      .map((line) => `${indent}${line}`),
  ];
}

function projectionLine(window: WindowView, now: number): string | null {
  const projection = window.projection;
  if (window.money !== undefined && projection.status !== 'insufficient-data') {
    return budgetOutlook(window, projection, now);
  }
  switch (projection.status) {
    case 'locked':
      return `locked${window.resetsAt === null ? '' : ` until ${formatClock(window.resetsAt, now)}`}`;
    case 'at-risk':
      return projection.lockoutAt === null
        ? null
        : `at this pace: locked ${formatClock(projection.lockoutAt, now)}, blocked ${formatDuration(projection.blockedMs ?? 0)}`;
    case 'insufficient-data':
      return null; // said once for the whole command (see notes)
    case 'safe':
      return null;
  }
}

function bar(utilization: number): string {
  const filled = Math.round((Math.min(Math.max(utilization, 0), 100) / 100) * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
}

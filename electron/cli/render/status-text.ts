import { budgetOutlook } from '../../../shared/domain/alert-text';
import { bankedResetAdvice, bankedResetLines } from '../../../shared/domain/banked-resets';
import { oneShotErrorText } from './one-shot';
import { COMPACT_BELOW } from '../terminal/terminal';
import { plainLook, type Look } from '../terminal/paint';
import { padEnd, padStart, truncate, widthOf, wrap } from '../terminal/text';
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
import type { Verdict, WindowLevel, WindowVerdict } from '../../../shared/domain/verdict';

const SOURCE_NAMES: Readonly<Record<SourceId, string>> = {
  oauth: 'Claude Code login',
  web: 'claude.ai session',
  admin: 'Admin API',
  statusline: 'Claude Code status line',
};

/** The bar's width; under COMPACT_BELOW columns a shorter one leaves room for the reset time. */
const BAR_WIDTH = 16;
const COMPACT_BAR_WIDTH = 8;

/** Figures a snapshot carries beside its windows (the source view does not hold them). */
export interface SnapshotDetails {
  readonly spend?: Spend | undefined;
  readonly prepaidCredits?: PrepaidCredits | undefined;
}

/** "Claude Code login (oauth)": how the text names a source. */
export function sourceName(source: SourceId): string {
  return `${SOURCE_NAMES[source]} (${source})`;
}

/**
 * Lines wrapped to the look's width (continuations start with `indent`), then styled one by one,
 * so a style never spans a line break.
 */
function block(
  text: string,
  look: Look,
  indent: string,
  style?: (text: string) => string,
): string[] {
  const lines = wrap(text, look.width, indent);
  return style === undefined ? lines : lines.map(style);
}

/** The human `pacewatch status` output for one source, as lines; `own` is its verdict alone. */
export function statusText(
  view: SourceView,
  own: Verdict,
  now: number,
  details: SnapshotDetails = {},
  look: Look = plainLook(),
): string[] {
  const { paint } = look;
  const lines = block(
    `Claude usage · ${sourceName(view.source)}${view.fetchedAt === null ? '' : ` · ${freshness(view.fetchedAt, view.stale, now)}`}`,
    look,
    '  ',
    paint.heading,
  );
  if (view.stale && view.fetchedAt !== null) {
    lines.push(
      ...block(
        `STALE: these are the last good figures, from ${formatClock(view.fetchedAt, now)}.`,
        look,
        '  ',
        (line) => paint.level('stale', line),
      ),
    );
  }
  if (view.error !== null) lines.push(...statusErrorLines(errorText(view, now), look));
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
    lines.push(...windowLines(window, judgedOf(own, window), labelWidth, now, look));
  }
  if (view.extraUsage !== null) {
    lines.push(...extraLines(view.extraUsage, own.extraUsage?.level, labelWidth, '', look));
  }
  lines.push(...detailLines(details, labelWidth, '', look));
  lines.push(...creditLines(view, labelWidth, now, look));
  lines.push(...notes(view.windows, own, look));
  return lines;
}

/** "! …" in the error colour, wrapped under its text. */
export function statusErrorLines(text: string, look: Look): string[] {
  return block(`! ${text}`, look, '  ', (line) => look.paint.level('error', line));
}

/** The promotional credit, the banked resets and the advice on them. */
function creditLines(view: SourceView, labelWidth: number, now: number, look: Look): string[] {
  const lines: string[] = [];
  const promo = view.promoCredit;
  if (promo !== null) {
    const money =
      promo.money === undefined
        ? ''
        : ` (${formatMoney(promo.money.used, promo.money.currency)} of ${formatMoney(promo.money.limit, promo.money.currency)})`;
    const ends = promo.expiresAt === null ? '' : ` · ends ${formatClock(promo.expiresAt, now)}`;
    lines.push(
      ...hanging(
        `  ${field('Promo credit', labelWidth)}`,
        `${formatPercent(promo.utilization)} used${money}${ends}`,
        look,
      ),
    );
  }
  // Every grant line and the advice start in the column after "Banked resets".
  const width = Math.max(labelWidth, 'Banked resets'.length + 2);
  const resets = bankedResetLines(view.bankedResets, now);
  resets.forEach((line, index) => {
    lines.push(...hanging(`  ${(index === 0 ? 'Banked resets' : '').padEnd(width)}`, line, look));
  });
  const advice = bankedResetAdvice(view.bankedResets, view.windows, now);
  if (advice !== null) lines.push(...hanging(`  ${''.padEnd(width)}`, advice, look));
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
function notes(windows: readonly WindowView[], verdict: Verdict, look: Look): string[] {
  const lines: string[] = [];
  if (windows.some((window) => window.projection.status === 'insufficient-data')) {
    lines.push(
      ...block(
        '  Not enough readings yet to project a lockout: Pacewatch needs 3 in the recent part of a window (keep `pacewatch watch` or the app running).',
        look,
        '  ',
        look.paint.dim,
      ),
    );
  }
  if (verdict.binding !== null) {
    lines.push(
      ...block(
        '  ▸ the binding limit: the one that would lock you out first.',
        look,
        '    ',
        look.paint.dim,
      ),
    );
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
  look: Look = plainLook(),
): string[] {
  const { paint } = look;
  const reporting = overview.sources.filter((view) => view.fetchedAt !== null);
  const lines = block(
    `Claude usage · ${reporting.length} sources · the freshest figure for each limit`,
    look,
    '  ',
    paint.heading,
  );
  // Each source with its age once; each window names its source by id only.
  for (const view of reporting) {
    if (view.fetchedAt === null) continue;
    const stale = view.stale ? ', STALE' : '';
    const style = view.stale ? (line: string) => paint.level('stale', line) : undefined;
    lines.push(
      ...block(
        `  [${view.source}] ${sourceName(view.source)}: ${freshness(view.fetchedAt, view.stale, now)}${stale}`,
        look,
        '    ',
        style,
      ),
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
        look,
        `[${window.source}]`,
      ),
    );
  }
  const extra = overview.extraUsage;
  if (extra !== null) {
    lines.push(
      ...extraLines(extra, verdict.extraUsage?.level, labelWidth, `  [${extra.source}]`, look),
    );
  }
  for (const [source, sourceDetails] of details) {
    lines.push(...detailLines(sourceDetails, labelWidth, `  [${source}]`, look));
  }
  for (const view of overview.sources) lines.push(...creditLines(view, labelWidth, now, look));
  for (const view of overview.sources) {
    if (view.error !== null) {
      lines.push(...statusErrorLines(`${sourceName(view.source)}: ${errorText(view, now)}`, look));
    }
  }
  lines.push(...notes(overview.windows, verdict, look));
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

function extraLines(
  extra: NonNullable<SourceView['extraUsage']>,
  level: WindowLevel | undefined,
  labelWidth: number,
  origin: string,
  look: Look,
): string[] {
  const limit = extra.limit === null ? 'no cap' : `of ${formatMoney(extra.limit, extra.currency)}`;
  const state = extra.enabled
    ? ''
    : extra.disabledReason === 'out_of_credits'
      ? ' (off: out of credits)'
      : ' (off)';
  const used = formatMoney(extra.used, extra.currency);
  return hanging(
    `  ${'Extra usage'.padEnd(labelWidth)}`,
    `${level === undefined ? used : look.paint.level(level, used)} ${limit}${state}${origin}`,
    look,
  );
}

/**
 * `head` followed by `text`, the text wrapped to the look's width under its own first column;
 * when the head leaves it too little room, the text continues under the head instead.
 */
function hanging(head: string, text: string, look: Look): string[] {
  const room = look.width - widthOf(head);
  const indent = ' '.repeat(room >= MIN_HANGING ? widthOf(head) : 4);
  return wrap(`${head}${text}`, look.width, indent);
}

/** The fewest columns a hanging text keeps beside its head before it moves under it. */
const MIN_HANGING = 24;

/** A label padded to the column, and never run into its value. */
function field(label: string, width: number): string {
  return label.padEnd(Math.max(width, label.length + 2));
}

function detailLines(
  details: SnapshotDetails,
  labelWidth: number,
  origin: string,
  look: Look,
): string[] {
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
      ...hanging(
        `  ${field('Spend', labelWidth)}`,
        `${formatMoney(spend.amount, spend.currency)} since ${since}${origin}`,
        look,
      ),
    );
    for (const model of spend.models.slice(0, 5)) {
      const tokens =
        model.inputTokens + model.outputTokens + model.cacheCreationTokens + model.cacheReadTokens;
      lines.push(
        ...hanging(
          `  ${''.padEnd(labelWidth)}`,
          `${model.model}: ${formatMoney(model.cost, spend.currency)}, ${tokens.toLocaleString('en-US')} tokens`,
          look,
        ),
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
      ...hanging(
        `  ${field('Prepaid credits', labelWidth)}`,
        `${formatMoney(credits.amount, credits.currency)}${origin}`,
        look,
      ),
    );
  }
  return lines;
}

function windowLines(
  window: WindowView,
  judged: WindowVerdict | undefined,
  labelWidth: number,
  now: number,
  look: Look,
  tag = '',
): string[] {
  const { paint } = look;
  const marker = judged?.binding === true ? '▸ ' : '  ';
  const utilization = judged?.utilization ?? window.utilization;
  // A window whose reset time has passed has reset: no projection or pace of the old period.
  const resetNote = judged?.resetNote ?? null;
  const when = resetNote ?? formatResetsIn(window.resetsAt, now);
  const label = padEnd(truncate(window.label, labelWidth - 2), labelWidth);
  // Coloured by the verdict's level for the window (shared/domain/verdict.ts), never re-judged.
  const level = (text: string) => (judged === undefined ? text : paint.level(judged.level, text));
  const barWidth = look.width < COMPACT_BELOW ? COMPACT_BAR_WIDTH : BAR_WIDTH;
  const figure = `${marker}${label}${padStart(level(formatPercent(utilization)), 6)}  ${level(bar(utilization, barWidth))}  `;
  const head = hanging(figure, `${when}${tag === '' ? '' : `  ${tag}`}`, look);
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
  // A lockout the verdict calls close (within the lead time), or a lock, in its level's colour.
  const alarming = judged !== undefined && (judged.lockoutSoon || judged.level === 'locked');
  const under = (text: string | null, style?: (text: string) => string) =>
    text === null ? [] : block(`${indent}${text}`, look, indent, style);
  return [...head, ...under(money), ...under(detail, alarming ? level : undefined), ...under(pace)];
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

function bar(utilization: number, width: number): string {
  const filled = Math.round((Math.min(Math.max(utilization, 0), 100) / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

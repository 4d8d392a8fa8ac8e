import {
  formatAge,
  formatClock,
  formatDuration,
  formatMoney,
  formatPercent,
  formatResetsIn,
} from '../../../shared/domain/format';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';

const SOURCE_NAMES: Readonly<Record<string, string>> = {
  oauth: 'Claude Code login',
  web: 'claude.ai session',
  admin: 'Admin API',
  statusline: 'Claude Code status line',
  logs: 'local transcripts (estimate)',
};

const BAR_WIDTH = 16;

/** The human `headroom status` output for one source, as lines. */
export function statusText(view: SourceView, now: number): string[] {
  const name = SOURCE_NAMES[view.source] ?? view.source;
  const lines = [
    `Claude usage · ${name} (${view.source})${view.fetchedAt === null ? '' : ` · ${formatAge(view.fetchedAt, now)}`}`,
  ];
  if (view.stale && view.fetchedAt !== null) {
    lines.push(`STALE: these are the last good figures, from ${formatClock(view.fetchedAt, now)}.`);
  }
  if (view.error !== null) {
    const retry =
      view.error.retryAt === null ? '' : ` Next try ${formatClock(view.error.retryAt, now)}.`;
    lines.push(`! ${view.error.message}${retry}`);
  }
  if (view.fetchedAt !== null && view.windows.length === 0 && view.extraUsage === null) {
    lines.push('  No usage limits reported for this account.');
  }
  const labelWidth = Math.max(12, ...view.windows.map((window) => window.label.length + 2));
  for (const window of view.windows) lines.push(...windowLines(window, labelWidth, now));
  const extra = view.extraUsage;
  if (extra !== null) {
    const limit =
      extra.limit === null ? 'no cap' : `of ${formatMoney(extra.limit, extra.currency)}`;
    const state = extra.enabled ? '' : ' (off)';
    lines.push(
      `  ${'Extra usage'.padEnd(labelWidth)}${formatMoney(extra.used, extra.currency)} ${limit}${state}`,
    );
  }
  return lines;
}

function windowLines(window: WindowView, labelWidth: number, now: number): string[] {
  const marker = window.binding ? '▸ ' : '  ';
  const head = `${marker}${window.label.padEnd(labelWidth)}${formatPercent(window.utilization).padStart(6)}  ${bar(window.utilization)}  ${formatResetsIn(window.resetsAt, now)}`;
  const detail = projectionLine(window, now);
  const pace =
    window.id.startsWith('seven_day') && window.pace !== null ? window.pace.sentence : null;
  const indent = ' '.repeat(labelWidth + 2);
  return [
    head,
    ...[detail, pace]
      .filter((line): line is string => line !== null)
      .map((line) => `${indent}${line}`),
  ];
}

function projectionLine(window: WindowView, now: number): string | null {
  const projection = window.projection;
  switch (projection.status) {
    case 'locked':
      return `locked${window.resetsAt === null ? '' : ` until ${formatClock(window.resetsAt, now)}`}`;
    case 'at-risk':
      return projection.lockoutAt === null
        ? null
        : `at this pace: locked ${formatClock(projection.lockoutAt, now)}, blocked ${formatDuration(projection.blockedMs ?? 0)}`;
    case 'insufficient-data':
      return projection.note;
    case 'safe':
      return null;
  }
}

function bar(utilization: number): string {
  const filled = Math.round((Math.min(Math.max(utilization, 0), 100) / 100) * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
}

import { formatClock, formatMoney, formatTokens } from '../../../shared/domain/format';
import { estimateUnpriced, type LogsSummary } from '../../../shared/domain/logs-summary';
import { costText, unpricedLines } from '../../../shared/domain/logs/unpriced';
import type { SourceView } from '../../../shared/domain/source-view';
import { percentText, type Verdict } from '../../../shared/domain/verdict';
import type { EngineState } from '../../core/services/engine';
import type { Look, Paint } from '../terminal/paint';
import { wrap } from '../terminal/text';

/** The lines `pacewatch watch` starts with: where its data is, how to stop, what ▸ means. */
export function watchHeader(dataDir: string, look: Look): string[] {
  return [
    ...wrap(`Watching Claude usage (data in ${dataDir}). Press Ctrl+C to stop.`, look.width, '  '),
    ...wrap(
      '▸ marks the binding limit: the one that would lock you out first.',
      look.width,
      '  ',
    ).map(look.paint.dim),
  ];
}

/** One line of `watch`'s output: a key (what it is about) and its text. */
export interface WatchLine {
  readonly key: string;
  /**
   * The text, figures in colour when the look has colour. Compared with the last line of the same
   * key, so an unchanged line is not printed again (the look is the same for the whole run).
   */
  readonly text: string;
  /** A style for each whole line once wrapped (so it never spans a line break). */
  readonly style?: (line: string) => string;
}

/**
 * What a tick has to say: one line per source, one for the local estimate, and the engine's
 * failure while polls fail as a whole. The caller prints those whose text changed.
 */
export function watchLines(state: EngineState, look: Look): WatchLine[] {
  const { paint } = look;
  const lines: WatchLine[] = state.views.map((view) => ({
    key: view.source,
    text: watchLine(view, state.verdict, paint),
  }));
  if (state.logs !== null) lines.push({ key: 'logs', text: logsLine(state.logs) });
  if (state.failure !== null) {
    lines.push({
      key: 'failure',
      text: `! ${state.failure.message}`,
      style: (line) => paint.level('error', line),
    });
  }
  return lines;
}

/**
 * "[14:02] " before a line, wrapped to the look's width with continuations under the text; `style`
 * applies to each wrapped line's text.
 */
export function stamped(
  at: number,
  text: string,
  look: Look,
  style: (line: string) => string = (line) => line,
): string[] {
  const stamp = `[${formatClock(at, at)}] `;
  const indent = ' '.repeat(stamp.length);
  return wrap(`${stamp}${text}`, look.width, indent).map(
    (line, index) =>
      `${index === 0 ? look.paint.dim(stamp) : indent}${style(line.slice(stamp.length))}`,
  );
}

/** The levels `watch` names after a figure, so the line says it without colour too. */
const LEVEL_WORDS: Readonly<Record<string, string>> = {
  warning: ' (warning)',
  critical: ' (critical)',
  locked: ' (locked)',
};

/**
 * One source's windows as the verdict reads them now (the same figure, level and binding window
 * as the tray and the popover): "oauth: ▸ Session 42%; Week 91% (critical)". ▸ marks the binding
 * window; each figure takes its level's colour (shared/domain/verdict.ts) when `paint` has colour.
 */
export function watchLine(view: SourceView, verdict: Verdict, paint: Paint): string {
  const windows = view.windows.map((window) => {
    const judged = verdict.windows.find((candidate) => candidate.id === window.id);
    const ours = judged?.source === view.source ? judged : undefined;
    const binding = ours?.binding === true ? '▸ ' : '';
    // The verdict's figure: a window whose reset time has passed reads 0 % until the next poll.
    const figure = percentText(ours?.utilization ?? window.utilization);
    const shown = ours === undefined ? figure : paint.level(ours.level, figure);
    const word = ours === undefined ? '' : (LEVEL_WORDS[ours.level] ?? '');
    return `${binding}${window.label} ${shown}${word}`;
  });
  // Windows are separated by ";", because a scoped label has its own "·" ("Week · Opus").
  const figures = windows.length > 0 ? windows.join('; ') : 'no figures yet';
  const stale = view.stale ? ` ${paint.level('stale', '(stale)')}` : '';
  const mark = paint.level('error', '!');
  const error = view.error === null ? '' : `; ${mark} ${view.error.message}`;
  return `${view.source}: ${figures}${stale}${error}`;
}

/** The local estimate in one line: "logs (estimate at API prices): block 1.2 M tokens · $4.10 · 38 k tokens/min; today $12.30". */
function logsLine(logs: LogsSummary): string {
  const block = logs.activeBlock;
  const blockText =
    block === null || !block.isActive
      ? 'no active 5-hour block'
      : [
          `block ${formatTokens(block.tokens.total)} tokens`,
          costText(formatMoney(block.costUsd, 'USD'), block.unpricedTokens),
          ...(block.tokensPerMinute === null
            ? []
            : [`${formatTokens(block.tokensPerMinute)} tokens/min`]),
        ].join(' · ');
  const today = costText(formatMoney(logs.today.costUsd, 'USD'), logs.today.unpricedTokens);
  const unpriced = unpricedLines([estimateUnpriced(logs)], formatTokens);
  return `logs (estimate at API prices): ${blockText}; today ${[today, ...unpriced].join(' ')}`;
}

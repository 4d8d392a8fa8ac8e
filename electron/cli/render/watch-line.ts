import type { SourceView } from '../../../shared/domain/source-view';
import { percentText, type Verdict } from '../../../shared/domain/verdict';

/** The levels `watch` names after a figure; a normal or stale window needs no word. */
const LEVEL_WORDS: Readonly<Record<string, string>> = {
  warning: ' (warning)',
  critical: ' (critical)',
  locked: ' (locked)',
};

/**
 * One source's windows as `pacewatch watch` prints them, worded from the verdict (the same figure,
 * level and binding window as the tray and the popover): "oauth: ▸ Session 42%; Week 91% (critical)".
 * ▸ marks the binding window; a window whose reset time has passed reads 0 % until the next poll.
 */
export function watchLine(view: SourceView, verdict: Verdict): string {
  const windows = view.windows.map((window) => {
    const judged = verdict.windows.find((candidate) => candidate.id === window.id);
    if (judged?.source !== view.source) return `${window.label} ${percentText(window.utilization)}`;
    const binding = judged.binding ? '▸ ' : '';
    return `${binding}${judged.label} ${percentText(judged.utilization)}${LEVEL_WORDS[judged.level] ?? ''}`;
  });
  // Windows are separated by ";", because a scoped label has its own "·" ("Week · Opus").
  const figures = windows.length > 0 ? windows.join('; ') : 'no figures yet';
  const stale = view.stale ? ' (stale)' : '';
  const error = view.error === null ? '' : `; ! ${view.error.message}`;
  return `${view.source}: ${figures}${stale}${error}`;
}

import type { SourceId } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import type { SourceView } from '../../../shared/domain/source-view';
import { statusJson } from '../../../shared/domain/status-json';
import { assessViews, type Verdict, type VerdictSettings } from '../../../shared/domain/verdict';
import { NO_STATUSLINE_READING_MESSAGE } from '../../core/sources/statusline/statusline-source';
import type { Look } from '../terminal/paint';
import { wrap } from '../terminal/text';
import { oneShotErrorText } from './one-shot';
import {
  overviewText,
  sourceName,
  statusErrorLines,
  statusText,
  type SnapshotDetails,
} from './status-text';

/** One source as `pacewatch status` read it: its cache record and the view built from it. */
export interface Visit {
  readonly record: SourceRecord;
  readonly view: SourceView;
}

/** What `pacewatch status` prints, and its exit code (0 when figures were shown). */
export interface StatusOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** How the command was asked to print. */
export interface StatusRequest {
  readonly json: boolean;
  readonly settings: VerdictSettings;
  readonly now: number;
  readonly look: Look;
}

function detailsOf(record: SourceRecord): SnapshotDetails {
  return { spend: record.snapshot?.spend, prepaidCredits: record.snapshot?.prepaidCredits };
}

/** What a command says when a source has neither figures nor an error of its own yet. */
const NO_FIGURES_YET =
  'No usage figures yet: run `pacewatch status --refresh` to ask for them now.';

/** Why a source has nothing to show, when it has no error of its own to say so. */
function nothingYet(source: SourceId): string {
  return source === 'statusline' ? NO_STATUSLINE_READING_MESSAGE : NO_FIGURES_YET;
}

/** Why a source shows nothing, as a one-shot command says it (with the next-try time). */
function failureText(view: SourceView, now: number): string {
  return view.error === null
    ? nothingYet(view.source)
    : oneShotErrorText(view.error, now, 'pacewatch status');
}

/** One source as `--json` prints it: its own figures as they hold now, and the merged binding. */
function jsonText(view: SourceView, own: Verdict, binding: string | null): string {
  const json = statusJson(view, own, binding);
  const error = json.error ?? {
    kind: view.source === 'statusline' ? ('no-credentials' as const) : ('network' as const),
    message: nothingYet(view.source),
    retryAt: null,
  };
  const shown = view.fetchedAt !== null;
  return `${JSON.stringify(shown ? json : { ...json, error }, null, 2)}\n`;
}

/**
 * The one source `--json` reports without `--source` (the contract has room for one): the source
 * of the verdict's binding window; else the first enabled source with figures; else the first
 * with an error to report; else the first enabled source.
 */
function jsonSourceOf(views: readonly SourceView[], verdict: Verdict): SourceView | null {
  const binding = verdict.windows.find((window) => window.binding)?.source;
  return (
    views.find((view) => view.source === binding) ??
    views.find((view) => view.fetchedAt !== null) ??
    views.find((view) => view.error !== null) ??
    views[0] ??
    null
  );
}

const lines = (text: readonly string[]): string =>
  text.length === 0 ? '' : `${text.join('\n')}\n`;

/** "pacewatch: …" sentences for stderr, wrapped to the look's width. */
const said = (sentences: readonly string[], look: Look): string =>
  lines(sentences.flatMap((sentence) => wrap(`pacewatch: ${sentence}`, look.width, '  ')));

/** `pacewatch status --source ID`: that source alone. */
export function oneSourceOutput(visit: Visit, request: StatusRequest): StatusOutput {
  const { view } = visit;
  const { settings, now, look } = request;
  const own = assessViews([view], settings, now).verdict;
  const code = view.fetchedAt !== null ? 0 : 1;
  if (request.json) return { stdout: jsonText(view, own, own.binding), stderr: '', code };
  if (view.fetchedAt === null) {
    return { stdout: '', stderr: said([failureText(view, now)], look), code };
  }
  return {
    stdout: lines(statusText(view, own, now, detailsOf(visit.record), look)),
    stderr: '',
    code,
  };
}

/** `pacewatch status`: every enabled source, merged (the freshest figure per limit). */
export function mergedOutput(visits: readonly Visit[], request: StatusRequest): StatusOutput {
  const { settings, now, look } = request;
  const views = visits.map((visit) => visit.view);
  const reporting = visits.filter((visit) => visit.view.fetchedAt !== null);
  const merged = assessViews(views, settings, now);
  if (request.json) {
    const chosen = jsonSourceOf(views, merged.verdict);
    if (chosen === null) return { stdout: '', stderr: '', code: 1 };
    const bound = merged.verdict.windows.find((window) => window.binding);
    const own = assessViews([chosen], settings, now).verdict;
    return {
      stdout: jsonText(chosen, own, bound?.source === chosen.source ? bound.id : null),
      stderr: '',
      code: chosen.fetchedAt !== null ? 0 : 1,
    };
  }
  if (reporting.length === 0) {
    const errors = views.filter((view) => view.error !== null);
    const [only] = errors;
    const sentences =
      errors.length === 1 && only
        ? [failureText(only, now)]
        : errors.length === 0
          ? [NO_FIGURES_YET]
          : errors.map((view) => `${sourceName(view.source)}: ${failureText(view, now)}`);
    return { stdout: '', stderr: said(sentences, look), code: 1 };
  }
  const [only] = reporting;
  if (reporting.length === 1 && only) {
    // One source with figures reads as that source alone; the others only add their errors.
    const own = assessViews([only.view], settings, now).verdict;
    const text = statusText(only.view, own, now, detailsOf(only.record), look);
    for (const view of views) {
      if (view !== only.view && view.error !== null) {
        text.push(
          ...statusErrorLines(`${sourceName(view.source)}: ${failureText(view, now)}`, look),
        );
      }
    }
    return { stdout: lines(text), stderr: '', code: 0 };
  }
  const details = new Map(reporting.map((visit) => [visit.view.source, detailsOf(visit.record)]));
  return {
    stdout: lines(overviewText(merged.overview, merged.verdict, details, now, look)),
    stderr: '',
    code: 0,
  };
}

import type { SourceId } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import { buildSourceView, type SourceView } from '../../../shared/domain/source-view';
import { statusJson } from '../../../shared/domain/status-json';
import { assessViews, type Verdict, type VerdictSettings } from '../../../shared/domain/verdict';
import { createCore, type Core } from '../../core/create-core';
import { NO_STATUSLINE_READING_MESSAGE } from '../../core/sources/statusline/statusline-source';
import type { UsageSource } from '../../core/sources/usage-source';
import { historyStore } from '../../core/stores/state-files';
import { overviewText, sourceName, statusText, type SnapshotDetails } from '../render/status-text';
import { oneShotErrorText } from '../render/one-shot';
import { printProblems } from './output';

interface Visit {
  readonly record: SourceRecord;
  readonly view: SourceView;
}

/** Fetches a source through the shared cache (a passive one is only read), and builds its view. */
async function visit(core: Core, source: UsageSource, refresh: boolean): Promise<Visit> {
  let record: SourceRecord;
  if (source.passive === true) {
    const cached = await core.refresher.read(source.id);
    printProblems(cached.problem === null ? [] : [cached.problem]);
    record = cached.value;
  } else {
    const result = await core.refresher.refresh(source, { manual: refresh });
    printProblems(result.problems);
    record = result.record;
  }
  const history = await historyStore(core.layout, source.id).load();
  const view = buildSourceView(record, history.value, core.policyFor(source.id), core.clock.now());
  return { record, view };
}

function detailsOf(record: SourceRecord): SnapshotDetails {
  return { spend: record.snapshot?.spend, prepaidCredits: record.snapshot?.prepaidCredits };
}

/** Why a source has nothing to show, when it has no error of its own to say so. */
function nothingYet(source: SourceId): string {
  return source === 'statusline' ? NO_STATUSLINE_READING_MESSAGE : 'No usage figures yet.';
}

/** Why a source shows nothing, as a one-shot command says it (with the next-try time). */
function failureText(view: SourceView, now: number): string {
  return view.error === null
    ? nothingYet(view.source)
    : oneShotErrorText(view.error, now, 'pacewatch status');
}

/** One source as `--json` prints it: its own figures as they hold now, and the merged binding. */
function printJson(view: SourceView, own: Verdict, binding: string | null): void {
  const json = statusJson(view, own, binding);
  const error = json.error ?? {
    kind: view.source === 'statusline' ? ('no-credentials' as const) : ('network' as const),
    message: nothingYet(view.source),
    retryAt: null,
  };
  const shown = view.fetchedAt !== null;
  process.stdout.write(`${JSON.stringify(shown ? json : { ...json, error }, null, 2)}\n`);
}

/**
 * The one source `--json` reports without `--source` (the contract has room for one): the source
 * of the verdict's binding window; else the first enabled source with figures; else the first
 * with an error to report; else the first enabled source.
 */
export function jsonSourceOf(views: readonly SourceView[], verdict: Verdict): SourceView | null {
  const binding = verdict.windows.find((window) => window.binding)?.source;
  return (
    views.find((view) => view.source === binding) ??
    views.find((view) => view.fetchedAt !== null) ??
    views.find((view) => view.error !== null) ??
    views[0] ??
    null
  );
}

function printOne(visit: Visit, json: boolean, settings: VerdictSettings, now: number): number {
  const { view } = visit;
  const own = assessViews([view], settings, now).verdict;
  if (json) printJson(view, own, own.binding);
  else if (view.fetchedAt !== null) {
    process.stdout.write(`${statusText(view, own, now, detailsOf(visit.record)).join('\n')}\n`);
  } else process.stderr.write(`pacewatch: ${failureText(view, now)}\n`);
  return view.fetchedAt !== null ? 0 : 1;
}

function printMerged(
  visits: readonly Visit[],
  json: boolean,
  settings: VerdictSettings,
  now: number,
): number {
  const views = visits.map((visit) => visit.view);
  const reporting = visits.filter((visit) => visit.view.fetchedAt !== null);
  const merged = assessViews(views, settings, now);
  if (json) {
    const chosen = jsonSourceOf(views, merged.verdict);
    if (chosen === null) return 1;
    const bound = merged.verdict.windows.find((window) => window.binding);
    const own = assessViews([chosen], settings, now).verdict;
    printJson(chosen, own, bound?.source === chosen.source ? bound.id : null);
    return chosen.fetchedAt !== null ? 0 : 1;
  }
  if (reporting.length === 0) {
    const errors = views.filter((view) => view.error !== null);
    if (errors.length === 1 && errors[0])
      process.stderr.write(`pacewatch: ${failureText(errors[0], now)}\n`);
    else if (errors.length === 0) process.stderr.write('pacewatch: No usage figures yet.\n');
    for (const view of errors.length > 1 ? errors : []) {
      process.stderr.write(`pacewatch: ${sourceName(view.source)}: ${failureText(view, now)}\n`);
    }
    return 1;
  }
  const [only] = reporting;
  if (reporting.length === 1 && only) {
    // One source with figures reads as that source alone; the others only add their errors.
    const own = assessViews([only.view], settings, now).verdict;
    const lines = statusText(only.view, own, now, detailsOf(only.record));
    for (const view of views) {
      if (view !== only.view && view.error !== null) {
        lines.push(`! ${sourceName(view.source)}: ${failureText(view, now)}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  const details = new Map(reporting.map((visit) => [visit.view.source, detailsOf(visit.record)]));
  process.stdout.write(
    `${overviewText(merged.overview, merged.verdict, details, now).join('\n')}\n`,
  );
  return 0;
}

/** `pacewatch status`: prints the snapshot; returns the exit code (0 when figures were shown). */
export async function runStatus(options: {
  json: boolean;
  refresh: boolean;
  /** null: every enabled source, merged. */
  source: SourceId | null;
}): Promise<number> {
  const created = await createCore();
  if (!created.ok) {
    process.stderr.write(`pacewatch: ${created.message}\n`);
    return 2;
  }
  const { core } = created;
  printProblems([...core.endpoints.overrides, ...core.problems]);
  if (options.source !== null) {
    const source = core.sources.get(options.source);
    if (source === undefined) {
      process.stderr.write(
        `pacewatch: the ${options.source} source is not set up. Available: ${[...core.sources.keys()].join(', ')}.\n`,
      );
      return 2;
    }
    const one = await visit(core, source, options.refresh);
    return printOne(one, options.json, core.settings().alerts, core.clock.now());
  }
  // Only enforced figures merge; the logs estimate is not a source here (docs/PRODUCT.md §2).
  const visits = await Promise.all(
    core.enabledSources().map((source) => visit(core, source, options.refresh)),
  );
  return printMerged(visits, options.json, core.settings().alerts, core.clock.now());
}

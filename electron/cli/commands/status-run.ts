import type { SourceId } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import { buildSourceView } from '../../../shared/domain/source-view';
import { createCore, type Core } from '../../core/create-core';
import type { UsageSource } from '../../core/sources/usage-source';
import { historyStore } from '../../core/stores/history-store';
import {
  mergedOutput,
  oneSourceOutput,
  type StatusOutput,
  type Visit,
} from '../render/status-output';
import { lookOf } from '../terminal/paint';
import { processTerminal } from '../terminal/terminal';
import { printProblems } from './output';

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
    return print(oneSourceOutput(one, requestOf(core, options.json)));
  }
  // Only enforced figures merge; the logs estimate is not a source here (docs/PRODUCT.md §2).
  const visits = await Promise.all(
    core.enabledSources().map((source) => visit(core, source, options.refresh)),
  );
  return print(mergedOutput(visits, requestOf(core, options.json)));
}

function requestOf(core: Core, json: boolean) {
  return {
    json,
    settings: core.settings().alerts,
    now: core.clock.now(),
    look: lookOf(processTerminal()),
  };
}

function print(output: StatusOutput): number {
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  return output.code;
}

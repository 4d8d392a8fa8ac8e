import { emptyHistory, historySchema } from '../../../shared/domain/history';
import type { SourceId } from '../../../shared/domain/snapshot';
import { buildSourceView } from '../../../shared/domain/source-view';
import { statusJson } from '../../../shared/domain/status-json';
import { createCore } from '../../core/create-core';
import { jsonStore } from '../../core/stores/json-store';
import { statusText } from '../render/status-text';
import { printProblems } from './output';

/** `headroom status`: prints the snapshot; returns the exit code (0 when figures were shown). */
export async function runStatus(options: {
  json: boolean;
  refresh: boolean;
  source: SourceId;
}): Promise<number> {
  const created = await createCore();
  if (!created.ok) {
    process.stderr.write(`headroom: ${created.message}\n`);
    return 2;
  }
  const { core } = created;
  printProblems([...core.endpoints.overrides, ...core.problems]);
  const source = core.sources.get(options.source);
  if (source === undefined) {
    process.stderr.write(
      `headroom: the ${options.source} source is not set up. Available: ${[...core.sources.keys()].join(', ')}.\n`,
    );
    return 2;
  }
  const result = await core.refresher.refresh(source, { manual: options.refresh });
  printProblems(result.problems);
  const history = await jsonStore(
    core.layout.history(source.id),
    historySchema,
    emptyHistory,
  ).load();
  const now = core.clock.now();
  const view = buildSourceView(result.record, history.value, core.policyFor(source.id), now);
  const shown = view.fetchedAt !== null;
  if (options.json) {
    const json = statusJson(view);
    const error = json.error ?? {
      kind: 'network' as const,
      message: 'No usage figures yet.',
      retryAt: null,
    };
    process.stdout.write(`${JSON.stringify(shown ? json : { ...json, error }, null, 2)}\n`);
  } else if (shown) {
    process.stdout.write(`${statusText(view, now).join('\n')}\n`);
  } else {
    process.stderr.write(`headroom: ${view.error?.message ?? 'No usage figures yet.'}\n`);
  }
  return shown ? 0 : 1;
}

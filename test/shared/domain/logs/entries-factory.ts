import {
  EntryFlag,
  type EntrySource,
  type UsageEntries,
} from '../../../../shared/domain/logs/entries';

/** One counted response, as a test writes it. */
export interface TestEntry {
  readonly at: string;
  readonly model?: string | null;
  readonly input?: number;
  readonly output?: number;
  readonly cacheWrite5m?: number;
  readonly cacheWrite1h?: number;
  readonly cacheRead?: number;
  /** Cost from the price table; 0 when unpriced. */
  readonly cost?: number;
  readonly loggedCost?: number;
  readonly fast?: boolean;
  readonly session?: string;
  readonly project?: string;
  readonly retained?: boolean;
}

/** Columns from a list of test entries; models in `unpriced` are not in the price table. */
export function entriesOf(
  list: readonly TestEntry[],
  unpriced: readonly string[] = [],
): UsageEntries {
  const models: string[] = [];
  const sources: EntrySource[] = [];
  const sourceIndex = new Map<string, number>();
  const column = (pick: (entry: TestEntry) => number): number[] => list.map(pick);
  const model = list.map((entry) => {
    if (entry.model === null) return -1;
    const name = entry.model ?? 'claude-sonnet-4-5-20250929';
    if (!models.includes(name)) models.push(name);
    return models.indexOf(name);
  });
  const source = list.map((entry) => {
    const key = `${entry.project ?? 'project'}/${entry.session ?? 'session-a'}/${String(entry.retained ?? false)}`;
    let found = sourceIndex.get(key);
    if (found === undefined) {
      found = sources.length;
      sources.push({
        sessionId: entry.session ?? 'session-a',
        projectPath: entry.project ?? 'project',
        retained: entry.retained ?? false,
      });
      sourceIndex.set(key, found);
    }
    return found;
  });
  return {
    count: list.length,
    timestamp: column((entry) => Date.parse(entry.at)),
    input: column((entry) => entry.input ?? 0),
    output: column((entry) => entry.output ?? 0),
    cacheWrite5m: column((entry) => entry.cacheWrite5m ?? 0),
    cacheWrite1h: column((entry) => entry.cacheWrite1h ?? 0),
    cacheRead: column((entry) => entry.cacheRead ?? 0),
    calculatedCost: column((entry) => entry.cost ?? 0),
    loggedCost: column((entry) => entry.loggedCost ?? NaN),
    model,
    flags: column((entry) => (entry.fast === true ? EntryFlag.fast | EntryFlag.hasSpeed : 0)),
    source,
    models,
    sources,
    priced: models.map((name) => !unpriced.includes(name)),
  };
}

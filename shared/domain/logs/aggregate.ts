import { chooseCost, isUnpriced, type CostMode } from './cost';
import { EntryFlag, type UsageEntries } from './entries';

/** Token sums, with ccusage's JSON names. */
export interface TokenSums {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
}

/** One model's share of a group. */
export interface ModelBreakdown extends Omit<TokenSums, 'totalTokens'> {
  modelName: string;
  cost: number;
  /** The price table does not know this model (its tokens are counted, its cost is 0). */
  missingPricing: boolean;
}

/** The entries that share a key (a day, a month, a session). */
export interface UsageGroup extends TokenSums {
  readonly key: string;
  totalCost: number;
  /** Model names in order of first use. */
  readonly modelsUsed: string[];
  /** Per model, most expensive first. */
  modelBreakdowns: ModelBreakdown[];
  /** epoch ms of the first and last entry. */
  firstActivity: number;
  lastActivity: number;
  /** Some entries come from transcripts that were deleted since (kept by the index). */
  retained: boolean;
  /** The first entry's index, to look up what the key stands for (e.g. a session's project). */
  readonly firstIndex: number;
  /** Tokens of responses the price table cannot price, per model label: `totalCost` leaves them out. */
  unpricedTokens: Record<string, number>;
}

/** The tokens of entry `i`, every kind. */
function entryTokens(entries: UsageEntries, index: number): number {
  return (
    (entries.input[index] ?? 0) +
    (entries.output[index] ?? 0) +
    (entries.cacheWrite5m[index] ?? 0) +
    (entries.cacheWrite1h[index] ?? 0) +
    (entries.cacheRead[index] ?? 0)
  );
}

/** Adds entry `i`'s tokens to `into` under its label when it is unpriced; returns whether it was. */
export function countUnpriced(
  entries: UsageEntries,
  index: number,
  mode: CostMode,
  label: string | null,
  into: Record<string, number>,
): boolean {
  if (label === null || !entryUnpriced(entries, index, mode)) return false;
  into[label] = (into[label] ?? 0) + entryTokens(entries, index);
  return true;
}

/** How to aggregate. */
export interface AggregateOptions {
  readonly mode: CostMode;
}

/** Zero sums. */
function emptySums(): TokenSums {
  return {
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
    totalTokens: 0,
  };
}

/** The cost of entry `i` in a cost mode. */
export function entryCost(entries: UsageEntries, index: number, mode: CostMode): number {
  const logged = entries.loggedCost[index] ?? NaN;
  const model = entries.model[index] ?? -1;
  const priced = model >= 0 && entries.priced[model] === true;
  return chooseCost(
    mode,
    priced ? (entries.calculatedCost[index] ?? 0) : null,
    Number.isNaN(logged) ? null : logged,
  );
}

/** Whether entry `i` is from a model the price table does not know (and has no logged cost to use). */
export function entryUnpriced(entries: UsageEntries, index: number, mode: CostMode): boolean {
  const model = entries.model[index] ?? -1;
  const logged = entries.loggedCost[index] ?? NaN;
  return isUnpriced(
    mode,
    model >= 0,
    model >= 0 && entries.priced[model] === true,
    Number.isNaN(logged) ? null : logged,
  );
}

/** Per model and speed, the label reports show: `claude-opus-4-6-fast` for fast mode. */
export function labelTable(entries: UsageEntries): (index: number) => string | null {
  const labels = entries.models.map((name) => [name, `${name}-fast`] as const);
  return (index) => {
    const model = entries.model[index] ?? -1;
    if (model < 0) return null;
    const flags = entries.flags[index] ?? 0;
    const fast = (flags & EntryFlag.fast) !== 0 && (flags & EntryFlag.advisor) === 0;
    return labels[model]?.[fast ? 1 : 0] ?? null;
  };
}

/**
 * Groups entries by a key (null leaves an entry out) and sums tokens and cost per group and per
 * model, as ccusage's daily, monthly and session reports do. Groups come in first-seen order.
 */
export function groupEntries(
  entries: UsageEntries,
  keyOf: (index: number) => string | null,
  options: AggregateOptions,
): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  const breakdowns = new Map<UsageGroup, Map<string, ModelBreakdown>>();
  const label = labelTable(entries);
  let lastKey: string | null = null;
  let lastGroup: UsageGroup | undefined;
  for (let index = 0; index < entries.count; index += 1) {
    const key = keyOf(index);
    if (key === null) continue;
    // Entries come mostly in time order: the group of the previous entry is the likely one.
    let group = key === lastKey ? lastGroup : groups.get(key);
    if (group === undefined) {
      group = {
        key,
        ...emptySums(),
        totalCost: 0,
        modelsUsed: [],
        modelBreakdowns: [],
        firstActivity: Infinity,
        lastActivity: -Infinity,
        retained: false,
        firstIndex: index,
        unpricedTokens: {},
      };
      groups.set(key, group);
      breakdowns.set(group, new Map());
    }
    lastKey = key;
    lastGroup = group;
    const cost = entryCost(entries, index, options.mode);
    addEntry(group, entries, index, cost);
    const name = label(index);
    if (name === null) continue;
    const models = breakdowns.get(group) as Map<string, ModelBreakdown>;
    let model = models.get(name);
    if (model === undefined) {
      model = {
        modelName: name,
        inputTokens: 0,
        outputTokens: 0,
        cacheCreationTokens: 0,
        cacheReadTokens: 0,
        cost: 0,
        missingPricing: false,
      };
      models.set(name, model);
      group.modelsUsed.push(name);
    }
    model.inputTokens += entries.input[index] ?? 0;
    model.outputTokens += entries.output[index] ?? 0;
    model.cacheCreationTokens +=
      (entries.cacheWrite5m[index] ?? 0) + (entries.cacheWrite1h[index] ?? 0);
    model.cacheReadTokens += entries.cacheRead[index] ?? 0;
    model.cost += cost;
    if (countUnpriced(entries, index, options.mode, name, group.unpricedTokens))
      model.missingPricing = true;
  }
  for (const [group, models] of breakdowns) {
    group.modelBreakdowns = [...models.values()].sort((a, b) => b.cost - a.cost);
  }
  return [...groups.values()];
}

function addEntry(group: UsageGroup, entries: UsageEntries, index: number, cost: number): void {
  const input = entries.input[index] ?? 0;
  const output = entries.output[index] ?? 0;
  const created = (entries.cacheWrite5m[index] ?? 0) + (entries.cacheWrite1h[index] ?? 0);
  const read = entries.cacheRead[index] ?? 0;
  group.inputTokens += input;
  group.outputTokens += output;
  group.cacheCreationTokens += created;
  group.cacheReadTokens += read;
  group.totalTokens += input + output + created + read;
  group.totalCost += cost;
  const at = entries.timestamp[index] ?? 0;
  if (at < group.firstActivity) group.firstActivity = at;
  if (at > group.lastActivity) group.lastActivity = at;
  const source = entries.sources[entries.source[index] ?? -1];
  if (source?.retained === true) group.retained = true;
}

/** Sums of several groups, and the unpriced model names among them (sorted). */
export function totalsOf(groups: readonly UsageGroup[]): TokenSums & {
  totalCost: number;
  unpricedModels: string[];
} {
  const totals = { ...emptySums(), totalCost: 0 };
  const unpriced = new Set<string>();
  for (const group of groups) {
    totals.inputTokens += group.inputTokens;
    totals.outputTokens += group.outputTokens;
    totals.cacheCreationTokens += group.cacheCreationTokens;
    totals.cacheReadTokens += group.cacheReadTokens;
    totals.totalTokens += group.totalTokens;
    totals.totalCost += group.totalCost;
    for (const model of group.modelBreakdowns)
      if (model.missingPricing) unpriced.add(model.modelName);
  }
  return { ...totals, unpricedModels: [...unpriced].sort() };
}

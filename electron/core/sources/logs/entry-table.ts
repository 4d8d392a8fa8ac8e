import { responseCostUsd } from '../../../../shared/domain/logs/cost';
import {
  ResponseDedup,
  emptyFacts,
  type DedupFacts,
  type DedupStore,
} from '../../../../shared/domain/logs/dedup';
import {
  EntryFlag,
  type EntrySource,
  type UsageEntries,
} from '../../../../shared/domain/logs/entries';
import type { PriceTable } from '../../../../shared/domain/logs/prices';
import { C, WIDTH, intern, type BatchData } from './record-batch';

/** Columns stored per entry, each a Float64Array (the index file stores them as is). */
export const ENTRY_COLUMNS = [
  'timestamp',
  'messageKey',
  'requestKey',
  'session',
  'model',
  'flags',
  'source',
  'input',
  'output',
  'cacheWrite5m',
  'cacheWrite1h',
  'cacheRead',
  'calculatedCost',
  'loggedCost',
] as const;

/** One stored column's name. */
export type EntryColumn = (typeof ENTRY_COLUMNS)[number];

/** Columns that add up when entries are folded together. */
const SUMMED_COLUMNS = [
  'input',
  'output',
  'cacheWrite5m',
  'cacheWrite1h',
  'cacheRead',
  'calculatedCost',
  'loggedCost',
] as const;
const BUCKET_MS = 15 * 60_000;
/** From this many entries on, the columns grow by a quarter rather than double. */
const LARGE_TABLE = 65_536;

/** The whole table in plain form, for the index file. */
export interface EntryTableData {
  readonly count: number;
  readonly columns: Readonly<Record<EntryColumn, Float64Array>>;
  readonly models: readonly string[];
  readonly sessions: readonly string[];
}

/** A batch's session and model indexes, mapped to the table's. */
interface BatchIds {
  readonly sessions: readonly number[];
  readonly models: readonly number[];
}

/** What adding a batch did. */
export interface AddResult {
  added: number;
  replaced: number;
  duplicates: number;
}

/**
 * The counted responses, de-duplicated, in columns. It is the engine's memory of every
 * transcript ever read: entries of deleted files stay (their source is marked retained).
 */
export class EntryTable implements UsageEntries, DedupStore {
  #count = 0;
  #columns: Record<EntryColumn, Float64Array>;
  readonly #models: string[];
  readonly #modelIndex = new Map<string, number>();
  readonly #sessions: string[];
  readonly #sessionIndex = new Map<string, number>();
  #priced: boolean[] = [];
  #prices: PriceTable;
  #dedup: ResponseDedup | null = null;
  readonly #facts = emptyFacts();
  sources: EntrySource[] = [];
  /** Changes whenever an entry is added, replaced or removed (for caches of derived figures). */
  version = 0;

  constructor(prices: PriceTable, data?: EntryTableData) {
    this.#prices = prices;
    this.#models = [...(data?.models ?? [])];
    this.#sessions = [...(data?.sessions ?? [])];
    this.#models.forEach((model, index) => this.#modelIndex.set(model, index));
    this.#sessions.forEach((session, index) => this.#sessionIndex.set(session, index));
    this.#count = data?.count ?? 0;
    this.#columns = data === undefined ? allocate(1024) : { ...data.columns };
    this.#priced = this.#models.map((model) => prices.periods(model) !== null);
  }

  get count(): number {
    return this.#count;
  }
  get timestamp(): Float64Array {
    return this.#columns.timestamp;
  }
  get input(): Float64Array {
    return this.#columns.input;
  }
  get output(): Float64Array {
    return this.#columns.output;
  }
  get cacheWrite5m(): Float64Array {
    return this.#columns.cacheWrite5m;
  }
  get cacheWrite1h(): Float64Array {
    return this.#columns.cacheWrite1h;
  }
  get cacheRead(): Float64Array {
    return this.#columns.cacheRead;
  }
  get calculatedCost(): Float64Array {
    return this.#columns.calculatedCost;
  }
  get loggedCost(): Float64Array {
    return this.#columns.loggedCost;
  }
  get model(): Float64Array {
    return this.#columns.model;
  }
  get flags(): Float64Array {
    return this.#columns.flags;
  }
  get source(): Float64Array {
    return this.#columns.source;
  }
  get models(): readonly string[] {
    return this.#models;
  }
  get priced(): readonly boolean[] {
    return this.#priced;
  }

  /** The plain form (views trimmed to `count`). */
  toData(): EntryTableData {
    const columns = {} as Record<EntryColumn, Float64Array>;
    for (const name of ENTRY_COLUMNS) columns[name] = this.#columns[name].subarray(0, this.#count);
    return { count: this.#count, columns, models: this.#models, sessions: this.#sessions };
  }

  /** Recomputes every calculated cost with another price table (prices were updated). */
  reprice(prices: PriceTable): void {
    this.#prices = prices;
    this.#priced = this.#models.map((model) => prices.periods(model) !== null);
    this.version += 1;
    for (let index = 0; index < this.#count; index += 1)
      this.#columns.calculatedCost[index] = this.#calculate(index);
  }

  /**
   * Makes room for `more` entries: doubling while the table is small (a first read grows it many
   * times), then by a quarter (a long-lived reader's table, loaded from the index at its exact
   * size, should not double for the next appended line).
   */
  reserve(more: number): void {
    const needed = this.#count + more;
    const capacity = this.#columns.timestamp.length;
    if (needed <= capacity) return;
    const step = capacity < LARGE_TABLE ? capacity : Math.ceil(capacity / 4);
    this.#columns = grow(this.#columns, Math.max(needed, capacity + step));
  }

  /** Drops every entry whose source fails `keep` (a rebuild keeps only retained history). */
  retainOnly(keep: (source: number) => boolean): void {
    let kept = 0;
    for (let index = 0; index < this.#count; index += 1) {
      if (!keep(this.#columns.source[index] ?? -1)) continue;
      this.#move(index, kept);
      kept += 1;
    }
    this.#count = kept;
    this.#dedup = null;
    this.version += 1;
  }

  /**
   * Folds the entries of deleted transcripts older than `before` into one entry per source,
   * model, speed and 15-minute bucket, so years of retained history stay small. Their daily
   * totals and costs stay exact in every time zone (offsets are whole quarter hours); only their
   * 5-hour blocks and session times become approximate to 15 minutes, and they no longer take
   * part in de-duplication (Claude Code deleted their lines; only a restored copy could return).
   * Returns how many entries were folded.
   */
  compactRetained(isDeleted: (source: number) => boolean, before: number): number {
    const c = this.#columns;
    const folded = new Map<string, Record<EntryColumn, number>>();
    let kept = 0;
    let removed = 0;
    for (let index = 0; index < this.#count; index += 1) {
      const source = c.source[index] ?? -1;
      const at = c.timestamp[index] ?? 0;
      if (!isDeleted(source) || at >= before) {
        this.#move(index, kept);
        kept += 1;
        continue;
      }
      removed += 1;
      const logged = c.loggedCost[index] ?? NaN;
      const bucket = Math.floor(at / BUCKET_MS) * BUCKET_MS;
      const flags = (c.flags[index] ?? 0) & (EntryFlag.fast | EntryFlag.advisor);
      const key = `${source}:${c.model[index] ?? -1}:${flags}:${bucket}:${Number.isNaN(logged) ? 0 : 1}`;
      const sum = folded.get(key);
      if (sum === undefined) {
        const entry = {} as Record<EntryColumn, number>;
        for (const name of ENTRY_COLUMNS) entry[name] = c[name][index] ?? 0;
        Object.assign(entry, { timestamp: bucket, messageKey: NaN, requestKey: NaN, flags });
        folded.set(key, entry);
      } else {
        for (const name of SUMMED_COLUMNS) sum[name] += c[name][index] ?? 0;
      }
    }
    for (const entry of folded.values()) {
      for (const name of ENTRY_COLUMNS) c[name][kept] = entry[name];
      kept += 1;
    }
    this.#count = kept;
    this.#dedup = null;
    this.version += 1;
    return removed - folded.size;
  }

  #move(from: number, to: number): void {
    if (from === to) return;
    for (const name of ENTRY_COLUMNS) this.#columns[name][to] = this.#columns[name][from] ?? 0;
  }

  /** Adds a file's records in order, counting each response once. */
  addBatch(batch: BatchData, source: number): AddResult {
    const dedup = this.#dedupIndex();
    const result: AddResult = { added: 0, replaced: 0, duplicates: 0 };
    // The batch's small string tables, mapped to this table's once, not per record.
    const ids: BatchIds = {
      sessions: batch.sessions.map((session) =>
        intern(this.#sessions, this.#sessionIndex, session),
      ),
      models: batch.models.map((model) => this.#internModel(model)),
    };
    // Room for every record up front: no capacity check per record.
    this.reserve(batch.count);
    const facts = this.#facts;
    for (let record = 0; record < batch.count; record += 1) {
      const index = this.#count;
      this.#stage(batch.values, record * WIDTH, index, source, ids);
      const verdict = dedup.judge(facts);
      if (verdict.kind === 'new') {
        this.#count += 1;
        dedup.added(index, facts);
        result.added += 1;
      } else if (verdict.replace) {
        this.#move(index, verdict.index);
        result.replaced += 1;
      } else {
        result.duplicates += 1;
      }
    }
    if (result.added + result.replaced > 0) this.version += 1;
    return result;
  }

  /**
   * Writes the batch row at `base` into entry `index` (after the last one, not yet counted) and
   * into the de-duplication facts, as `read` would give them.
   */
  #stage(v: Float64Array, base: number, index: number, source: number, ids: BatchIds): void {
    const c = this.#columns;
    const facts = this.#facts;
    const model = v[base + C.model] ?? -1;
    const flags = v[base + C.flags] ?? 0;
    const input = v[base + C.input] ?? 0;
    const output = v[base + C.output] ?? 0;
    const write5m = v[base + C.cacheWrite5m] ?? 0;
    const write1h = v[base + C.cacheWrite1h] ?? 0;
    const read = v[base + C.cacheRead] ?? 0;
    const logged = v[base + C.loggedCost] ?? NaN;
    const calculated = v[base + C.calculatedCost] ?? 0;
    facts.timestamp = c.timestamp[index] = v[base + C.timestamp] ?? 0;
    facts.messageKey = c.messageKey[index] = v[base + C.messageKey] ?? NaN;
    facts.requestKey = c.requestKey[index] = v[base + C.requestKey] ?? NaN;
    facts.session = c.session[index] = ids.sessions[v[base + C.session] ?? 0] ?? 0;
    c.model[index] = model < 0 ? -1 : (ids.models[model] ?? -1);
    c.flags[index] = flags;
    c.source[index] = source;
    c.input[index] = input;
    c.output[index] = output;
    c.cacheWrite5m[index] = write5m;
    c.cacheWrite1h[index] = write1h;
    c.cacheRead[index] = read;
    c.loggedCost[index] = logged;
    c.calculatedCost[index] = calculated;
    facts.isSidechain = (flags & EntryFlag.sidechain) !== 0;
    facts.hasSpeed = (flags & EntryFlag.hasSpeed) !== 0;
    facts.totalTokens = input + output + write5m + write1h + read;
    facts.cost = Number.isNaN(logged) ? calculated : logged;
  }

  /** DedupStore: the facts of entry `index`. */
  read(index: number, into: DedupFacts): void {
    const c = this.#columns;
    const flags = c.flags[index] ?? 0;
    const logged = c.loggedCost[index] ?? NaN;
    into.messageKey = c.messageKey[index] ?? NaN;
    into.requestKey = c.requestKey[index] ?? NaN;
    into.session = c.session[index] ?? 0;
    into.timestamp = c.timestamp[index] ?? 0;
    into.isSidechain = (flags & EntryFlag.sidechain) !== 0;
    into.hasSpeed = (flags & EntryFlag.hasSpeed) !== 0;
    into.totalTokens =
      (c.input[index] ?? 0) +
      (c.output[index] ?? 0) +
      (c.cacheWrite5m[index] ?? 0) +
      (c.cacheWrite1h[index] ?? 0) +
      (c.cacheRead[index] ?? 0);
    into.cost = Number.isNaN(logged) ? (c.calculatedCost[index] ?? 0) : logged;
  }

  #internModel(model: string): number {
    const found = this.#modelIndex.get(model);
    if (found !== undefined) return found;
    this.#priced.push(this.#prices.periods(model) !== null);
    return intern(this.#models, this.#modelIndex, model);
  }

  #calculate(index: number): number {
    const c = this.#columns;
    const model = this.#models[c.model[index] ?? -1];
    const price = model === undefined ? null : this.#prices.find(model, c.timestamp[index] ?? 0);
    if (price === null) return 0;
    const tokens = {
      input: c.input[index] ?? 0,
      output: c.output[index] ?? 0,
      cacheWrite5m: c.cacheWrite5m[index] ?? 0,
      cacheWrite1h: c.cacheWrite1h[index] ?? 0,
      cacheRead: c.cacheRead[index] ?? 0,
    };
    return responseCostUsd(tokens, price, ((c.flags[index] ?? 0) & EntryFlag.fast) !== 0);
  }

  /** The de-duplication index, rebuilt from the entries after a load or a rebuild. */
  #dedupIndex(): ResponseDedup {
    if (this.#dedup !== null) return this.#dedup;
    const dedup = new ResponseDedup(this);
    const facts = emptyFacts();
    for (let index = 0; index < this.#count; index += 1) {
      this.read(index, facts);
      dedup.added(index, facts);
    }
    this.#dedup = dedup;
    return dedup;
  }
}

function allocate(capacity: number): Record<EntryColumn, Float64Array> {
  const columns = {} as Record<EntryColumn, Float64Array>;
  for (const name of ENTRY_COLUMNS) columns[name] = new Float64Array(capacity);
  return columns;
}

function grow(
  columns: Record<EntryColumn, Float64Array>,
  capacity: number,
): Record<EntryColumn, Float64Array> {
  const grown = allocate(Math.max(capacity, 1024));
  for (const name of ENTRY_COLUMNS) grown[name].set(columns[name]);
  return grown;
}

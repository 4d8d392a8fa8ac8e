import { responseCostUsd } from '../../../../shared/domain/logs/cost';
import { emptyFacts, prefers, type DedupFacts } from '../../../../shared/domain/logs/dedup';
import { EntryFlag } from '../../../../shared/domain/logs/entries';
import { hashString, mixKeys } from '../../../../shared/domain/logs/hash';
import { priceAt, type PricePeriods, type PriceTable } from '../../../../shared/domain/logs/prices';
import type { UsageRecord } from '../../../../shared/domain/logs/usage-record';

/** The plain form of a batch: what crosses a worker boundary (the buffer is transferable). */
export interface BatchData {
  readonly count: number;
  readonly values: Float64Array;
  readonly sessions: string[];
  readonly models: string[];
}

/** Keys of the per-file response map (see `push`). */
const ROW_KEY_MASK = 0x3fffffff;

/**
 * Column offsets within a row, as constants for hot loops: the numeric columns of a batch, in a
 * fixed order (transferred between threads as one buffer).
 */
export const C = {
  timestamp: 0,
  messageKey: 1,
  requestKey: 2,
  session: 3,
  model: 4,
  flags: 5,
  input: 6,
  output: 7,
  cacheWrite5m: 8,
  cacheWrite1h: 9,
  cacheRead: 10,
  loggedCost: 11,
  calculatedCost: 12,
} as const;
/** Values per row. */
export const WIDTH = Object.keys(C).length;

/**
 * The usage records read from one file, row-major in one Float64Array: ids are 53-bit hashes and
 * sessions / models index small string tables, so a batch crosses threads without cloning a
 * string per record.
 *
 * Lines of one response within a file (streamed chunks share `message.id` + `requestId`) are
 * merged as they are pushed, keeping the line ccusage would keep: its choice is the first best
 * line in reading order, so merging within a file first gives the same result and halves the
 * work left for the single-threaded cross-file pass.
 */
export class RecordBatch {
  #values: Float64Array;
  #count = 0;
  readonly #sessions: string[];
  readonly #models: string[];
  readonly #sessionIndex = new Map<string, number>();
  readonly #modelIndex = new Map<string, number>();
  readonly #rows = new Map<number, number>();
  readonly #prices: PriceTable;
  readonly #candidate: DedupFacts = emptyFacts();
  readonly #existing: DedupFacts = emptyFacts();
  #lastSession: string | null = null;
  #lastSessionIndex = 0;
  #lastModel: { name: string; index: number; periods: PricePeriods | null } | null = null;

  constructor(prices: PriceTable) {
    this.#prices = prices;
    this.#values = new Float64Array(WIDTH * 64);
    this.#sessions = [];
    this.#models = [];
  }

  /** How many records. */
  get count(): number {
    return this.#count;
  }

  /** Adds a record (or merges it into an earlier line of the same response); `pathSession` stands in for a missing `sessionId`. */
  push(record: UsageRecord, pathSession: string): void {
    if ((this.#count + 1) * WIDTH > this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    const row = this.#count;
    this.#write(row, record, pathSession);
    const key = this.#sameResponseKey(row);
    if (key === null) {
      this.#count += 1;
      return;
    }
    // Small-integer keys: V8's Map hashes them much faster than 53-bit ones. Two responses that
    // share one are both kept here, and the cross-file pass (EntryTable) merges them the same.
    const slot = (key >>> 0) & ROW_KEY_MASK;
    const earlier = this.#rows.get(slot);
    if (earlier === undefined || !this.#sameResponse(earlier, row)) {
      this.#rows.set(slot, row);
      this.#count += 1;
      return;
    }
    this.#read(row, this.#candidate);
    this.#read(earlier, this.#existing);
    if (prefers(this.#candidate, this.#existing)) {
      this.#values.copyWithin(earlier * WIDTH, row * WIDTH, (row + 1) * WIDTH);
    }
  }

  /** The plain form: a view of the rows (its whole buffer can be transferred). */
  toData(): BatchData {
    return {
      count: this.#count,
      values: this.#values.subarray(0, this.#count * WIDTH),
      sessions: this.#sessions,
      models: this.#models,
    };
  }

  #write(row: number, record: UsageRecord, pathSession: string): void {
    const v = this.#values;
    const base = row * WIDTH;
    const fast = record.speed === 'fast';
    v[base + C.timestamp] = record.timestamp;
    v[base + C.messageKey] = record.messageId === null ? NaN : hashString(record.messageId);
    v[base + C.requestKey] = record.requestId === null ? NaN : hashString(record.requestId);
    v[base + C.session] = this.#sessionOf(record.sessionId ?? pathSession);
    const model = record.model === null ? null : this.#modelOf(record.model);
    v[base + C.flags] =
      (record.isSidechain ? EntryFlag.sidechain : 0) |
      (fast ? EntryFlag.fast : 0) |
      (record.speed === null ? 0 : EntryFlag.hasSpeed) |
      (record.isAdvisor ? EntryFlag.advisor : 0);
    v[base + C.input] = record.input;
    v[base + C.output] = record.output;
    v[base + C.cacheWrite5m] = record.cacheWrite5m;
    v[base + C.cacheWrite1h] = record.cacheWrite1h;
    v[base + C.cacheRead] = record.cacheRead;
    v[base + C.loggedCost] = record.costUsd ?? NaN;
    v[base + C.model] = model === null ? -1 : model.index;
    const periods = model === null ? null : model.periods;
    v[base + C.calculatedCost] =
      periods === null ? 0 : responseCostUsd(record, priceAt(periods, record.timestamp), fast);
  }

  /** A session's index; the last one asked is remembered (a file is mostly one session). */
  #sessionOf(session: string): number {
    if (session !== this.#lastSession) {
      this.#lastSession = session;
      this.#lastSessionIndex = intern(this.#sessions, this.#sessionIndex, session);
    }
    return this.#lastSessionIndex;
  }

  /** A model's index and prices over time; the last one asked is remembered. */
  #modelOf(model: string): { index: number; periods: PricePeriods | null } {
    if (this.#lastModel?.name !== model) {
      this.#lastModel = {
        name: model,
        index: intern(this.#models, this.#modelIndex, model),
        periods: this.#prices.periods(model),
      };
    }
    return this.#lastModel;
  }

  /** Rows with this key may be lines of one response (ccusage's exact de-duplication key). */
  #sameResponseKey(row: number): number | null {
    const v = this.#values;
    const base = row * WIDTH;
    const message = v[base + C.messageKey] ?? NaN;
    if (Number.isNaN(message)) return null;
    const request = v[base + C.requestKey] ?? NaN;
    return Number.isNaN(request)
      ? mixKeys(2, message, v[base + C.session] ?? 0)
      : mixKeys(1, message, request);
  }

  #sameResponse(a: number, b: number): boolean {
    const v = this.#values;
    const rowA = a * WIDTH;
    const rowB = b * WIDTH;
    if (v[rowA + C.messageKey] !== v[rowB + C.messageKey]) return false;
    const request = v[rowB + C.requestKey] ?? NaN;
    if (!Number.isNaN(request)) return v[rowA + C.requestKey] === request;
    return (
      Number.isNaN(v[rowA + C.requestKey] ?? NaN) && v[rowA + C.session] === v[rowB + C.session]
    );
  }

  #read(row: number, into: DedupFacts): void {
    const v = this.#values;
    const base = row * WIDTH;
    const flags = v[base + C.flags] ?? 0;
    const logged = v[base + C.loggedCost] ?? NaN;
    into.isSidechain = (flags & EntryFlag.sidechain) !== 0;
    into.hasSpeed = (flags & EntryFlag.hasSpeed) !== 0;
    into.totalTokens =
      (v[base + C.input] ?? 0) +
      (v[base + C.output] ?? 0) +
      (v[base + C.cacheWrite5m] ?? 0) +
      (v[base + C.cacheWrite1h] ?? 0) +
      (v[base + C.cacheRead] ?? 0);
    into.cost = Number.isNaN(logged) ? (v[base + C.calculatedCost] ?? 0) : logged;
  }
}

/** The index of `value` in `table`, added at the end if new (`index` maps values to indexes). */
export function intern(table: string[], index: Map<string, number>, value: string): number {
  let found = index.get(value);
  if (found === undefined) {
    found = table.length;
    table.push(value);
    index.set(value, found);
  }
  return found;
}

/** Bits of `UsageEntries.flags`. */
export const EntryFlag = {
  sidechain: 1,
  /** Logged with `speed: "fast"`. */
  fast: 2,
  /** The line stated a `speed` at all (ccusage's last tie-break). */
  hasSpeed: 4,
  /** An advisor iteration billed as its own response. */
  advisor: 8,
} as const;

/** The transcript file an entry came from, as reports name it. */
export interface EntrySource {
  /** From the path: the file name, or the parent session's folder for sub-agent files. */
  readonly sessionId: string;
  /** The project folder under `projects/`. */
  readonly projectPath: string;
  /** The file is gone (Claude Code deletes old transcripts); its entries are kept. */
  readonly retained: boolean;
}

/**
 * The counted responses (one per response after de-duplication), column by column so a
 * gigabyte of transcripts aggregates in milliseconds. Index `i` of every column is one entry.
 */
export interface UsageEntries {
  readonly count: number;
  /** epoch ms */
  readonly timestamp: ArrayLike<number>;
  readonly input: ArrayLike<number>;
  readonly output: ArrayLike<number>;
  /** 5-minute cache writes (all cache writes for lines without a breakdown). */
  readonly cacheWrite5m: ArrayLike<number>;
  readonly cacheWrite1h: ArrayLike<number>;
  readonly cacheRead: ArrayLike<number>;
  /** Cost from the price table; 0 for unpriced models. */
  readonly calculatedCost: ArrayLike<number>;
  /** The line's `costUSD`; NaN when absent. */
  readonly loggedCost: ArrayLike<number>;
  /** Index into `models`; -1 for none (no model, or `<synthetic>`). */
  readonly model: ArrayLike<number>;
  readonly flags: ArrayLike<number>;
  /** Index into `sources`. */
  readonly source: ArrayLike<number>;
  readonly models: readonly string[];
  readonly sources: readonly EntrySource[];
  /** Per entry of `models`: whether the price table knows it. */
  readonly priced: readonly boolean[];
}

/**
 * The same entries with every column read once into a plain object: a report reads each column
 * tens of thousands of times, and a getter per read costs more than the sums (most of a one-shot
 * run's report runs before the JIT has optimised it).
 */
export function plainEntries(entries: UsageEntries): UsageEntries {
  return {
    count: entries.count,
    timestamp: entries.timestamp,
    input: entries.input,
    output: entries.output,
    cacheWrite5m: entries.cacheWrite5m,
    cacheWrite1h: entries.cacheWrite1h,
    cacheRead: entries.cacheRead,
    calculatedCost: entries.calculatedCost,
    loggedCost: entries.loggedCost,
    model: entries.model,
    flags: entries.flags,
    source: entries.source,
    models: entries.models,
    sources: entries.sources,
    priced: entries.priced,
  };
}

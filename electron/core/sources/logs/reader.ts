import { dirname } from 'node:path';
import type { LogsSummary } from '../../../../shared/domain/logs-summary';
import type { UsageEntries } from '../../../../shared/domain/logs/entries';
import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceTable,
} from '../../../../shared/domain/logs/prices';
import type { UsageBlock } from '../../../../shared/domain/logs/blocks';
import {
  latestBlock,
  summarizeEntries,
  type LogsProblems,
} from '../../../../shared/domain/logs/summary';
import { scanChanges, type TreeState } from './change-scan';
import { EntryTable } from './entry-table';
import type { FileReset, FileScanTask } from './file-scan';
import { loadIndex, saveIndex } from './index-file';
import type { IndexedFile } from './index-schema';
import { createScanner, type Scanner } from './scan-pool';
import { watchTree } from './watch-tree';

/** How to create a reader. */
export interface LogsReaderOptions {
  /** `projects/` folders to read (see `logsRoots`). */
  readonly roots: readonly string[];
  /** Where the index lives (see `logsIndexPath`). */
  readonly indexPath: string;
  readonly prices?: PriceTable;
  /** epoch ms; defaults to Date.now. */
  readonly clock?: () => number;
  /** Worker threads for large reads: 0 reads on the calling thread. Default: cores − 1, at least 1. */
  readonly threads?: number;
  /** The bundled worker (`dist/logs-worker.cjs`); without one, reads stay on the calling thread. */
  readonly workerScript?: string | null;
  /** Reads smaller than this stay on the calling thread (default 32 MB). */
  readonly threadThresholdBytes?: number;
  /**
   * false: large reads happen on worker threads only, this thread merges (see ScannerOptions).
   * Default true.
   */
  readonly readOnCallingThread?: boolean;
  /**
   * 0 (default): a refresh that changed something writes the index before it resolves. More:
   * write at most that often (a long-lived reader; `close()` writes what is pending).
   */
  readonly persistDelayMs?: number;
  /** `watch()`'s periodic check when file events are missed. Default 30 s. */
  readonly pollMs?: number;
}

/** What one refresh did. */
export interface LogsRefresh {
  /** Live transcript files. */
  readonly files: number;
  /** Files read (new, grown or changed). */
  readonly filesRead: number;
  readonly bytesRead: number;
  /** Responses counted for the first time / counted again with a larger usage. */
  readonly added: number;
  readonly replaced: number;
  /** Files that disappeared (their entries are retained). */
  readonly deleted: number;
  /** Malformed lines found by this refresh. */
  readonly malformedLines: number;
  /** Why every live file was read again (a file shrank or was replaced; a corrupt index); or null. */
  readonly rebuilt: string | null;
  /** Worker threads that read a share of the files (0: all read on the calling thread). */
  readonly threads: number;
  readonly durationMs: number;
}

/** A fault a user should hear about, with what to do. */
export interface LogsNotice {
  readonly kind: 'index-rebuilt' | 'rescanned';
  readonly message: string;
}

/** The long-lived reader the app and `pacewatch watch` keep in memory. */
export interface LogsReader {
  /** Reads what is new since the last refresh (on first call: the index, then the changes). */
  refresh(): Promise<LogsRefresh>;
  /** The popover's snapshot at `now`; days in `timeZone`, else (undefined or null) the machine's. */
  summary(now: number, timeZone?: string | null): LogsSummary;
  /** Every counted response, for reports. */
  entries(): UsageEntries;
  /** Malformed lines, unreadable files, and index notices so far. */
  problems(): LogsProblems & {
    readonly unreadable: readonly { path: string; error: string }[];
    readonly notices: readonly LogsNotice[];
  };
  /** Calls `onChange` after a refresh triggered by file events or the periodic check found something. */
  watch(onChange: () => void): () => void;
  /**
   * Prices every counted response again with `prices` (the daily refresh brought new rows), once
   * a read in progress finished; the index is written with them.
   */
  setPrices(prices: PriceTable): Promise<void>;
  /** Writes the index now if it changed. */
  persist(): void;
  /** Stops timers and threads, writes a pending index. */
  close(): void;
}

/** Creates a reader; nothing is read until the first `refresh()`. */
export function createLogsReader(options: LogsReaderOptions): LogsReader {
  return new Reader(options);
}

const DAY_MS = 86_400_000;
/** Folders watched for being the last to change (where watching is folder by folder). */
const WATCHED_RECENT = 128;
/**
 * Entries of deleted transcripts keep full detail this long (Claude Code deletes after 30 days):
 * a recently moved or restored transcript is still recognised line by line and not counted twice.
 */
const KEEP_DETAIL_MS = 35 * DAY_MS;

const RESET_WORDS: Readonly<Record<FileReset, string>> = {
  shrunk: 'shrank',
  replaced: 'was replaced',
  edited: 'was changed in place',
};

interface Totals {
  threads: number;
  filesRead: number;
  bytesRead: number;
  added: number;
  replaced: number;
  malformedLines: number;
}

class Reader implements LogsReader {
  readonly #options: LogsReaderOptions;
  #prices: PriceTable;
  readonly #clock: () => number;
  #table: EntryTable;
  #state: TreeState = { files: [], byPath: new Map(), dirs: new Map() };
  #loaded = false;
  #dirty = false;
  #notices: LogsNotice[] = [];
  #unreadableDirs: { path: string; error: string }[] = [];
  #scanner: Scanner | null = null;
  #persistTimer: NodeJS.Timeout | null = null;
  #running: Promise<LogsRefresh> | null = null;
  #lastCompaction = -Infinity;
  /** The latest block, computed once per change of the entries. */
  #latest: { table: EntryTable; version: number; block: UsageBlock | null } | null = null;
  /** No usable index was found: the first refresh reads everything. */
  #cold = false;

  constructor(options: LogsReaderOptions) {
    this.#options = options;
    this.#prices = options.prices ?? createPriceTable(DEFAULT_PRICE_ROWS);
    this.#clock = options.clock ?? Date.now;
    this.#table = new EntryTable(this.#prices);
  }

  refresh(): Promise<LogsRefresh> {
    // Single-flight: a refresh asked for during one joins it.
    this.#running ??= this.#refresh().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #refresh(): Promise<LogsRefresh> {
    const started = performance.now();
    let rebuilt = this.#loaded ? null : this.#load();
    // Without an index everything will be read: start the worker threads while the tree is walked,
    // and do not look up the size of every new file (the threads share files without it).
    const cold = this.#cold;
    if (cold) this.#scannerFor().prewarm();
    this.#cold = false;
    const changes = scanChanges(this.#state, this.#options.roots, this.#clock(), !cold);
    this.#unreadableDirs = changes.unreadableDirs;
    const totals: Totals = {
      threads: 0,
      filesRead: 0,
      bytesRead: 0,
      added: 0,
      replaced: 0,
      malformedLines: 0,
    };
    const reset = await this.#read(
      changes.changed,
      changes.unsized > 0 ? Infinity : changes.pendingBytes,
      totals,
    );
    if (reset !== null) {
      rebuilt = reset;
      this.#notices.push({
        kind: 'rescanned',
        message: `${reset}: read every transcript again so nothing is counted twice or lost.`,
      });
      await this.#rebuild(totals);
    }
    this.#syncSources();
    if (changes.deleted.length > 0 || totals.filesRead > 0 || rebuilt !== null) this.#dirty = true;
    this.#compact(changes.deleted.length > 0);
    this.#schedulePersist();
    return {
      files: this.#state.byPath.size,
      deleted: changes.deleted.length,
      rebuilt,
      durationMs: performance.now() - started,
      ...totals,
    };
  }

  /**
   * Reads files (in path order) and adds their records as each result arrives. Returns why a
   * rebuild is needed (a file that was read before shrank or was replaced), or null.
   */
  async #read(
    ids: readonly number[],
    pendingBytes: number,
    totals: Totals,
  ): Promise<string | null> {
    if (ids.length === 0) return null;
    const tasks = ids.map((id) => this.#task(id));
    // Reserve once for a large read, rather than grow the table a dozen times: about one counted
    // response per 12 kB of transcript; on a first read, where sizes were not looked up, 32 per
    // file (room a smaller tree leaves unused is never touched, so it is not resident).
    this.#table.reserve(
      Number.isFinite(pendingBytes) ? Math.ceil(pendingBytes / 12_000) : tasks.length * 32,
    );
    let reset: string | null = null;
    totals.filesRead += tasks.length;
    const threads = await this.#scannerFor().scan(tasks, pendingBytes, (position, result) => {
      const file = this.#state.files[ids[position] as number] as IndexedFile;
      if (reset !== null) return;
      if (!result.ok) {
        file.error = result.error;
        return;
      }
      if (result.reset !== null && file.offset > 0) {
        reset = `${file.path} ${RESET_WORDS[result.reset]}`;
        return;
      }
      const added = this.#table.addBatch(result.batch, ids[position] as number);
      totals.added += added.added;
      totals.replaced += added.replaced;
      totals.bytesRead += result.bytesRead;
      totals.malformedLines += result.malformed;
      Object.assign(file, result.identity, {
        offset: result.offset,
        error: null,
        malformed: file.malformed + result.malformed,
      });
    });
    totals.threads = Math.max(totals.threads, threads);
    return reset;
  }

  #scannerFor(): Scanner {
    this.#scanner ??= createScanner({
      prices: this.#prices,
      threads: this.#options.threads,
      workerScript: this.#options.workerScript || null,
      ...(this.#options.threadThresholdBytes === undefined
        ? {}
        : { threadThresholdBytes: this.#options.threadThresholdBytes }),
      ...(this.#options.readOnCallingThread === undefined
        ? {}
        : { readOnCallingThread: this.#options.readOnCallingThread }),
    });
    return this.#scanner;
  }

  /** Drops what live files contributed and reads them all again; deleted files' entries stay. */
  async #rebuild(totals: Totals): Promise<void> {
    this.#table.retainOnly((source) => this.#state.files[source]?.deleted === true);
    const ids = [...this.#state.byPath.values()].sort((a, b) =>
      compare(this.#state.files[a]?.path ?? '', this.#state.files[b]?.path ?? ''),
    );
    let bytes = 0;
    for (const id of ids) {
      const file = this.#state.files[id] as IndexedFile;
      Object.assign(file, { offset: 0, headLength: 0, tailLength: 0, malformed: 0, error: null });
      bytes += Math.max(0, file.size);
    }
    await this.#read(ids, bytes, totals);
  }

  /**
   * Folds old entries of deleted transcripts (see EntryTable.compactRetained) when files were
   * deleted, and once a day: retained history stays small however long Pacewatch runs.
   */
  #compact(deletedNow: boolean): void {
    const now = this.#clock();
    if (!deletedNow && now - this.#lastCompaction < DAY_MS) return;
    this.#lastCompaction = now;
    const files = this.#state.files;
    // Only deleted transcripts' entries fold: without any, there is nothing to look through.
    if (!files.some((file) => file.deleted)) return;
    const folded = this.#table.compactRetained(
      (source) => files[source]?.deleted === true,
      now - KEEP_DETAIL_MS,
    );
    if (folded > 0) this.#dirty = true;
  }

  #task(id: number): FileScanTask {
    const file = this.#state.files[id] as IndexedFile;
    return {
      path: file.path,
      offset: file.offset,
      pathSession: file.sessionId,
      head: file.headLength === 0 ? null : { hash: file.head, length: file.headLength },
      tail: file.tailLength === 0 ? null : { hash: file.tail, length: file.tailLength },
    };
  }

  /** Loads the index; returns a rebuild reason when it was unusable. */
  #load(): string | null {
    this.#loaded = true;
    const loaded = loadIndex(this.#options.indexPath, this.#clock());
    this.#cold = loaded.kind !== 'ok' && this.#options.roots.length > 0;
    if (loaded.kind === 'missing') return null;
    if (loaded.kind === 'corrupt') {
      const where =
        loaded.quarantinedTo === null ? '' : ` (the damaged copy is at ${loaded.quarantinedTo})`;
      this.#notices.push({
        kind: 'index-rebuilt',
        message: `The logs index was unreadable (${loaded.reason}) and was rebuilt from the transcripts${where}; history of deleted transcripts it held is lost.`,
      });
      return `the logs index was unreadable (${loaded.reason})`;
    }
    const { header, table } = loaded;
    if (header.roots.join('\n') !== this.#options.roots.join('\n')) {
      this.#cold = this.#options.roots.length > 0;
      return null;
    }
    this.#table = new EntryTable(this.#prices, table);
    this.#state = {
      files: header.files,
      byPath: new Map(
        header.files.flatMap((file, id) => (file.deleted ? [] : [[file.path, id] as const])),
      ),
      dirs: new Map(header.dirs.map((dir) => [dir.path, dir.mtimeMs])),
    };
    if (header.priceVersion !== this.#prices.version) {
      this.#table.reprice(this.#prices);
      this.#dirty = true;
    }
    this.#syncSources();
    return null;
  }

  #syncSources(): void {
    this.#table.sources = this.#state.files.map((file) => ({
      sessionId: file.sessionId,
      projectPath: file.projectPath,
      retained: file.deleted,
    }));
  }

  #schedulePersist(): void {
    const delay = this.#options.persistDelayMs ?? 0;
    if (!this.#dirty) return;
    if (delay <= 0) {
      this.persist();
      return;
    }
    if (this.#persistTimer !== null) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      this.persist();
    }, delay);
    this.#persistTimer.unref();
  }

  async setPrices(prices: PriceTable): Promise<void> {
    // A read in flight adds rows its scanner priced with the old table: let it land first.
    while (this.#running !== null) await this.#running.catch(() => undefined);
    this.#prices = prices;
    this.#table.reprice(prices);
    // Its threads hold the old table; the next read starts a scanner with this one.
    this.#scanner?.close();
    this.#scanner = null;
    // Before the index is loaded there is nothing to write: loading reprices it (priceVersion).
    if (!this.#loaded) return;
    this.#dirty = true;
    this.#schedulePersist();
  }

  persist(): void {
    if (!this.#dirty) return;
    const data = this.#table.toData();
    const dirs = [...this.#state.dirs].map(([path, mtimeMs]) => ({ path, mtimeMs }));
    saveIndex(
      this.#options.indexPath,
      {
        count: data.count,
        models: [...data.models],
        sessions: [...data.sessions],
        files: this.#state.files,
        dirs,
        roots: [...this.#options.roots],
        priceVersion: this.#prices.version,
      },
      data,
    );
    this.#dirty = false;
  }

  summary(now: number, timeZone?: string | null): LogsSummary {
    if (this.#latest?.version !== this.#table.version || this.#latest.table !== this.#table) {
      this.#latest = {
        table: this.#table,
        version: this.#table.version,
        block: latestBlock(this.#table),
      };
    }
    return summarizeEntries(
      this.#table,
      now,
      timeZone ?? null,
      this.problems(),
      this.#latest.block,
    );
  }

  entries(): UsageEntries {
    return this.#table;
  }

  problems(): LogsProblems & {
    unreadable: { path: string; error: string }[];
    notices: LogsNotice[];
  } {
    const unreadable = [...this.#unreadableDirs];
    let malformedLines = 0;
    for (const file of this.#state.files) {
      malformedLines += file.malformed;
      if (!file.deleted && file.error !== null)
        unreadable.push({ path: file.path, error: file.error });
    }
    return {
      malformedLines,
      unreadableFiles: unreadable.map((entry) => entry.path),
      unreadable,
      notices: [...this.#notices],
    };
  }

  watch(onChange: () => void): () => void {
    return watchTree({
      roots: this.#options.roots,
      pollMs: this.#options.pollMs ?? 30_000,
      folders: () => this.#watchFolders(),
      check: async () => {
        const result = await this.refresh();
        if (result.added + result.replaced + result.deleted > 0 || result.rebuilt !== null)
          onChange();
      },
    });
  }

  /**
   * Where watching is folder by folder (Linux): the roots, the project folders (new sessions
   * appear there), and the folders that changed last (the sessions being written); the periodic
   * check covers the rest. A few hundred watchers, not one per folder of a large tree.
   */
  #watchFolders(): string[] {
    const roots = new Set(this.#options.roots);
    const projects: string[] = [];
    const others: [string, number][] = [];
    for (const [dir, mtimeMs] of this.#state.dirs) {
      if (roots.has(dir)) continue;
      // 0: listed while it still changed, so as recent as it gets.
      if (roots.has(dirname(dir))) projects.push(dir);
      else others.push([dir, mtimeMs === 0 ? Infinity : mtimeMs]);
    }
    others.sort((a, b) => b[1] - a[1]);
    return [...roots, ...projects, ...others.slice(0, WATCHED_RECENT).map(([dir]) => dir)];
  }

  close(): void {
    if (this.#persistTimer !== null) clearTimeout(this.#persistTimer);
    this.#persistTimer = null;
    this.persist();
    this.#scanner?.close();
    this.#scanner = null;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

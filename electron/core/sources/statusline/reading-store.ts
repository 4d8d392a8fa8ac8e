import { readFile } from 'node:fs/promises';
import { recordSuccess } from '../../../../shared/domain/poll-policy';
import type { UsageSample } from '../../../../shared/domain/projection';
import type { Snapshot, UsageWindow } from '../../../../shared/domain/snapshot';
import { emptyRecord } from '../../../../shared/domain/source-record';
import { validEpochMs, validSnapshot, validUtilization } from '../../../../shared/domain/valid';
import type { DataLayout } from '../../stores/data-layout';
import { withFileLock } from '../../stores/file-lock';
import { writeStoredFile } from '../../stores/json-file';
import { runMigrations, type StoredData, type StoredFormat } from '../../stores/migrations';
import { HISTORY_FORMAT, RECORD_FORMAT } from '../../stores/stored-formats';

// The status line's side of the shared cache, on the hot path: read and written without zod.
// What it writes is a full source record (the engine reads it with its schema); what it reads is
// only trusted as far as it checks here, and anything else counts as "no reading".

/** The lock every writer of the statusline cache record takes (the refresher's name for it). */
export const STATUSLINE_LOCK = 'fetch-statusline';
/** How long a status-line run waits for another one's write before giving up on its own. */
const LOCK_WAIT_MS = 2_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The data in the format's current version, upgraded in memory; null when newer or invalid. */
function migrated(data: unknown, format: StoredFormat): StoredData | null {
  if (data === null) return null;
  const outcome = runMigrations(data, format);
  return outcome.kind === 'current' || outcome.kind === 'upgraded' ? outcome.data : null;
}

function toWindow(value: unknown): UsageWindow | null {
  if (!isRecord(value)) return null;
  const { id, label, utilization, resetsAt } = value;
  if (typeof id !== 'string' || typeof label !== 'string') return null;
  if (typeof utilization !== 'number') return null;
  if (resetsAt !== null && typeof resetsAt !== 'number') return null;
  return { id, label, utilization, resetsAt };
}

/** A cached snapshot, and whether the attempt after it failed (its figures are then stale). */
export interface CachedFigures {
  readonly snapshot: Snapshot;
  readonly failed: boolean;
}

/**
 * The cached snapshot of a source, or null when there is none (or it does not check out). Its
 * values pass the same checks as fresh input, so a reading stored by an older version with an
 * impossible value (a reset time of 1e300) loses that value instead of breaking every surface.
 */
export async function readCachedFigures(
  layout: DataLayout,
  /** Another source's cache record has the same shape: the status line reads theirs too. */
  source: 'statusline' | 'oauth' | 'web' = 'statusline',
): Promise<CachedFigures | null> {
  const record = migrated(await readJson(layout.cache(source)), RECORD_FORMAT);
  if (!isRecord(record) || !isRecord(record.snapshot)) return null;
  const { fetchedAt, windows } = record.snapshot;
  if (typeof fetchedAt !== 'number' || !Array.isArray(windows)) return null;
  const checked = windows.map(toWindow);
  if (checked.some((window) => window === null)) return null;
  const snapshot = validSnapshot({
    source,
    fetchedAt,
    windows: checked.filter((window): window is UsageWindow => window !== null),
    extraUsage: null,
  });
  return snapshot === null ? null : { snapshot, failed: isRecord(record.error) };
}

/** The cached status-line snapshot alone (see readCachedFigures). */
export async function readCachedReading(layout: DataLayout): Promise<Snapshot | null> {
  return (await readCachedFigures(layout))?.snapshot ?? null;
}

/**
 * Writes a reading into the shared cache unless a newer one is already there: last writer wins
 * by the reading's time, never by who writes last. Under the source's lock, so two runs cannot
 * interleave read and write; the write itself is atomic. Returns whether it was written.
 */
export async function recordReading(layout: DataLayout, snapshot: Snapshot): Promise<boolean> {
  return withFileLock(
    layout.lock(STATUSLINE_LOCK),
    async () => {
      const current = await readCachedReading(layout);
      if (current !== null && current.fetchedAt > snapshot.fetchedAt) return false;
      const record = recordSuccess(emptyRecord('statusline'), snapshot, snapshot.fetchedAt);
      // A record a newer Pacewatch wrote is left as it is: this reading is then not kept.
      return (await writeStoredFile(layout.cache('statusline'), RECORD_FORMAT, record)) === null;
    },
    LOCK_WAIT_MS,
  );
}

/** One window's readings from the history file: [at, utilization, resetsAt]. */
export type Readings = ReadonlyMap<string, readonly (readonly [number, number, number | null])[]>;

function isPoint(value: unknown): value is [number, number, number | null] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    validEpochMs(value[0]) !== null &&
    validUtilization(value[1]) === value[1] &&
    (value[2] === null || validEpochMs(value[2]) !== null)
  );
}

/** The history's readings of the given windows; empty when the file is missing or damaged. */
export async function readReadings(
  layout: DataLayout,
  windowIds: readonly string[],
): Promise<Readings> {
  const history = migrated(await readJson(layout.history('statusline')), HISTORY_FORMAT);
  const readings = new Map<string, (readonly [number, number, number | null])[]>();
  if (!isRecord(history) || !isRecord(history.series)) return readings;
  for (const id of windowIds) {
    const points = history.series[id];
    // A point no surface could show is left out; the rest of the window's readings still count.
    const kept = Array.isArray(points) ? points.filter(isPoint) : [];
    if (kept.length > 0) readings.set(id, kept);
  }
  return readings;
}

/** The samples a window's projection may use: its readings from the same kind of period. */
export function samplesOf(readings: Readings, window: UsageWindow): UsageSample[] {
  const points = readings.get(window.id) ?? [];
  // projectWindow keeps the readings since the window's start; without a reset time there is no
  // start, so only the trailing readings that had none either belong to this stretch.
  let from = 0;
  if (window.resetsAt === null) {
    from = points.length;
    while (from > 0 && points[from - 1]?.[2] === null) from--;
  }
  return points.slice(from).map(([at, utilization]) => ({ at, utilization }));
}

const HISTORY_STEP_MS = 2 * 60_000;
const SAME_RESET_MS = 60_000;

/**
 * Whether this reading should go into the history: the history keeps one reading per 2 minutes
 * anyway, so a run appends only when the last reading of a window is older than that, is from
 * another period, or is missing. Most prompts then skip the history (and its zod schema).
 */
export function historyDue(readings: Readings, snapshot: Snapshot): boolean {
  return snapshot.windows.some((window) => {
    const last = readings.get(window.id)?.at(-1);
    if (last === undefined) return true;
    const [at, , resetsAt] = last;
    const samePeriod =
      resetsAt === window.resetsAt ||
      (resetsAt !== null &&
        window.resetsAt !== null &&
        Math.abs(resetsAt - window.resetsAt) <= SAME_RESET_MS);
    return !samePeriod || snapshot.fetchedAt - at >= HISTORY_STEP_MS || snapshot.fetchedAt < at;
  });
}

/** Appends the reading to the history file (loads the history module only now). */
export async function appendReading(layout: DataLayout, snapshot: Snapshot): Promise<void> {
  const [{ appendSnapshot, compactHistory }, { historyStore }] = await Promise.all([
    import('../../../../shared/domain/history'),
    import('../../stores/history-store'),
  ]);
  await withFileLock(
    layout.lock('history-statusline'),
    async () => {
      const store = historyStore(layout, 'statusline');
      const loaded = await store.load();
      await store.save(compactHistory(appendSnapshot(loaded.value, snapshot), snapshot.fetchedAt));
    },
    LOCK_WAIT_MS,
  );
}

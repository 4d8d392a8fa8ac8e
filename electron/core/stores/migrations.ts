/**
 * Stored formats evolve (electron/core/stores/README.md). Each file in the data dir says which
 * version of its format it holds; a table maps each version to the function that upgrades the
 * version before it, as sindresorhus/conf's `migrations` option does with its keys.
 */

/** Plain JSON data as read from a file. */
export type StoredData = Record<string, unknown>;

/** Turns data of the version before `to` into version `to`; pure, and never sees `version`. */
export type Migration = (data: StoredData) => StoredData;

/** One stored format: the version this program writes, and how to reach it from older ones. */
export interface StoredFormat {
  /** The file's name in sentences, e.g. "settings.json" or "a cached source record". */
  readonly name: string;
  /** The version this program reads and writes. */
  readonly current: number;
  /** Keyed by the version each function produces (2 … current); version 1 has none. */
  readonly migrations: Readonly<Record<number, Migration>>;
}

/** What the runner made of a file's data. */
export type MigrationOutcome =
  | { readonly kind: 'current'; readonly data: StoredData }
  | { readonly kind: 'upgraded'; readonly from: number; readonly data: StoredData }
  /** Written by a newer program: to be left as it is. */
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Brings data to the format's current version. A file written before files carried a version
 * is version 1. The result carries `version: current`; the input is not changed.
 */
export function runMigrations(data: unknown, format: StoredFormat): MigrationOutcome {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { kind: 'invalid', reason: 'not a JSON object' };
  }
  const { version = 1, ...rest } = data as StoredData;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      kind: 'invalid',
      reason: `version ${JSON.stringify(version)} is not a format version`,
    };
  }
  if (version > format.current) return { kind: 'newer', version };
  let upgraded: StoredData = rest;
  for (let to = version + 1; to <= format.current; to++) {
    const migration = format.migrations[to];
    if (migration === undefined) throw new Error(`${format.name}: no migration to version ${to}`);
    upgraded = migration(upgraded);
  }
  const result = { ...upgraded, version: format.current };
  return version === format.current
    ? { kind: 'current', data: result }
    : { kind: 'upgraded', from: version, data: result };
}

/** The sentence for a file a newer Pacewatch wrote: what happened, and what to do. */
export function newerFormatProblem(path: string, format: StoredFormat, version: number): string {
  return (
    `${path} was written by a newer Pacewatch (format ${version}; this one reads up to ` +
    `${format.current}), so it is left as it is and not used. Update Pacewatch to use it.`
  );
}

import { basename } from 'node:path';
import { readJsonFile, writeStoredFile, type Recover } from './json-file';
import { newerFormatProblem, type StoredFormat } from './migrations';
import type { Schema } from '../../../shared/domain/schema';

/** A loaded state file, and the problem to report when it had to be rebuilt. */
export interface Loaded<T> {
  readonly value: T;
  readonly problem: string | null;
}

/** One JSON state file with a schema and an empty value to rebuild from. */
export interface JsonStore<T> {
  readonly path: string;
  load(): Promise<Loaded<T>>;
  /** Writes in the current version; returns a sentence, and writes nothing, when a newer Pacewatch wrote the file. */
  save(value: T): Promise<string | null>;
}

/**
 * A versioned state file that loads the empty value when missing; upgrades an older version
 * through its format's migrations; leaves one a newer Pacewatch wrote untouched (loading the
 * empty value) and says so; and when damaged quarantines it, rebuilds from empty and says so in
 * a sentence the surfaces can show.
 */
export function jsonStore<T extends object>(
  path: string,
  schema: Schema<T>,
  empty: () => T,
  format: StoredFormat,
  /** Field-by-field recovery of a file the schema refuses; without it, the file is rebuilt. */
  recover?: Recover<T>,
): JsonStore<T> {
  const newer = (version: number) => newerFormatProblem(path, format, version);
  return {
    path,
    async load() {
      const read = await readJsonFile(path, schema, format, Date.now(), recover);
      if (read.kind === 'ok') {
        return { value: read.value, problem: droppedProblem(path, read.dropped) };
      }
      if (read.kind === 'missing') return { value: empty(), problem: null };
      if (read.kind === 'newer') return { value: empty(), problem: newer(read.version) };
      return {
        value: empty(),
        problem: `Pacewatch's ${basename(path)} was damaged (${read.reason}); it was rebuilt and the damaged copy kept at ${read.quarantinedTo}.`,
      };
    },
    async save(value) {
      const version = await writeStoredFile(path, format, value);
      return version === null ? null : newer(version);
    },
  };
}

/** The sentence for fields a recovery dropped: which, why, and that the rest is kept. */
function droppedProblem(path: string, dropped: readonly string[]): string | null {
  if (dropped.length === 0) return null;
  const fields = dropped.length === 1 ? 'this setting was' : 'these settings were';
  return `In ${path}, ${fields} not usable and left at the default: ${dropped.join('; ')}. Every other setting is kept; fix or remove ${dropped.length === 1 ? 'it' : 'them'} in that file, or save Settings again.`;
}

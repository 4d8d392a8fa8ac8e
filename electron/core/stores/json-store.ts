import { basename } from 'node:path';
import type { z } from 'zod';
import { readJsonFile, writeStoredFile } from './json-file';
import { newerFormatProblem, type StoredFormat } from './migrations';

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
  schema: z.ZodType<T>,
  empty: () => T,
  format: StoredFormat,
): JsonStore<T> {
  const newer = (version: number) => newerFormatProblem(path, format, version);
  return {
    path,
    async load() {
      const read = await readJsonFile(path, schema, format);
      if (read.kind === 'ok') return { value: read.value, problem: null };
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

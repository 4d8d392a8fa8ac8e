import { basename } from 'node:path';
import type { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/** A loaded state file, and the problem to report when it had to be rebuilt. */
export interface Loaded<T> {
  readonly value: T;
  readonly problem: string | null;
}

/** One JSON state file with a schema and an empty value to rebuild from. */
export interface JsonStore<T> {
  readonly path: string;
  load(): Promise<Loaded<T>>;
  save(value: T): Promise<void>;
}

/**
 * A state file that loads the empty value when missing, and when damaged quarantines it,
 * rebuilds from empty and says so in a sentence the surfaces can show.
 */
export function jsonStore<T>(path: string, schema: z.ZodType<T>, empty: () => T): JsonStore<T> {
  return {
    path,
    async load() {
      const read = await readJsonFile(path, schema);
      if (read.kind === 'ok') return { value: read.value, problem: null };
      if (read.kind === 'missing') return { value: empty(), problem: null };
      return {
        value: empty(),
        problem: `Pacewatch's ${basename(path)} was damaged (${read.reason}); it was rebuilt and the damaged copy kept at ${read.quarantinedTo}.`,
      };
    },
    save: (value) => writeJsonFile(path, value),
  };
}

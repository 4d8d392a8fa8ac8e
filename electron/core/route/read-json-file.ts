import { readFile } from 'node:fs/promises';
import type { FileProblem } from '../../../shared/domain/route/route-facts';
import { displayPath } from './display-path';

/** A JSON file read for the route check: parsed, missing, or a problem to report. */
export type JsonRead =
  | { readonly kind: 'found'; readonly value: unknown }
  | { readonly kind: 'missing' }
  | { readonly kind: 'problem'; readonly problem: FileProblem };

/** Reads and parses one JSON file; never throws for a missing, unreadable or malformed file. */
export async function readJsonFile(path: string, home: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return {
      kind: 'problem',
      problem: { file: displayPath(path, home), kind: 'unreadable', code },
    };
  }
  try {
    return { kind: 'found', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'problem', problem: { file: displayPath(path, home), kind: 'malformed' } };
  }
}

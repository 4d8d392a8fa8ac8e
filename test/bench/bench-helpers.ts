// Bundled by logs-bench.mjs (esbuild) so the benchmark can drive the generator and an in-process
// reader without a TypeScript runtime. Not part of `npm test`.
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { createLogsReader, type LogsReader } from '../../electron/core/sources/logs/reader';
import { generateTree, type TreeStats } from '../fakes/transcripts/tree';

export { createLogsReader, generateTree };
export type { LogsReader, TreeStats };

/** Every transcript under a folder, largest first. */
function transcripts(dir: string): { path: string; size: number }[] {
  const found: { path: string; size: number }[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.jsonl')) found.push({ path, size: stat.size });
    }
  };
  walk(dir);
  return found.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
}

/**
 * Appends `bytes` (to the last whole line) of new, realistic transcript lines — a freshly
 * generated session, so new responses — spread over three existing transcripts, as Claude Code
 * does while sessions run. Returns the byte count and an undo that truncates them back.
 */
export function appendToTree(
  projects: string,
  scratch: string,
  bytes: number,
  seed: number,
): { appended: number; undo: () => void } {
  rmSync(scratch, { recursive: true, force: true });
  generateTree({
    root: scratch,
    seed,
    startAt: Date.UTC(2026, 10, 20),
    days: 1,
    targetBytes: bytes * 2,
  });
  const pool = Buffer.concat(
    transcripts(join(scratch, 'projects')).map((file) => readFileSync(file.path)),
  );
  rmSync(scratch, { recursive: true, force: true });
  const text = pool.subarray(0, pool.lastIndexOf(10, bytes - 1) + 1);
  const targets = transcripts(projects).slice(0, 3);
  const original = targets.map((target) => ({ ...target }));
  let start = 0;
  targets.forEach((target, index) => {
    const end =
      index === targets.length - 1
        ? text.length
        : text.lastIndexOf(10, Math.floor(((index + 1) * text.length) / targets.length)) + 1;
    appendFileSync(target.path, text.subarray(start, end));
    start = end;
  });
  return {
    appended: text.length,
    undo: () => {
      for (const file of original) truncateSync(file.path, file.size);
    },
  };
}

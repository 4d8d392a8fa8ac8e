import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliWorld } from '../support/cli-world';

// Defect 9 of the fault audit: temp files left by killed writers (`history/oauth.json.<n>`) were
// never cleaned up. Each start now removes the ones no live writer can own: an atomic write's
// temp older than ten minutes, a lock moved aside by a process that is gone.

const newWorld = useCliWorld();

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function leave(path: string, ageMs: number): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '{"half":');
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(path, at, at);
  return path;
}

describe('temp files left by killed writers', () => {
  it('are removed on the next start when no live writer can own them; nothing else is', async () => {
    const world = await newWorld({ signedIn: false });
    const dir = world.dataDir;
    const hour = 3_600_000;
    const abandoned = [
      leave(join(dir, 'history', 'oauth.json.2716123456'), hour),
      leave(join(dir, 'cache', 'oauth.json.12345'), 11 * 60_000),
      leave(join(dir, 'alerts.json.4000000000'), 24 * hour),
      leave(join(dir, 'locks', `fetch-oauth.dead-${deadPid()}-1764900000000`), 0),
      leave(join(dir, 'logs-index', `0123abcd.bin.${deadPid()}.tmp`), 0),
    ];
    const kept = [
      // A write in progress in another process: young.
      leave(join(dir, 'cache', 'statusline.json.987654'), 5_000),
      // A lock aside whose mover is alive (this test's own process) and that is young.
      leave(join(dir, 'locks', `fetch-web.dead-${process.pid}-1764900000000`), 0),
      leave(join(dir, 'logs-index', `0123abcd.bin.${process.pid}.tmp`), 0),
      // A damaged file moved aside on purpose, for the user to look at.
      leave(join(dir, 'cache', 'oauth.json.corrupt-2026-12-05T01-00-00-000Z'), 24 * hour),
      leave(join(dir, 'notes.txt.1'), 24 * hour),
    ];
    const line = await world.run(['statusline'], {
      stdin: JSON.stringify({ rate_limits: { five_hour: { used_percentage: 23 } } }),
    });
    expect(line.stdout).toBe('5h 23%\n');
    const run = await world.run(['status', '--source', 'statusline']);
    expect(run.stdout).toContain('23%');
    expect(run.code).toBe(0);
    expect(abandoned.filter((path) => existsSync(path))).toEqual([]);
    expect(kept.filter((path) => !existsSync(path))).toEqual([]);
  });
});

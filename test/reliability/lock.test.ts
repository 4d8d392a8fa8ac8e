import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../electron/core/stores/file-lock';
import { assertBuilt } from '../support/cli';
import { useCliWorld } from '../support/cli-world';
import { useTempDir } from '../support/temp-dir';

// Defect 2 of the fault audit: a lock left by a killed `status --refresh` made the next run wait
// 30 s and then fail with the library's raw "Lock file is already being held". The lock now names
// its holder (pid, start time, host): a dead holder's lock is taken over at once, and a live one
// is waited for no longer than the request timeout, ending with the cached figures and a sentence.

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pacewatch.cjs');
const HOUR = 3_600_000;
const tempDir = useTempDir('pacewatch-lock-');
const newWorld = useCliWorld();

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

function usage(session: number) {
  const resetsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString();
  return {
    five_hour: { utilization: session, resets_at: resetsAt },
    seven_day: { utilization: 61, resets_at: resetsAt },
  };
}

describe('the lock on a data dir', () => {
  it("takes over a dead holder's lock at once (no wait allowed)", async () => {
    const path = join(tempDir(), 'locks', 'fetch-oauth');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: deadPid(), started: '1', host: hostname() }),
    );
    await expect(withFileLock(path, () => Promise.resolve('ran'), 0)).resolves.toBe('ran');
  });

  it('takes over a lock whose pid now belongs to a later process', async () => {
    const path = join(tempDir(), 'fetch-oauth');
    const reused = { pid: process.pid, started: `${startTime(process.pid)}0`, host: hostname() };
    writeFileSync(`${path}.lock`, JSON.stringify(reused));
    await expect(withFileLock(path, () => Promise.resolve('ran'), 0)).resolves.toBe('ran');
  });

  it('waits for a live holder and runs once it lets go; one holder at a time', async () => {
    const path = join(tempDir(), 'fetch-oauth');
    const order: string[] = [];
    const hold = (name: string) =>
      withFileLock(
        path,
        async () => {
          order.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`${name} out`);
        },
        10_000,
      );
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    expect(order.filter((_, index) => index % 2 === 0).map((step) => step.split(' ')[1])).toEqual([
      'in',
      'in',
      'in',
    ]);
    expect(order.filter((step) => step.endsWith('out'))).toHaveLength(3);
  });

  it('a status --refresh killed mid-fetch does not hold up the next one', async () => {
    assertBuilt();
    const world = await newWorld();
    world.api.respond((_req, index) =>
      index === 1 ? { hang: true } : { body: usage(42 + index) },
    );
    expect((await world.run(['status', '--refresh'])).code).toBe(0);
    const killed = spawn(process.execPath, [BIN, 'status', '--refresh'], { env: world.env });
    for (let waited = 0; waited < 15_000 && world.api.requests.length < 2; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.on('close', resolve));
    const next = await world.run(['status', '--refresh']);
    expect(next.stderr).not.toContain('already being held');
    expect(next.code).toBe(0);
    expect(world.api.requests).toHaveLength(3);
    expect(next.stdout).toContain('44%');
  });

  it('a live holder: waits no longer than the request timeout, then shows the cached figures and says why', async () => {
    const world = await newWorld();
    world.api.respond({ body: usage(42) });
    expect((await world.run(['status', '--refresh'])).code).toBe(0);
    world.settings({ requestTimeoutSeconds: 1 });
    const self = { pid: process.pid, started: startTime(process.pid), host: hostname() };
    writeFileSync(join(world.dataDir, 'locks', 'fetch-oauth.lock'), JSON.stringify(self));
    const run = await world.run(['status', '--refresh', '--source', 'oauth'], {
      timeoutMs: 10_000,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('42%');
    expect(run.stderr).toContain(
      'Another Pacewatch process is still fetching oauth usage; showing the figures stored before. Try again in a minute.',
    );
    expect(run.stderr).not.toContain('already being held');
    expect(world.api.requests).toHaveLength(1);
  });
});

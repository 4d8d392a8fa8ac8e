import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from '../support/cli';
import { useCliWorld, type CliWorld } from '../support/cli-world';

// Defect 3 of the fault audit: `watch` sometimes died from its own SIGTERM/SIGINT (exit 143/130)
// because its `process.once` handlers removed themselves and a copy of signal-exit then saw no
// listener but its own and re-raised the signal. That happened when the signal came during an
// atomic write; here a preloaded fixture keeps such a write's handler registered throughout
// (fixtures/signal-exit-writer.cjs), and each run stops `watch` after a poll was stored or with a
// request in flight, many times over.

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pacewatch.cjs');
const WRITER = join(import.meta.dirname, 'fixtures', 'signal-exit-writer.cjs');
const RUNS = 16;
const AT_ONCE = 8;
const newWorld = useCliWorld();

type Moment = 'after a poll was stored' | 'with a request in flight';

/** Runs `watch`, waits for `moment`, sends `signal`, and returns how the process ended. */
async function stopWatch(world: CliWorld, signal: NodeJS.Signals, moment: Moment) {
  const child = spawn(process.execPath, [BIN, 'watch', '--interval', '1s'], {
    env: { ...world.env, NODE_OPTIONS: `--require ${WRITER}` },
    stdio: 'pipe',
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, killedBy) => {
      resolve({ code, signal: killedBy });
    }),
  );
  const ready = () =>
    moment === 'after a poll was stored'
      ? stdout.includes('oauth: ')
      : world.api.requests.length >= 2;
  for (let waited = 0; waited < 20_000 && !ready(); waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // Long enough for the fixture to re-register behind the command's own handlers.
  await new Promise((resolve) => setTimeout(resolve, 150));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const ended = await closed;
  clearTimeout(timer);
  return ended;
}

describe('watch stopped by SIGTERM or SIGINT', () => {
  it(`exits 0 every time (${RUNS} runs)`, { timeout: 120_000 }, async () => {
    assertBuilt();
    const outcomes: string[] = [];
    for (let batch = 0; batch < RUNS / AT_ONCE; batch++) {
      const runs = Array.from({ length: AT_ONCE }, async (_, slot) => {
        const index = batch * AT_ONCE + slot;
        const world = await newWorld();
        const moment: Moment =
          index % 4 < 2 ? 'after a poll was stored' : 'with a request in flight';
        // The second request hangs for a while, so "in flight" lasts until the signal.
        world.api.respond((_req, n) => (n === 0 ? {} : { delayMs: 2_000 }));
        const signal: NodeJS.Signals = index % 2 === 0 ? 'SIGTERM' : 'SIGINT';
        const ended = await stopWatch(world, signal, moment);
        return `${signal} ${moment}: code ${String(ended.code)} signal ${String(ended.signal)}`;
      });
      outcomes.push(...(await Promise.all(runs)));
    }
    expect(outcomes.filter((outcome) => !outcome.endsWith('code 0 signal null'))).toEqual([]);
    expect(outcomes).toHaveLength(RUNS);
  });
});

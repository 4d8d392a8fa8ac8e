import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assistantText, transcript, userText } from '../fakes/transcripts/line-factory';
import { assertBuilt, runCli } from '../support/cli';
import { useCliWorld, type CliWorld } from '../support/cli-world';
import { useTempDir } from '../support/temp-dir';

// The fault audit's kill -9 runs, kept bounded: status, report, statusline and watch are killed
// with SIGKILL at many points of their work, over one data dir. After every kill each state file
// still reads as JSON (an atomic write leaves the old file or the new one, never half), and at
// the end the next run of each command completes with nothing left to wait for, and the report
// totals equal a fresh run's exactly.

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pacewatch.cjs');
const HOUR = 3_600_000;
const COMMANDS = ['status', 'report', 'statusline', 'watch'] as const;
const KILLS_PER_COMMAND = 8;
/** Kill moments, in ms after the spawn: spread over start-up, the read, the fetch and the write. */
const KILL_AFTER_MS = [0, 40, 90, 150, 220, 320, 450, 700];
const newWorld = useCliWorld();
const tempDir = useTempDir('pacewatch-kill-fresh-');

/** 3 sessions × 40 responses of 10 input and 100 output tokens, plus the users' lines. */
function writeTranscripts(claudeDir: string): number {
  let responses = 0;
  for (let session = 0; session < 3; session++) {
    const dir = join(claudeDir, 'projects', `-home-dev-p${session}`);
    mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    for (let turn = 0; turn < 40; turn++) {
      lines.push(userText());
      const at = new Date(Date.UTC(2026, 10, 1 + (turn % 5), 9, turn)).toISOString();
      lines.push(
        assistantText({
          session: `s${session}`,
          messageId: `msg_${session}_${turn}`,
          requestId: `req_${session}_${turn}`,
          at,
          input: 10,
          output: 100,
        }),
      );
      responses++;
    }
    writeFileSync(join(dir, `s${session}.jsonl`), transcript(...lines));
  }
  return responses;
}

function usageBody(session: number) {
  const resetsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString();
  return {
    five_hour: { utilization: session, resets_at: resetsAt },
    seven_day: { utilization: 61, resets_at: resetsAt },
  };
}

const STATUS_INPUT = JSON.stringify({
  session_id: 'kill',
  rate_limits: { five_hour: { used_percentage: 33 }, seven_day: { used_percentage: 44 } },
});

function argsFor(command: (typeof COMMANDS)[number]): string[] {
  if (command === 'status') return ['status', '--refresh'];
  if (command === 'report') return ['report', 'daily', '--json'];
  if (command === 'watch') return ['watch', '--interval', '1s'];
  return ['statusline'];
}

/** Starts a command and kills it with SIGKILL `afterMs` later (or when it ends first). */
async function killDuring(world: CliWorld, args: string[], afterMs: number, stdin: string) {
  const child = spawn(process.execPath, [BIN, ...args], { env: world.env, stdio: 'pipe' });
  child.stdout.resume();
  child.stderr.resume();
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin);
  const closed = new Promise<NodeJS.Signals | null>((resolve) => {
    child.on('close', (_code, signal) => {
      resolve(signal);
    });
  });
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
  }, afterMs);
  const signal = await closed;
  clearTimeout(timer);
  return signal === 'SIGKILL';
}

/** Every state file of the data dir that must read as JSON, with the ones that do not. */
function unreadableStateFiles(dir: string): string[] {
  const bad: string[] = [];
  const walk = (at: string) => {
    let names: string[];
    try {
      names = readdirSync(at);
    } catch {
      return; // Not created yet: the first run was killed before writing anything.
    }
    for (const name of names) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        try {
          JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          bad.push(path);
        }
      } else if (name.includes('.corrupt-')) bad.push(path);
    }
  };
  walk(dir);
  return bad;
}

describe('kill -9 at any point', () => {
  it('leaves every state file readable, and the next runs complete with exact totals', async () => {
    assertBuilt();
    const world = await newWorld();
    const claudeDir = join(world.home, '.claude');
    const responses = writeTranscripts(claudeDir);
    let served = 0;
    world.api.respond(() => ({ body: usageBody(20 + (served++ % 50)) }));
    const kills: string[] = [];
    for (let round = 0; round < KILLS_PER_COMMAND; round++) {
      for (const command of COMMANDS) {
        const afterMs = KILL_AFTER_MS[(round + COMMANDS.indexOf(command)) % KILL_AFTER_MS.length];
        await killDuring(world, argsFor(command), afterMs ?? 0, STATUS_INPUT);
        kills.push(command);
        expect(unreadableStateFiles(world.dataDir)).toEqual([]);
      }
    }
    expect(kills).toHaveLength(COMMANDS.length * KILLS_PER_COMMAND);

    // The next run of each: complete, and nothing held by a killed process is waited for.
    world.api.respond({ body: usageBody(42) });
    const status = await world.run(['status', '--json', '--refresh', '--source', 'oauth']);
    expect(status.code).toBe(0);
    expect(status.stderr).not.toContain('still fetching');
    expect(JSON.parse(status.stdout)).toMatchObject({
      source: 'oauth',
      stale: false,
      error: null,
      windows: [
        { id: 'five_hour', utilization: 42 },
        { id: 'seven_day', utilization: 61 },
      ],
    });
    const line = await world.run(['statusline'], { stdin: STATUS_INPUT });
    expect(line).toMatchObject({ code: 0, stderr: '' });
    expect(line.stdout).toContain('33%');

    const report = await world.run(['report', 'daily', '--json']);
    expect([report.code, report.stderr]).toEqual([0, '']);
    const totals = (JSON.parse(report.stdout) as { totals: Record<string, number> }).totals;
    expect(totals).toMatchObject({
      inputTokens: 10 * responses,
      outputTokens: 100 * responses,
      totalTokens: 110 * responses,
    });
    // The same answer as a run that never saw a kill (a fresh data dir).
    const fresh = await runCli(['report', 'daily', '--json'], {
      env: { ...world.env, PACEWATCH_DATA_DIR: join(tempDir(), 'data') },
    });
    expect(report.stdout).toBe(fresh.stdout);
    expect(unreadableStateFiles(world.dataDir)).toEqual([]);
  }, 240_000);
});

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runStatuslineInstall,
  type InstallIo,
} from '../../../electron/cli/commands/statusline-install';
import { sourceRecordSchema } from '../../../electron/core/stores/record-schema';
import { runCli } from '../../support/cli';
import { useCliWorld, type CliWorld } from '../../support/cli-world';
import { useTempDir } from '../../support/temp-dir';
import { readHistoryFile } from '../../support/history-file';

const HOUR = 3_600_000;
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'pacewatch.cjs');
const newWorld = useCliWorld();
const tempDir = useTempDir('pacewatch-install-');

/** Whole hours ahead, as Claude Code sends them: Unix seconds. */
const sessionReset = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
const weekReset = sessionReset + 70 * HOUR;
const clock = (at: number) => new Date(at).toISOString().slice(11, 16);

function statusInput(limits: object | undefined): string {
  return JSON.stringify({
    session_id: 'abc',
    model: { display_name: 'Opus' },
    ...(limits === undefined ? {} : { rate_limits: limits }),
  });
}

const both = (session = 42, week = 61) => ({
  five_hour: { used_percentage: session, resets_at: sessionReset / 1000 },
  seven_day: { used_percentage: week, resets_at: weekReset / 1000 },
});

function cacheRecord(world: CliWorld) {
  return sourceRecordSchema.parse(
    JSON.parse(readFileSync(join(world.dataDir, 'cache', 'statusline.json'), 'utf8')),
  );
}

describe('pacewatch statusline (subprocess)', () => {
  it('prints one compact line and records the reading in the shared cache', async () => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['statusline'], { stdin: statusInput(both()) });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`5h 42% ↻${clock(sessionReset)} · wk 61%\n`);
    const record = cacheRecord(world);
    expect(record.snapshot?.windows).toEqual([
      { id: 'five_hour', label: 'Session', utilization: 42, resetsAt: sessionReset },
      { id: 'seven_day', label: 'Week', utilization: 61, resetsAt: weekReset },
    ]);
    expect(record.error).toBeNull();
    const history = readHistoryFile(join(world.dataDir, 'history', 'statusline.json'));
    expect(Object.keys(history.series)).toEqual(['five_hour', 'seven_day']);
    expect(world.api.requests).toHaveLength(0);
  });

  it('shows only the windows Claude Code sent', async () => {
    const world = await newWorld({ signedIn: false });
    const week = { seven_day: { used_percentage: 61.9, resets_at: weekReset / 1000 } };
    const run = await world.run(['statusline'], { stdin: statusInput(week) });
    expect(run.stdout).toBe('wk 61%\n');
  });

  it('before the first reply, shows the last reading with its age, or says there is none', async () => {
    const world = await newWorld({ signedIn: false });
    const none = await world.run(['statusline'], { stdin: statusInput(undefined) });
    expect(none).toMatchObject({
      code: 0,
      stdout: "Claude usage: no figures yet (they come with Claude's first reply)\n",
    });
    await world.run(['statusline'], { stdin: statusInput(both()) });
    const later = await world.run(['statusline'], { stdin: statusInput(undefined) });
    expect(later.stdout).toBe(`5h 42% ↻${clock(sessionReset)} · wk 61% · just now\n`);
    expect(cacheRecord(world).snapshot?.windows).toHaveLength(2);
  });

  it('with {} on stdin, shows the freshest figures another surface put in the shared cache', async () => {
    const world = await newWorld({ signedIn: false });
    const fetchedAt = Date.now() - 2 * 60_000;
    mkdirSync(join(world.dataDir, 'cache'), { recursive: true });
    writeFileSync(
      join(world.dataDir, 'cache', 'oauth.json'),
      JSON.stringify({
        source: 'oauth',
        snapshot: {
          source: 'oauth',
          fetchedAt,
          windows: [
            { id: 'five_hour', label: 'Session', utilization: 77, resetsAt: sessionReset },
            { id: 'seven_day', label: 'Week', utilization: 30, resetsAt: weekReset },
          ],
          extraUsage: null,
        },
      }),
    );
    const run = await world.run(['statusline'], { stdin: '{}' });
    expect(run.stdout).toBe(`5h 77% ↻${clock(sessionReset)} · wk 30% · 2 min ago\n`);
    // Claude Code shows ANSI colours; a terminal's TERM turns them on, NO_COLOR off.
    const coloured = await runCli(['statusline'], {
      stdin: '{}',
      env: { ...world.env, TERM: 'xterm-256color' },
    });
    expect(coloured.stdout).toMatch(/^\x1b\[33m5h 77%/); // eslint-disable-line no-control-regex
    const plain = await runCli(['statusline'], {
      stdin: '{}',
      env: { ...world.env, TERM: 'xterm-256color', NO_COLOR: '1' },
    });
    expect(plain.stdout).toBe(run.stdout);
  });

  it("colours by the user's thresholds and per-window thresholds, as every surface does", async () => {
    const world = await newWorld({ signedIn: false });
    const env = { ...world.env, TERM: 'xterm-256color' };
    const input = statusInput(both(42, 61));
    const defaults = await runCli(['statusline'], { stdin: input, env });
    // By the defaults (50 / 75 / 90): the session is normal (green), the week a warning (yellow).
    expect(defaults.stdout).toBe(
      `\x1b[32m5h 42% ↻${clock(sessionReset)}\x1b[39m · \x1b[33mwk 61%\x1b[39m\n`,
    );
    // A file that sets only what the line does not read, or the defaults, changes nothing.
    writeFileSync(
      join(world.dataDir, 'settings.json'),
      JSON.stringify({
        trayTitle: 'both',
        alerts: { thresholds: [50, 75, 90], notifyOnReset: false },
      }),
    );
    expect((await runCli(['statusline'], { stdin: input, env })).stdout).toBe(defaults.stdout);
    // A file saved by Notepad (a byte-order mark) with one value out of range: every valid field
    // applies, and the file is left as the user wrote it.
    const text = `\uFEFF${JSON.stringify({
      alerts: {
        thresholds: [30, 40],
        windowThresholds: { seven_day: [80, 95] },
        lockoutLeadMinutes: -5,
      },
    })}`;
    writeFileSync(join(world.dataDir, 'settings.json'), text);
    const chosen = await runCli(['statusline'], { stdin: input, env });
    // The session is past its last threshold (critical, red); the week under its own (green).
    expect(chosen.stdout).toBe(
      `\x1b[31m5h 42% ↻${clock(sessionReset)}\x1b[39m · \x1b[32mwk 61%\x1b[39m\n`,
    );
    expect(readFileSync(join(world.dataDir, 'settings.json'), 'utf8')).toBe(text);
  });

  it("marks cached figures stale by every surface's rule: the refresh after them failed", async () => {
    const world = await newWorld({ signedIn: false });
    const fetchedAt = Date.now() - 2 * 60_000;
    mkdirSync(join(world.dataDir, 'cache'), { recursive: true });
    const record = (error: object | null) =>
      JSON.stringify({
        source: 'oauth',
        snapshot: {
          source: 'oauth',
          fetchedAt,
          windows: [{ id: 'five_hour', label: 'Session', utilization: 12, resetsAt: sessionReset }],
          extraUsage: null,
        },
        error,
      });
    writeFileSync(join(world.dataDir, 'cache', 'oauth.json'), record(null));
    const fresh = await world.run(['statusline'], { stdin: '{}' });
    expect(fresh.stdout).toBe(`5h 12% ↻${clock(sessionReset)} · 2 min ago\n`);
    writeFileSync(
      join(world.dataDir, 'cache', 'oauth.json'),
      record({ kind: 'server', message: 'Anthropic answered 500.', retryAt: null }),
    );
    const failed = await world.run(['statusline'], { stdin: '{}' });
    expect(failed.stdout).toBe(`5h 12% ↻${clock(sessionReset)} · 2 min ago, stale\n`);
  });

  it.each([
    {
      name: 'garbage',
      stdin: 'this is not json',
      line: "pacewatch: could not read Claude Code's status-line input (not JSON)",
    },
    {
      name: 'truncated JSON',
      stdin: '{"rate_limits": {"five_',
      line: "pacewatch: could not read Claude Code's status-line input (not JSON)",
    },
    {
      name: 'an empty stdin',
      stdin: '',
      line: 'pacewatch: no input: Claude Code passes its status as JSON on stdin',
    },
    {
      name: 'binary noise',
      stdin: '\u0000\u00ff\u0001{{{',
      line: "pacewatch: could not read Claude Code's status-line input (not JSON)",
    },
  ])('answers $name with one clear line and exit 0', async ({ stdin, line }) => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['statusline'], { stdin });
    expect(run).toEqual({ code: 0, signal: null, stdout: `${line}\n`, stderr: '' });
    expect(world.dataFiles()).toEqual([]);
  });

  it('lets many status lines write at once without ever tearing the cache', async () => {
    const world = await newWorld({ signedIn: false });
    const values = Array.from({ length: 12 }, (_, i) => 10 + i);
    const runs = await Promise.all(
      values.map((value) => world.run(['statusline'], { stdin: statusInput(both(value, 50)) })),
    );
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^5h \d+% ↻\d\d:\d\d · wk 50%\n$/);
    }
    const record = cacheRecord(world);
    expect(values).toContain(record.snapshot?.windows[0]?.utilization);
    readHistoryFile(join(world.dataDir, 'history', 'statusline.json'));
    expect(readdirSync(join(world.dataDir, 'cache'))).toEqual(['statusline.json']);
    // The next reading is newer than all of them, so it is the one that stays.
    await world.run(['statusline'], { stdin: statusInput(both(99, 50)) });
    expect(cacheRecord(world).snapshot?.windows[0]?.utilization).toBe(99);
  });

  it('refuses --force without --install', async () => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['statusline', '--force'], { stdin: statusInput(both()) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: --force goes with --install\n(add --help for usage)\n');
  });
});

describe('pacewatch statusline --install (subprocess)', () => {
  const command = `${process.execPath} ${BIN} statusline`;
  const settingsPath = (world: CliWorld) => join(world.home, '.claude', 'settings.json');
  const backups = (world: CliWorld) =>
    readdirSync(join(world.home, '.claude')).filter((name) => name.includes('.pacewatch-backup-'));

  it('creates the settings file when there is none, without a backup', async () => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['statusline', '--install']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Added Pacewatch's status line to ${settingsPath(world)}. It shows from Claude Code's next prompt.\n`,
    );
    expect(JSON.parse(readFileSync(settingsPath(world), 'utf8'))).toEqual({
      statusLine: { type: 'command', command, padding: 0 },
    });
    expect(backups(world)).toEqual([]);
  });

  it('merges into existing settings, keeping every other key, after a backup', async () => {
    const world = await newWorld({ signedIn: false });
    const before = `${JSON.stringify({ model: 'opus', env: { FOO: '1' }, permissions: { allow: ['Bash(ls)'] } }, null, 4)}\n`;
    writeFileSync(settingsPath(world), before);
    const run = await world.run(['statusline', '--install']);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(settingsPath(world), 'utf8'))).toEqual({
      model: 'opus',
      env: { FOO: '1' },
      permissions: { allow: ['Bash(ls)'] },
      statusLine: { type: 'command', command, padding: 0 },
    });
    const [backup] = backups(world);
    expect(backups(world)).toHaveLength(1);
    expect(backup).toBeDefined();
    expect(backup).toMatch(/^settings\.json\.pacewatch-backup-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(join(world.home, '.claude', backup ?? ''), 'utf8')).toBe(before);
    expect(run.stdout).toContain(
      `The previous file is kept at ${join(world.home, '.claude', backup ?? '')}.`,
    );
    const again = await world.run(['statusline', '--install']);
    expect(again.stdout).toBe(
      `Claude Code's status line already runs Pacewatch (${settingsPath(world)}). Nothing changed.\n`,
    );
    expect(backups(world)).toHaveLength(1);
  });

  it('never replaces an existing status line without --force, and says how to', async () => {
    const world = await newWorld({ signedIn: false });
    const before = JSON.stringify({
      statusLine: { type: 'command', command: '~/bin/my-line.sh' },
      model: 'opus',
    });
    writeFileSync(settingsPath(world), before);
    const refused = await world.run(['statusline', '--install']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `pacewatch: ${settingsPath(world)} already has a status line (\`~/bin/my-line.sh\`); it was left as it is. Run \`pacewatch statusline --install --force\` to replace it (the old file is backed up first).\n`,
    );
    expect(readFileSync(settingsPath(world), 'utf8')).toBe(before);
    expect(backups(world)).toEqual([]);
    const forced = await world.run(['statusline', '--install', '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(settingsPath(world), 'utf8'))).toEqual({
      statusLine: { type: 'command', command, padding: 0 },
      model: 'opus',
    });
    expect(
      backups(world).map((name) => readFileSync(join(world.home, '.claude', name), 'utf8')),
    ).toEqual([before]);
  });

  it('leaves a settings file that is not JSON alone', async () => {
    const world = await newWorld({ signedIn: false });
    writeFileSync(settingsPath(world), '{ "model": "opus", // a comment\n}');
    const run = await world.run(['statusline', '--install', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `pacewatch: ${settingsPath(world)} was left as it is: it is not valid JSON. Fix the file (or move it aside) and run \`pacewatch statusline --install\` again.\n`,
    );
    expect(readFileSync(settingsPath(world), 'utf8')).toBe('{ "model": "opus", // a comment\n}');
  });
});

describe('pacewatch statusline --install on a terminal', () => {
  function io(home: string, answer: boolean | null) {
    const questions: string[] = [];
    const out: string[] = [];
    const value: InstallIo = {
      pathEnv: { env: { CLAUDE_CONFIG_DIR: join(home, 'claude-config') }, platform: 'linux', home },
      command: '/opt/pacewatch statusline',
      confirm:
        answer === null
          ? null
          : (question) => {
              questions.push(question);
              return Promise.resolve(answer);
            },
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      now: () => Date.UTC(2026, 10, 21, 9),
    };
    return { value, questions, out };
  }

  it('asks before replacing a status line, in the config dir Claude Code uses', async () => {
    const home = tempDir();
    const dir = join(home, 'claude-config');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'settings.json'),
      '{"statusLine":{"type":"command","command":"ccline"}}',
    );
    const declined = io(home, false);
    expect(await runStatuslineInstall({ force: false }, declined.value)).toBe(1);
    expect(declined.questions).toEqual([
      `${join(dir, 'settings.json')} already has a status line: \`ccline\`. Replace it with Pacewatch's? A backup is kept. [y/N] `,
    ]);
    expect(declined.out).toEqual(['Your status line was left as it is.\n']);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toContain('ccline');
    const accepted = io(home, true);
    expect(await runStatuslineInstall({ force: false }, accepted.value)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({
      statusLine: { type: 'command', command: '/opt/pacewatch statusline', padding: 0 },
    });
    expect(readdirSync(dir)).toEqual([
      'settings.json',
      'settings.json.pacewatch-backup-2026-11-21T09-00-00-000Z',
    ]);
  });
});

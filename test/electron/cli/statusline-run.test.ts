import { mkdirSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runStatusline } from '../../../electron/cli/commands/statusline-run';
import { DEFAULT_POLL_INTERVAL_SECONDS } from '../../../shared/domain/poll-policy';
import type * as SettingsModule from '../../../shared/domain/settings';
import { defaultSettings, recoverSettings } from '../../../shared/domain/settings';
import { DEFAULT_VERDICT_SETTINGS } from '../../../shared/domain/verdict';
import { useTempDir } from '../../support/temp-dir';

// Spies on the file reads and on the schema's recovery, to see how often each happens.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});
vi.mock('../../../shared/domain/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof SettingsModule>();
  return { ...actual, recoverSettings: vi.fn(actual.recoverSettings) };
});

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);
const sessionReset = NOW + 2 * HOUR;
const weekReset = NOW + 72 * HOUR;
const tempDir = useTempDir('pacewatch-line-');

afterEach(() => {
  vi.mocked(readFile).mockClear();
  vi.mocked(recoverSettings).mockClear();
});

const input = (session: number, week: number) =>
  JSON.stringify({
    rate_limits: {
      five_hour: { used_percentage: session, resets_at: sessionReset / 1000 },
      seven_day: { used_percentage: week, resets_at: weekReset / 1000 },
    },
  });

/** One in-process run over `dir`, coloured; the line it wrote and how often settings.json was read. */
async function line(dir: string, stdin: string, at = NOW) {
  let written = '';
  await runStatusline({
    readStdin: () => Promise.resolve(stdin),
    write: (text) => {
      written = text;
    },
    pathEnv: { env: { PACEWATCH_DATA_DIR: dir }, platform: 'linux', home: dir },
    now: () => at,
    env: { TERM: 'xterm-256color' },
  });
  const settingsReads = vi
    .mocked(readFile)
    .mock.calls.filter(([path]) => path === join(dir, 'settings.json')).length;
  vi.mocked(readFile).mockClear();
  return { written, settingsReads };
}

describe('the status line reading settings.json', () => {
  it('holds its zod-free defaults to the schema, so a default file never loads zod', () => {
    const schema = defaultSettings();
    const keys = Object.keys(DEFAULT_VERDICT_SETTINGS) as (keyof typeof DEFAULT_VERDICT_SETTINGS)[];
    expect(Object.fromEntries(keys.map((key) => [key, schema.alerts[key]]))).toEqual(
      DEFAULT_VERDICT_SETTINGS,
    );
    expect(schema.pollIntervalSeconds.oauth).toBe(DEFAULT_POLL_INTERVAL_SECONDS);
    expect(schema.pollIntervalSeconds.web).toBe(DEFAULT_POLL_INTERVAL_SECONDS);
  });

  it('reads the file once; the defaults as the app saves them skip the schema', async () => {
    const dir = tempDir();
    const none = await line(dir, input(42, 61));
    // By the defaults (50 / 75 / 90): the session is normal (green), the week a warning (yellow).
    expect(none).toEqual({
      written: '\x1b[32m5h 42% ↻11:00\x1b[39m · \x1b[33mwk 61%\x1b[39m\n',
      settingsReads: 1,
    });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(defaultSettings()));
    expect(await line(dir, input(42, 61))).toEqual(none);
    expect(recoverSettings).not.toHaveBeenCalled();
  });

  it('applies a customised file through recoverSettings on the data parsed once', async () => {
    const dir = tempDir();
    const data = {
      alerts: {
        thresholds: [30, 40],
        windowThresholds: { seven_day: [80, 95] },
        lockoutLeadMinutes: -5,
      },
    };
    writeFileSync(join(dir, 'settings.json'), `\uFEFF${JSON.stringify(data)}`);
    // The session is past its last threshold (critical, red); the week under its own (green).
    expect(await line(dir, input(42, 61))).toEqual({
      written: '\x1b[31m5h 42% ↻11:00\x1b[39m · \x1b[32mwk 61%\x1b[39m\n',
      settingsReads: 1,
    });
    expect(recoverSettings).toHaveBeenCalledTimes(1);
    expect(recoverSettings).toHaveBeenCalledWith(data);
  });

  it("marks cached figures stale after two of their source's intervals from the file", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cache'));
    writeFileSync(
      join(dir, 'cache', 'oauth.json'),
      JSON.stringify({
        source: 'oauth',
        snapshot: {
          source: 'oauth',
          fetchedAt: NOW - 3 * 60_000,
          windows: [{ id: 'five_hour', label: 'Session', utilization: 12, resetsAt: sessionReset }],
          extraUsage: null,
        },
        error: null,
      }),
    );
    // 3 minutes old: fresh under the default 5-minute interval; stale (greyed) under a 60-second one.
    expect((await line(dir, '{}')).written).toBe('\x1b[32m5h 12% ↻11:00\x1b[39m · 3 min ago\n');
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ pollIntervalSeconds: { oauth: 60 } }),
    );
    expect(await line(dir, '{}')).toEqual({
      written: '\x1b[90m5h 12% ↻11:00\x1b[39m · \x1b[90m3 min ago, stale\x1b[39m\n',
      settingsReads: 1,
    });
  });
});

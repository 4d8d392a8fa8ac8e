import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppSession, type AppEvent } from '../../electron/app/app-session';
import { createCore } from '../../electron/core/create-core';
import { nodeTimers } from '../../electron/core/create-engine';
import type { Logger, Notification } from '../../electron/core/ports';
import type { RouteReport } from '../../shared/domain/route/route-report';
import { FAKE_OAUTH_TOKEN, type RecordedRequest } from '../fakes/anthropic-api';
import { assertBuilt, type CliRun } from '../support/cli';
import { useCliWorld, type CliWorld } from '../support/cli-world';

// Defect 4 of the fault audit: a 200 body that echoes the credential (in a scope display name or a
// currency) put the token in the cache, the history, `status` output, the renderer and a
// `notify-send` argv, because the scrub ran only in `watch` and matched lower case only. Server
// text is now scrubbed where it becomes values (readJsonBody), in any case, for every kind.

const HOUR = 3_600_000;
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'pacewatch.cjs');
const newWorld = useCliWorld();

/** Credentials of every kind the server might echo besides the bearer token it was sent. */
const OTHER_SECRETS = [
  'sk-ant-ort01-test-refresh-abc',
  'sk-ant-api03-sweep-api-key-0042',
  'sk-ant-admin01-sweep-admin-key-0042',
  'sk-ant-sid01-sweep-session-key-0042',
];

/** What must appear nowhere: the secret part of each credential (after `sk-ant-<kind>-`), any case. */
function secretParts(token: string): string[] {
  return [token, ...OTHER_SECRETS].map((secret) =>
    secret.replace(/^sk-ant-[a-z]+\d*-/, '').toLowerCase(),
  );
}

/**
 * A usage body that echoes the bearer token it was sent: in a scoped week's display name (plain
 * and upper case), in the extra-usage currency, in a banked reset's label, and the other kinds
 * of credential in a disabled reason and a cookie-shaped field.
 */
function echoingBody(req: RecordedRequest) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const resetsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString();
  return {
    five_hour: { utilization: 95, resets_at: resetsAt },
    seven_day: { utilization: 40, resets_at: resetsAt },
    limits: [
      {
        kind: 'weekly_scoped',
        percent: 92,
        resets_at: resetsAt,
        scope: { model: { display_name: `Opus ${token}` } },
      },
      {
        kind: 'weekly_scoped',
        percent: 91,
        resets_at: resetsAt,
        scope: { model: { display_name: `Sonnet ${token.toUpperCase()}` } },
      },
    ],
    extra_usage: {
      is_enabled: true,
      monthly_limit: 5000,
      used_credits: 1234,
      currency: token,
      disabled_reason: `${OTHER_SECRETS[0]} ${OTHER_SECRETS[1]}`,
    },
    cedar_ember: {
      eligible: true,
      grants: [
        {
          id: 'grant_sweep',
          label: `Reset for ${OTHER_SECRETS[2]}`,
          resets_total: 1,
          resets_left: 1,
          clears: ['five_hour'],
          usable_now: true,
        },
      ],
    },
    note: `sessionKey=${OTHER_SECRETS[3]}`,
  };
}

/** Where any secret part shows up, case-insensitively, among named texts. */
function leaks(token: string, texts: ReadonlyArray<readonly [string, string]>): string[] {
  const parts = secretParts(token);
  return texts
    .filter(([, text]) => parts.some((part) => text.toLowerCase().includes(part)))
    .map(([where]) => where);
}

/** `pacewatch watch` with a `notify-send` on PATH that records its argv, until an alert is out. */
async function watchUntilAlert(world: CliWorld): Promise<{ run: CliRun; argv: string }> {
  assertBuilt();
  const bin = join(world.home, 'bin');
  const argvLog = join(world.home, 'notify-send.argv');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'notify-send'),
    `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg" >> '${argvLog}'; done\n`,
  );
  chmodSync(join(bin, 'notify-send'), 0o755);
  const env = { ...world.env, PATH: `${bin}:${world.env.PATH ?? ''}` };
  const child = spawn(process.execPath, [BIN, 'watch'], { env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const argv = () => (existsSync(argvLog) ? readFileSync(argvLog, 'utf8') : '');
  // Every window above its last threshold: one notification each (session, two scoped weeks).
  const done = () =>
    argv()
      .split('\n')
      .filter((line) => line === 'Pacewatch').length >= 3;
  for (let waited = 0; waited < 25_000 && !done(); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { run: { code, signal: null, stdout, stderr }, argv: argv() };
}

describe('a server that echoes credentials', () => {
  it('puts no secret in any output, any file of the data dir, or any notify-send argv', async () => {
    const world = await newWorld();
    world.api.respond((req) => ({ body: echoingBody(req) }));
    const runs: Array<[string, CliRun]> = [];
    for (const args of [
      ['status', '--refresh'],
      ['status'],
      ['status', '--json'],
      ['status', '--json', '--source', 'oauth'],
      ['advise'],
    ]) {
      runs.push([args.join(' '), await world.run(args)]);
    }
    runs.push(['statusline', await world.run(['statusline'], { stdin: '{"session_id":"sweep"}' })]);
    const watched = await watchUntilAlert(world);
    runs.push(['watch', watched.run]);

    // The figures did arrive: the sweep looks at real output, not at an error.
    expect(runs[0]?.[1].code).toBe(0);
    const json = JSON.parse(runs[3]?.[1].stdout ?? '') as { windows: { utilization: number }[] };
    expect(json.windows.map((window) => window.utilization)).toEqual([95, 40, 92, 91]);
    expect(watched.argv.split('\n').filter((line) => line === 'Pacewatch')).toHaveLength(3);

    const texts: Array<readonly [string, string]> = [
      ...runs.flatMap(([name, run]) => [
        [`stdout of ${name}`, run.stdout] as const,
        [`stderr of ${name}`, run.stderr] as const,
      ]),
      ['notify-send argv', watched.argv],
      ...world
        .dataFiles()
        .map((file) => [file.path.slice(world.dataDir.length), file.text] as const),
    ];
    expect(leaks(FAKE_OAUTH_TOKEN, texts)).toEqual([]);
  });

  it('puts no secret in what the app pushes to the renderer or notifies', async () => {
    const world = await newWorld();
    world.api.respond((req) => ({ body: echoingBody(req) }));
    const created = await createCore({
      pathEnv: { env: world.env, platform: 'linux', home: world.home },
    });
    if (!created.ok) throw new Error(created.message);
    const logged: string[] = [];
    const logger: Logger = {
      info: (message) => logged.push(message),
      warn: (message) => logged.push(message),
      error: (message) => logged.push(message),
    };
    const notified: Notification[] = [];
    const session = createAppSession({
      core: created.core,
      notifier: { notify: (n) => (notified.push(n), Promise.resolve()) },
      logger,
      timers: nodeTimers,
      shell: {
        openSettings: () => undefined,
        hidePopover: () => undefined,
        fitPopover: () => undefined,
        copyText: () => Promise.resolve({ ok: true as const, value: null }),
        quit: () => undefined,
        openLogFile: () => Promise.resolve({ ok: true as const, value: null }),
      },
      launchAtLogin: { supported: false, note: null, apply: () => Promise.resolve() },
      statusLineCommand: () => Promise.resolve(null),
      checkRoute: () => Promise.resolve({ summary: 'Max 5x subscription' } as RouteReport),
    });
    const events: AppEvent[] = [];
    session.subscribe((event) => events.push(event));
    try {
      const model = await session.handlers.refresh();
      expect(model.cards.map((card) => card.utilization)).toEqual([95, 40, 92, 91]);
      for (let waited = 0; waited < 10_000 && notified.length < 3; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(notified).toHaveLength(3);
      const texts: Array<readonly [string, string]> = [
        ['refresh answer', JSON.stringify(model)],
        ...events.map((event, index) => [`event ${index}`, JSON.stringify(event)] as const),
        ['notifications', JSON.stringify(notified)],
        ['log', logged.join('\n')],
      ];
      expect(leaks(FAKE_OAUTH_TOKEN, texts)).toEqual([]);
    } finally {
      await session.stop();
    }
  });
});

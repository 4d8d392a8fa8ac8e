// Every `--json` output of the command, parsed against its schema (shared/domain/cli-json-schemas.ts)
// in the states a user meets: fresh figures, stale ones, an error, nothing yet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  adviseJsonSchema,
  blocksJsonSchema,
  dailyJsonSchema,
  monthlyJsonSchema,
  routeJsonSchema,
  sessionsJsonSchema,
  statusJsonSchema,
} from '../../../shared/domain/cli-json-schemas';
import {
  expiredTokenError,
  extraUsageWire,
  grantWire,
  serverError,
} from '../../fakes/usage-bodies';
import { assistantText, transcript, userText } from '../../fakes/transcripts/line-factory';
import { baseEnv, runCli, type CliRun } from '../../support/cli';
import { useCliWorld } from '../../support/cli-world';
import { useTempDir } from '../../support/temp-dir';
import {
  FAKE_KEY,
  FAKE_KEY_TAIL,
  MAX_5X,
  claudeJson,
  put,
  runRoute,
} from '../core/route/route-fixtures';

const HOUR = 3_600_000;
const newWorld = useCliWorld();
const tempDir = useTempDir('pacewatch-json-');

const sessionReset = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
const iso = (at: number) => new Date(at).toISOString();

function usageBody(session: number): object {
  return {
    five_hour: { utilization: session, resets_at: iso(sessionReset) },
    seven_day: { utilization: 61, resets_at: iso(sessionReset + 70 * HOUR) },
    extra_usage: extraUsageWire(),
  };
}

/** The run's stdout as JSON, checked against the schema; the parsed value for further checks. */
function parsed<S extends z.ZodType>(run: CliRun, schema: S): z.infer<S> {
  const result = schema.safeParse(JSON.parse(run.stdout));
  if (!result.success) {
    throw new Error(`${run.stdout}\ndoes not match the schema:\n${result.error.message}`);
  }
  return result.data;
}

describe('status --json matches its schema', () => {
  it('with fresh figures, banked resets and the binding window', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody(42) });
    world.api.bankResets([grantWire()]);
    const run = await world.run(['status', '--json']);
    expect(run.code).toBe(0);
    const json = parsed(run, statusJsonSchema);
    expect(json).toMatchObject({ source: 'oauth', stale: false, error: null });
    expect(json.windows.map((window) => [window.id, window.utilization])).toEqual([
      ['five_hour', 42],
      ['seven_day', 61],
    ]);
    expect(json.bankedResets).toHaveLength(1);
    // The schema holds the contract: a field added or dropped fails it.
    expect(statusJsonSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
    const { stale: _dropped, ...withoutStale } = json;
    expect(statusJsonSchema.safeParse(withoutStale).success).toBe(false);
  });

  it('with stale figures after a failed refresh', async () => {
    const world = await newWorld();
    world.api.respond({ body: usageBody(42) });
    await world.run(['status', '--json']);
    world.api.respond({ status: 500, body: serverError() });
    const run = await world.run(['status', '--json', '--refresh']);
    expect(run.code).toBe(0);
    const json = parsed(run, statusJsonSchema);
    expect(json.stale).toBe(true);
    expect(json.error?.kind).toBe('server');
    expect(json.windows).toHaveLength(2);
  });

  it('with an error and no figures', async () => {
    const world = await newWorld();
    world.api.respond({ status: 401, body: expiredTokenError() });
    const run = await world.run(['status', '--json']);
    expect(run.code).toBe(1);
    const json = parsed(run, statusJsonSchema);
    expect(json).toMatchObject({ fetchedAt: null, windows: [], error: { kind: 'auth' } });
  });

  it('with no data yet (the status line has not run)', async () => {
    const world = await newWorld({ signedIn: false });
    const run = await world.run(['status', '--json', '--source', 'statusline']);
    expect(run.code).toBe(1);
    const json = parsed(run, statusJsonSchema);
    expect(json).toMatchObject({
      source: 'statusline',
      fetchedAt: null,
      windows: [],
      error: { kind: 'no-credentials' },
    });
  });
});

/** A Claude config dir with one session today (or none), and the env a user would have. */
function logsMachine(withUsage: boolean): NodeJS.ProcessEnv {
  const root = tempDir();
  const projects = join(root, 'claude', 'projects', '-home-dev-api');
  mkdirSync(projects, { recursive: true });
  const now = Date.now();
  if (withUsage) {
    writeFileSync(
      join(projects, 's1.jsonl'),
      transcript(
        userText(),
        assistantText({
          session: 's1',
          messageId: 'msg_a',
          requestId: 'req_a',
          at: iso(now - 2 * HOUR),
          model: 'claude-sonnet-4-5-20250929',
          input: 10,
          output: 500,
          cacheWrite: 100,
          cacheRead: 1000,
        }),
        assistantText({
          session: 's1',
          messageId: 'msg_b',
          requestId: 'req_b',
          at: iso(now - 10 * 60_000),
          model: 'claude-opus-4-6',
          input: 20,
          output: 900,
        }),
        // A model no price table knows: its tokens count, its cost is 0 (missingPricing).
        assistantText({
          session: 's1',
          messageId: 'msg_c',
          requestId: 'req_c',
          at: iso(now - 5 * 60_000),
          model: 'claude-nonesuch-9',
          input: 5,
          output: 5,
        }),
      ),
    );
  }
  return {
    ...baseEnv(),
    HOME: join(root, 'home'),
    CLAUDE_CONFIG_DIR: join(root, 'claude'),
    PACEWATCH_DATA_DIR: join(root, 'data'),
  };
}

const REPORTS = [
  ['daily', dailyJsonSchema, 'daily'],
  ['monthly', monthlyJsonSchema, 'monthly'],
  ['sessions', sessionsJsonSchema, 'sessions'],
  ['blocks', blocksJsonSchema, 'blocks'],
] as const;

describe('report --json matches its schema', () => {
  for (const [kind, schema, key] of REPORTS) {
    it(`${kind}, with usage and with none`, async () => {
      const used = await runCli(['report', kind, '--json'], { env: logsMachine(true) });
      expect(used.code).toBe(0);
      const json: Record<string, unknown> = parsed(used, schema);
      expect(json[key]).not.toEqual([]);
      const empty = await runCli(['report', kind, '--json'], { env: logsMachine(false) });
      expect(empty.code).toBe(0);
      const none: Record<string, unknown> = parsed(empty, schema);
      expect(none[key]).toEqual([]);
    });
  }
});

describe('advise --json matches its schema', () => {
  it('with usage and a named plan, and with nothing at all', async () => {
    const env = logsMachine(true);
    // With CLAUDE_CONFIG_DIR set, Claude Code keeps its .claude.json there.
    put(env.CLAUDE_CONFIG_DIR ?? '', '.claude.json', claudeJson(MAX_5X));
    const used = parsed(await runCli(['advise', '--json'], { env }), adviseJsonSchema);
    // The three readings of logsMachine, 2 h, 10 min and 5 min ago: one or two UTC days.
    const days = new Set(
      [2 * HOUR, 10 * 60_000, 5 * 60_000].map((ago) => iso(Date.now() - ago).slice(0, 10)),
    );
    expect(used.activeDays).toBe(days.size);
    expect(used.currentPlan).not.toBeNull();
    const empty = parsed(
      await runCli(['advise', '--json'], { env: logsMachine(false) }),
      adviseJsonSchema,
    );
    expect(empty).toMatchObject({ costLast30DaysUsd: 0, activeDays: 0, currentPlan: null });
  });
});

describe('route --json matches its schema', () => {
  it('for a subscription login, an exported key, and no sign-in at all', async () => {
    const subscription = tempDir();
    put(subscription, '.claude.json', claudeJson(MAX_5X));
    expect(parsed(await runRoute(subscription, ['--json']), routeJsonSchema).route).toBe(
      'subscription',
    );
    const exported = tempDir();
    put(exported, '.bashrc', `export ANTHROPIC_API_KEY=${FAKE_KEY}\n`);
    put(exported, '.claude.json', claudeJson(MAX_5X, [FAKE_KEY_TAIL]));
    expect(parsed(await runRoute(exported, ['--json']), routeJsonSchema).route).toBe('api-key');
    const nothing = parsed(await runRoute(tempDir(), ['--json']), routeJsonSchema);
    expect(nothing).toMatchObject({ route: 'unknown', plan: null });
  });
});

import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportKind } from '../../../../../shared/domain/logs/reports';
import {
  createLogsReader,
  type LogsReader,
} from '../../../../../electron/core/sources/logs/reader';
import { assistantText, transcript } from '../../../../fakes/transcripts/line-factory';
import { generateTree, UNKNOWN_MODEL } from '../../../../fakes/transcripts/tree';
import { ccusageBinary } from '../../../../support/ccusage';

const run = promisify(execFile);
const binary = ccusageBinary();
const CCUSAGE = binary.ready ? binary.path : '';
const CENT = 0.01;

interface Tree {
  readonly dir: string;
  readonly reader: LogsReader;
}

/** ccusage v20's report for a tree, as JSON. */
async function ccusage(
  tree: Tree,
  args: readonly string[],
  timeZone = 'UTC',
): Promise<Record<string, unknown>> {
  const { stdout } = await run(CCUSAGE, [...args, '--json', '--offline', '--timezone', timeZone], {
    env: {
      PATH: process.env.PATH,
      HOME: tree.dir,
      TZ: 'UTC',
      CLAUDE_CONFIG_DIR: join(tree.dir, 'claude'),
      NO_COLOR: '1',
    },
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

function pacewatch(tree: Tree, kind: ReportKind, timeZone = 'UTC'): Record<string, unknown> {
  const report = buildReport(tree.reader.entries(), kind, {
    timeZone,
    since: null,
    until: null,
    mode: 'auto',
    now: Date.parse('2026-11-21T00:00:00Z'),
  });
  return JSON.parse(JSON.stringify(report.json)) as Record<string, unknown>;
}

type Row = Record<string, unknown> & { modelBreakdowns?: Row[] };
const TOKENS = ['inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens'];

const byKey = (rows: readonly Row[], key: string): Map<string, Row> =>
  new Map(rows.map((row) => [String(row[key]), row]));

/** Rows keyed by `key`: tokens must be equal, costs within a cent, per row and per model. */
function expectSameRows(ours: readonly Row[], theirs: readonly Row[], key: string): void {
  const mine = byKey(ours, key);
  const reference = byKey(theirs, key);
  expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [name, row] of reference) {
    const other = mine.get(name) as Row;
    for (const field of [...TOKENS, 'totalTokens'])
      expect({ name, field, value: other[field] }).toEqual({ name, field, value: row[field] });
    expect(
      Math.abs(Number(other.totalCost) - Number(row.totalCost)),
      `${name} cost`,
    ).toBeLessThanOrEqual(CENT);
    const models = byKey(row.modelBreakdowns ?? [], 'modelName');
    const ourModels = byKey(other.modelBreakdowns ?? [], 'modelName');
    expect([...ourModels.keys()].sort(), `${name} models`).toEqual([...models.keys()].sort());
    for (const [model, breakdown] of models) {
      const ourBreakdown = ourModels.get(model) as Row;
      for (const field of TOKENS)
        expect({ name, model, field, value: ourBreakdown[field] }).toEqual({
          name,
          model,
          field,
          value: breakdown[field],
        });
      expect(
        Math.abs(Number(ourBreakdown.cost) - Number(breakdown.cost)),
        `${name} ${model} cost`,
      ).toBeLessThanOrEqual(CENT);
      expect(ourBreakdown.missingPricing ?? false).toBe(breakdown.missingPricing ?? false);
    }
  }
}

function expectSameTotals(ours: Record<string, unknown>, theirs: Record<string, unknown>): void {
  const mine = ours as Row;
  const reference = theirs as Row;
  for (const field of [...TOKENS, 'totalTokens']) expect(mine[field]).toBe(reference[field]);
  expect(Math.abs(Number(mine.totalCost) - Number(reference.totalCost))).toBeLessThanOrEqual(CENT);
  expect(mine.unpricedModels ?? []).toEqual(reference.unpricedModels ?? []);
}

async function makeTree(seed: number, divergent: boolean): Promise<Tree> {
  const dir = mkdtempSync(join(tmpdir(), 'pacewatch-parity-'));
  generateTree({
    root: join(dir, 'claude'),
    seed,
    startAt: Date.UTC(2026, 5, 1),
    days: 45,
    sessions: 70,
    scale: 0.05,
    faults: true,
    divergent,
  });
  const reader = createLogsReader({
    roots: [join(dir, 'claude', 'projects')],
    indexPath: join(dir, 'data', 'index.bin'),
    threads: 0,
  });
  await reader.refresh();
  return { dir, reader };
}

describe.skipIf(!binary.ready)('accuracy against ccusage v20 on generated transcript trees', () => {
  let full: Tree;
  let consistent: Tree;

  beforeAll(async () => {
    full = await makeTree(20260601, true);
    consistent = await makeTree(20260602, false);
  });

  afterAll(() => {
    for (const tree of [full, consistent]) rmSync(tree.dir, { recursive: true, force: true });
  });

  it('generates the cases that matter (so the comparison below is not vacuous)', () => {
    const text = readAll(join(full.dir, 'claude', 'projects'));
    for (const needle of [
      '"isSidechain":true',
      '/subagents/',
      '"agent_progress"',
      '"ephemeral_1h_input_tokens":',
      '"speed":"fast"',
      '"costUSD":',
      UNKNOWN_MODEL,
      '<synthetic>',
      'advisor_message',
      '+05:30"',
    ]) {
      expect(text, needle).toContain(needle);
    }
    expect(full.reader.problems().malformedLines).toBeGreaterThan(0);
    expect(full.reader.entries().count).toBeGreaterThan(1000);
  });

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])(
    'daily: same tokens per day and model, cost within a cent (%s)',
    async (timeZone) => {
      const theirs = await ccusage(full, ['claude', 'daily'], timeZone);
      const ours = pacewatch(full, 'daily', timeZone);
      expect((ours.daily as Row[]).length).toBeGreaterThan(20);
      expectSameRows(ours.daily as Row[], theirs.daily as Row[], 'date');
      expectSameTotals(
        ours.totals as Record<string, unknown>,
        theirs.totals as Record<string, unknown>,
      );
    },
  );

  it('daily: the same as the all-agents `ccusage daily` the benchmark runs', async () => {
    const theirs = await ccusage(full, ['daily']);
    const ours = pacewatch(full, 'daily');
    expectSameRows(
      ours.daily as Row[],
      (theirs.daily as Row[]).map((row) => ({ ...row, date: row.period })),
      'date',
    );
  });

  it('monthly, sessions and blocks agree where ccusage’s loaders agree with its daily one', async () => {
    const [monthly, sessions, blocks, daily] = await Promise.all([
      ccusage(consistent, ['claude', 'monthly']),
      ccusage(consistent, ['claude', 'session']),
      ccusage(consistent, ['blocks']),
      ccusage(consistent, ['claude', 'daily']),
    ]);
    expectSameRows(pacewatch(consistent, 'daily').daily as Row[], daily.daily as Row[], 'date');
    expectSameRows(
      pacewatch(consistent, 'monthly').monthly as Row[],
      monthly.monthly as Row[],
      'month',
    );
    const ourSessions = pacewatch(consistent, 'sessions');
    expectSameRows(ourSessions.sessions as Row[], sessions.sessions as Row[], 'sessionId');
    expectSameTotals(
      ourSessions.totals as Record<string, unknown>,
      sessions.totals as Record<string, unknown>,
    );
    const activity = (rows: Row[]) =>
      rows.map((row) => [row.sessionId, row.firstActivity, row.lastActivity]).sort();
    expect(activity(ourSessions.sessions as Row[])).toEqual(activity(sessions.sessions as Row[]));
    const shape = (rows: Row[]) =>
      rows.map((row) => [
        row.id,
        row.startTime,
        row.endTime,
        row.actualEndTime,
        row.isGap,
        row.entries,
        row.tokenCounts,
        row.totalTokens,
        [...(row.models as string[])].sort(),
      ]);
    const ourBlocks = pacewatch(consistent, 'blocks').blocks as Row[];
    expect(shape(ourBlocks)).toEqual(shape(blocks.blocks as Row[]));
    (blocks.blocks as Row[]).forEach((block, index) => {
      expect(
        Math.abs(Number(ourBlocks[index]?.costUSD) - Number(block.costUSD)),
      ).toBeLessThanOrEqual(CENT);
    });
  });
});

describe.skipIf(!binary.ready)('request-less streamed lines against ccusage v20', () => {
  let tree: Tree;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacewatch-parity-'));
    const projects = join(dir, 'claude', 'projects');
    // One response streamed as three lines without a requestId (as Claude Code once wrote them),
    // one in another session with the same message id, and a plain one.
    const bare = (output: number, at: string, session = 'session-a'): string =>
      assistantText({ messageId: 'msg_x', requestId: null, output, at, session });
    mkdirSync(join(projects, 'proj'), { recursive: true });
    writeFileSync(
      join(projects, 'proj', 'session-a.jsonl'),
      transcript(
        bare(10, '2026-09-01T10:00:00.000Z'),
        bare(400, '2026-09-01T10:00:01.500Z'),
        bare(200, '2026-09-01T10:00:02.000Z'),
        assistantText({ messageId: 'msg_y', output: 30, at: '2026-09-02T10:00:00.000Z' }),
      ),
    );
    writeFileSync(
      join(projects, 'proj', 'session-b.jsonl'),
      transcript(bare(7, '2026-09-01T11:00:00.000Z', 'session-b')),
    );
    const reader = createLogsReader({
      roots: [projects],
      indexPath: join(dir, 'data', 'index.bin'),
      threads: 0,
    });
    await reader.refresh();
    tree = { dir, reader };
  });

  afterAll(() => {
    rmSync(tree.dir, { recursive: true, force: true });
  });

  // ccusage's daily loader counts such lines once per timestamp (every line here); its session,
  // monthly and blocks loaders count the response once per session, with its largest line, as
  // Pacewatch does in every report.
  it('counts one response once per session, as ccusage’s session and monthly reports do', async () => {
    const [sessions, monthly] = await Promise.all([
      ccusage(tree, ['claude', 'session']),
      ccusage(tree, ['claude', 'monthly']),
    ]);
    const ourSessions = pacewatch(tree, 'sessions');
    expectSameRows(ourSessions.sessions as Row[], sessions.sessions as Row[], 'sessionId');
    expectSameRows(pacewatch(tree, 'monthly').monthly as Row[], monthly.monthly as Row[], 'month');
    expect((pacewatch(tree, 'daily').totals as Row).outputTokens).toBe(437);
  });
});

/** Every path and file under a folder, as one string to search. */
function readAll(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    text += statSync(path).isDirectory()
      ? `${path}\n${readAll(path)}`
      : `${path}\n${readFileSync(path, 'latin1')}`;
  }
  return text;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  agentProgressLine,
  assistantLine,
  fileHistoryLine,
  hookProgressLine,
  summaryLine,
  systemLine,
  toolResultLine,
  userPromptLine,
  type AssistantPart,
  type ContentBlock,
  type LineContext,
  type UsageJson,
} from './lines';
import { createPrng, type Prng } from './prng';
import { TextPool } from './text-pool';
import { faultLines, tornTail } from './fault-lines';

/** What to generate. Every choice comes from `seed`, so a tree is reproducible byte for byte. */
export interface TreeOptions {
  /** A Claude config dir: files go under `<root>/projects/`. */
  readonly root: string;
  readonly seed: number;
  /** First session start, epoch ms. */
  readonly startAt: number;
  /** Sessions start spread over this many days. */
  readonly days: number;
  /** How many top-level sessions to write (ignored when `targetBytes` is set). */
  readonly sessions?: number;
  /** Keep adding sessions until the tree holds this many bytes (the benchmark's ~1 GB). */
  readonly targetBytes?: number;
  /** Content size factor: 1 is realistic, 0.05 keeps test trees small. */
  readonly scale?: number;
  /** Torn, malformed and ignorable lines, odd timestamps, advisor iterations, synthetic lines. */
  readonly faults?: boolean;
  /**
   * Records that ccusage's `daily` loader and its monthly / session / blocks loader treat
   * differently: responses seen only in agent-progress lines, sidechain replays written later
   * than their parent, and request-less streamed duplicates. Off for trees compared against
   * those other reports.
   */
  readonly divergent?: boolean;
  /** Turns per session: median (default 8 at scale 1). */
  readonly medianTurns?: number;
}

/** What was written. */
export interface TreeStats {
  files: number;
  bytes: number;
  sessions: number;
  /** Lines that carry `"usage":{`. */
  usageLines: number;
  usageBytes: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The model the generator writes that no price table knows. */
export const UNKNOWN_MODEL = 'claude-mystery-1';

const MODELS: readonly (readonly [string, number])[] = [
  ['claude-sonnet-4-5-20250929', 26],
  ['claude-opus-4-6', 18],
  ['claude-haiku-4-5-20251001', 12],
  ['claude-sonnet-4-6', 10],
  ['claude-opus-4-5-20251101', 8],
  ['claude-opus-4-7', 5],
  ['claude-opus-4-1-20250805', 4],
  ['claude-sonnet-4-20250514', 4],
  ['claude-3-5-haiku-20241022', 2],
  ['claude-opus-4-8', 2],
  [UNKNOWN_MODEL, 2],
];
const FAST_MODELS = new Set(['claude-opus-4-6', 'claude-opus-4-7', 'claude-opus-4-8']);
const PROJECTS = ['api', 'web-app', 'infra', 'notes', 'ml-pipeline', 'cli', 'docs', 'mobile'];
type Tool = 'Read' | 'Bash' | 'Edit' | 'Write' | 'Grep' | 'Task';
const TOOL_WEIGHTS: readonly (readonly [Tool, number])[] = [
  ['Read', 30],
  ['Bash', 25],
  ['Edit', 20],
  ['Write', 8],
  ['Grep', 12],
  ['Task', 2.5],
];

interface Session {
  readonly ctx: LineContext;
  readonly dir: string;
  readonly model: string;
  readonly legacy: boolean;
  readonly fast: boolean;
  readonly longContext: boolean;
  context: number;
}

interface Gen {
  readonly prng: Prng;
  readonly pool: TextPool;
  readonly options: TreeOptions;
  readonly scale: number;
  readonly stats: TreeStats;
  /** Per project: the last responses of its previous session, for resumed-session copies. */
  readonly lastByProject: Map<string, AssistantPart[]>;
}

/** Writes a transcript tree and returns what it wrote. */
export function generateTree(options: TreeOptions): TreeStats {
  const prng = createPrng(options.seed);
  const gen: Gen = {
    prng,
    pool: new TextPool(prng),
    options,
    scale: options.scale ?? 1,
    stats: { files: 0, bytes: 0, sessions: 0, usageLines: 0, usageBytes: 0 },
    lastByProject: new Map(),
  };
  const count = options.sessions ?? 40;
  for (let index = 0; ; index += 1) {
    if (options.targetBytes === undefined ? index >= count : gen.stats.bytes >= options.targetBytes)
      break;
    const start = options.startAt + Math.floor(prng.next() * options.days * DAY);
    writeSession(gen, start);
  }
  return gen.stats;
}

function uuid(prng: Prng): string {
  return `${prng.hex(8)}-${prng.hex(4)}-4${prng.hex(3)}-a${prng.hex(3)}-${prng.hex(12)}`;
}

function writeSession(gen: Gen, start: number): void {
  const { prng, options } = gen;
  const project = prng.pick(PROJECTS);
  const sessionId = uuid(prng);
  const model = prng.weighted(MODELS);
  const legacy = prng.chance(0.1);
  const session: Session = {
    ctx: {
      cwd: `/home/dev/${project}`,
      sessionId,
      version: legacy ? `1.0.${prng.int(20, 90)}` : `2.1.${prng.int(100, 240)}`,
      gitBranch: prng.pick(['main', 'feature/x', 'fix/login']),
      isSidechain: false,
    },
    dir: join(options.root, 'projects', `-home-dev-${project}`),
    model,
    legacy,
    fast: !legacy && FAST_MODELS.has(model) && prng.chance(0.4),
    longContext: model.startsWith('claude-sonnet-4') && prng.chance(0.15),
    context: prng.int(12_000, 30_000),
  };
  const files = new Map<string, string[]>();
  const main: string[] = [];
  files.set(join(session.dir, `${sessionId}.jsonl`), main);
  if (prng.chance(0.3)) main.push(summaryLine(gen.pool.take(prng, 60), uuid(prng)));
  const previous = gen.lastByProject.get(project);
  if (previous !== undefined && prng.chance(0.25)) {
    // A resumed conversation starts with copies of the previous session's last responses.
    for (const part of previous) main.push(assistantLine(session.ctx, part));
  }
  let at = start;
  let parent: string | null = null;
  let last: AssistantPart[] = [];
  const turns = prng.logNormal((options.medianTurns ?? 8) * Math.max(gen.scale, 0.25), 0.9, 1, 400);
  for (let turn = 0; turn < turns; turn += 1) {
    at += turn === 0 ? 0 : prng.chance(0.03) ? prng.int(5, 9) * HOUR : prng.int(30, 1200) * SECOND;
    const promptUuid = uuid(prng);
    main.push(
      userPromptLine(session.ctx, promptUuid, parent, at, gen.pool.take(prng, size(gen, 50, 1500))),
    );
    if (!legacy && prng.chance(0.5)) main.push(fileHistoryLine(promptUuid, at, fileBackups(gen)));
    parent = promptUuid;
    const rounds = prng.int(1, 7);
    for (let round = 0; round < rounds; round += 1) {
      at += prng.int(2, 60) * SECOND;
      const response = writeResponse(gen, session, main, parent, at, round === rounds - 1);
      at = response.end;
      parent = response.finalPart.uuid;
      last = [response.finalPart];
      if (response.tool === undefined) continue;
      if (response.tool === 'Task')
        at = writeSubagent(gen, session, files, main, response.finalPart, at);
      if (prng.chance(0.15))
        main.push(hookProgressLine(session.ctx, uuid(prng), at, 'npx prettier --write'));
      at += prng.int(1, 30) * SECOND;
      const resultUuid = uuid(prng);
      main.push(toolResult(gen, session.ctx, resultUuid, parent, at, response.tool));
      parent = resultUuid;
    }
    if (prng.chance(0.1))
      main.push(systemLine(session.ctx, uuid(prng), at, gen.pool.take(prng, 120)));
    if (options.faults === true && prng.chance(0.15))
      main.push(...faultLines(gen.prng, session.ctx, at, gen.options.divergent === true));
  }
  gen.lastByProject.set(project, last);
  flush(gen, files);
}

interface Response {
  readonly end: number;
  readonly finalPart: AssistantPart;
  readonly tool: Tool | undefined;
}

/** One API response: one line per content block, sharing message.id and requestId. */
function writeResponse(
  gen: Gen,
  session: Session,
  out: string[],
  parentUuid: string,
  start: number,
  lastRound: boolean,
): Response {
  const { prng } = gen;
  const tool = lastRound && prng.chance(0.6) ? undefined : prng.weighted(TOOL_WEIGHTS);
  const blocks: ContentBlock[] = [];
  if (prng.chance(0.5)) blocks.push(thinking(gen));
  if (prng.chance(0.6) || tool === undefined)
    blocks.push({ type: 'text', text: gen.pool.take(prng, size(gen, 40, 1200)) });
  if (tool !== undefined) blocks.push(toolUse(gen, tool));
  const model = prng.chance(0.05) ? prng.weighted(MODELS) : session.model;
  const usage = finalUsage(gen, session, model);
  // Very old Claude Code wrote no requestId (single lines here; streamed lines in divergent trees).
  const requestless = session.legacy && prng.chance(0.2);
  const parts = requestless && gen.options.divergent !== true ? blocks.slice(-1) : blocks;
  const messageId = `msg_01${prng.hex(22)}`;
  const requestId = requestless ? undefined : `req_011C${prng.hex(20)}`;
  let at = start;
  let parent = parentUuid;
  const written: AssistantPart[] = parts.map((block, index) => {
    const step = index === 0 ? 0 : prng.int(200, 4000);
    // Request-less lines of one response share its time: ccusage's daily loader, which the trees
    // are compared with, counts them once only then (see ccusage-parity.test.ts).
    if (!requestless) at += step;
    const isLast = index === parts.length - 1;
    const part: AssistantPart = {
      uuid: uuid(prng),
      parentUuid: parent,
      at,
      messageId,
      requestId,
      model,
      block,
      usage: isLast
        ? usage
        : {
            ...usage,
            output_tokens: Math.max(
              1,
              Math.floor((usage.output_tokens * (index + 1)) / (parts.length + 1)),
            ),
          },
      ...(session.legacy ? { costUSD: legacyCost(prng, usage) } : {}),
    };
    parent = part.uuid;
    return part;
  });
  // Now and then the largest line is not the last one written.
  const order = written.length > 1 && prng.chance(0.1) ? [...written].reverse() : written;
  for (const part of order) out.push(assistantLine(session.ctx, part));
  return { end: at, finalPart: written[written.length - 1] as AssistantPart, tool };
}

function finalUsage(gen: Gen, session: Session, model: string): UsageJson {
  const { prng } = gen;
  session.context = Math.min(
    session.longContext ? 420_000 : 180_000,
    session.context + prng.int(300, 6000),
  );
  const created = prng.chance(0.2) ? prng.int(5000, 30_000) : prng.int(100, 6000);
  const usage: UsageJson = {
    input_tokens: prng.chance(0.05) ? prng.int(200, 8000) : prng.int(1, 12),
    cache_creation_input_tokens: created,
    cache_read_input_tokens: session.context,
    output_tokens: prng.logNormal(300, 1.1, 1, 32_000),
  };
  if (!session.legacy) {
    const oneHour = session.ctx.isSidechain
      ? 0
      : prng.chance(0.2)
        ? Math.floor(created / 3)
        : created;
    usage.cache_creation = {
      ephemeral_5m_input_tokens: created - oneHour,
      ephemeral_1h_input_tokens: oneHour,
    };
    usage.service_tier = 'standard';
    if (session.fast && model === session.model && prng.chance(0.7)) usage.speed = 'fast';
    else if (prng.chance(0.5)) usage.speed = 'standard';
  }
  return usage;
}

function legacyCost(prng: Prng, usage: UsageJson): number {
  const estimate =
    (usage.input_tokens * 3 +
      usage.output_tokens * 15 +
      usage.cache_creation_input_tokens * 3.75 +
      usage.cache_read_input_tokens * 0.3) /
    1e6;
  return Math.round(estimate * (0.8 + prng.next() * 0.4) * 1e6) / 1e6;
}

/** A Task tool call: a sub-agent transcript, and agent-progress copies in the parent. */
function writeSubagent(
  gen: Gen,
  session: Session,
  files: Map<string, string[]>,
  main: string[],
  parentPart: AssistantPart,
  start: number,
): number {
  const { prng, options } = gen;
  const agentId = prng.hex(8);
  const ctx: LineContext = { ...session.ctx, isSidechain: true, agentId };
  const agent: Session = {
    ...session,
    ctx,
    model: prng.chance(0.6) ? 'claude-haiku-4-5-20251001' : session.model,
    longContext: false,
    context: prng.int(8000, 20_000),
  };
  const lines: string[] = [];
  files.set(join(session.dir, session.ctx.sessionId, 'subagents', `agent-${agentId}.jsonl`), lines);
  let at = start + prng.int(1, 5) * SECOND;
  lines.push(userPromptLine(ctx, uuid(prng), null, at, gen.pool.take(prng, size(gen, 100, 800))));
  if (prng.chance(0.3)) {
    // A /btw-style replay of the parent's message under a new request id.
    const replayAt = options.divergent === true ? at : parentPart.at;
    const usage = {
      ...parentPart.usage,
      cache_read_input_tokens: parentPart.usage.cache_read_input_tokens + 5000,
    };
    lines.push(
      assistantLine(ctx, {
        ...parentPart,
        uuid: uuid(prng),
        at: replayAt,
        requestId: `req_011C${prng.hex(20)}`,
        usage,
      }),
    );
  }
  if (prng.chance(0.2)) {
    // An exact sidechain copy of the parent's line, even with more output: the parent's counts.
    const usage = { ...parentPart.usage, output_tokens: parentPart.usage.output_tokens + 100 };
    lines.push(assistantLine(ctx, { ...parentPart, uuid: uuid(prng), usage }));
  }
  let parent: string | null = null;
  const rounds = prng.int(2, 8);
  for (let round = 0; round < rounds; round += 1) {
    at += prng.int(2, 40) * SECOND;
    const sink: string[] = [];
    const response = writeResponse(
      gen,
      agent,
      sink,
      parent ?? parentPart.uuid,
      at,
      round === rounds - 1,
    );
    at = response.end;
    const progressOnly = options.divergent === true && prng.chance(0.1);
    if (!progressOnly) lines.push(...sink);
    if (progressOnly || prng.chance(0.5)) {
      const copy =
        prng.chance(0.5) || progressOnly
          ? response.finalPart
          : { ...response.finalPart, usage: { ...response.finalPart.usage, output_tokens: 1 } };
      main.push(agentProgressLine(session.ctx, uuid(prng), at, copy, agentId));
    }
    parent = response.finalPart.uuid;
    if (response.tool !== undefined && response.tool !== 'Task') {
      at += prng.int(1, 20) * SECOND;
      const resultUuid = uuid(prng);
      lines.push(toolResult(gen, ctx, resultUuid, parent, at, response.tool));
      parent = resultUuid;
    }
  }
  return at;
}

function thinking(gen: Gen): ContentBlock {
  const { prng } = gen;
  return {
    type: 'thinking',
    thinking: gen.pool.take(prng, size(gen, 200, 3000)),
    signature: Buffer.from(gen.pool.take(prng, size(gen, 150, 600))).toString('base64'),
  };
}

function toolUse(gen: Gen, tool: Tool): ContentBlock {
  const { prng, pool } = gen;
  const id = `toolu_01${prng.hex(22)}`;
  const file = `/home/dev/src/${prng.hex(6)}.ts`;
  const input: Record<string, unknown> =
    tool === 'Write'
      ? { file_path: file, content: pool.take(prng, size(gen, 200, 6000)) }
      : tool === 'Edit'
        ? {
            file_path: file,
            old_string: pool.take(prng, size(gen, 20, 800)),
            new_string: pool.take(prng, size(gen, 20, 900)),
          }
        : tool === 'Bash'
          ? { command: 'npm test -- --run', description: pool.take(prng, 40) }
          : tool === 'Task'
            ? {
                description: 'Explore the code',
                prompt: pool.take(prng, size(gen, 100, 1200)),
                subagent_type: 'Explore',
              }
            : { file_path: file };
  return { type: 'tool_use', id, name: tool, input };
}

function toolResult(
  gen: Gen,
  ctx: LineContext,
  id: string,
  parent: string,
  at: number,
  tool: string,
): string {
  const { prng, pool } = gen;
  const text = pool.take(
    prng,
    Math.max(20, Math.round(prng.logNormal(2600, 1.2, 40, 150_000) * gen.scale)),
  );
  const structured: Record<string, unknown> =
    tool === 'Read'
      ? {
          type: 'text',
          file: {
            filePath: `/home/dev/src/${prng.hex(6)}.ts`,
            content: text,
            numLines: 120,
            startLine: 1,
            totalLines: 120,
          },
        }
      : tool === 'Task'
        ? {
            status: 'completed',
            agentId: prng.hex(8),
            content: [{ type: 'text', text: text.slice(0, 400) }],
            totalDurationMs: prng.int(5000, 90_000),
            totalTokens: prng.int(10_000, 90_000),
            // A real usage object outside `message`: ccusage and Pacewatch must not count it.
            usage: {
              input_tokens: 10,
              cache_creation_input_tokens: 500,
              cache_read_input_tokens: 9000,
              output_tokens: 700,
            },
          }
        : { stdout: text, stderr: '', interrupted: false, isImage: false };
  return toolResultLine(ctx, id, parent, at, `toolu_01${prng.hex(22)}`, text, structured);
}

function fileBackups(gen: Gen): Record<string, unknown> {
  const backups: Record<string, unknown> = {};
  const count = gen.prng.int(0, 6);
  for (let index = 0; index < count; index += 1) {
    backups[`src/${gen.prng.hex(6)}.ts`] = {
      backupFileName: `${gen.prng.hex(16)}@v2`,
      version: 2,
      backupTime: '2026-01-01T00:00:00.000Z',
    };
  }
  return backups;
}

function size(gen: Gen, min: number, max: number): number {
  return Math.max(8, Math.round(gen.prng.int(min, max) * gen.scale));
}

function flush(gen: Gen, files: Map<string, string[]>): void {
  for (const [path, lines] of files) {
    if (lines.length === 0) continue;
    let text = `${lines.join('\n')}\n`;
    if (gen.options.faults === true && gen.prng.chance(0.1)) text += tornTail(lines);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    gen.stats.files += 1;
    gen.stats.bytes += Buffer.byteLength(text);
    for (const line of lines) {
      if (!line.includes('"usage":{')) continue;
      gen.stats.usageLines += 1;
      gen.stats.usageBytes += Buffer.byteLength(line) + 1;
    }
  }
  gen.stats.sessions += 1;
}

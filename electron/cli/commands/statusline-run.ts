import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  figuresStale,
  policyForSource,
} from '../../../shared/domain/poll-policy';
import { readFile } from 'node:fs/promises';
import { scrubSecrets } from '../../../shared/domain/secret';
import { DEFAULT_VERDICT_SETTINGS, type VerdictSettings } from '../../../shared/domain/verdict';
import { errorSentence } from '../../core/platform/file-errors';
import type { Snapshot, SourceId } from '../../../shared/domain/snapshot';
import { dataDir, processPathEnv, type PathEnv } from '../../core/platform/paths';
import { levelPaint } from '../terminal/level-paint';
import { colorLevelOf } from '../terminal/terminal';
import { parseStatuslineInput } from '../../core/sources/statusline/parse-input';
import {
  appendReading,
  historyDue,
  readCachedFigures,
  type CachedFigures,
  readReadings,
  recordReading,
  samplesOf,
} from '../../core/sources/statusline/reading-store';
import { statuslineText } from '../../core/sources/statusline/render-line';
import { dataLayout, type DataLayout } from '../../core/stores/data-layout';
import { withoutBom } from '../../core/stores/json-file';

// Runs on every Claude Code prompt: keep the imports here free of zod, keytar and the engine.

/** What one status-line run reads and writes, so tests and the benchmark can drive it. */
export interface StatuslineIo {
  /** The whole of stdin; null when stdin is a terminal (a person ran the command). */
  readonly readStdin: () => Promise<string | null>;
  readonly write: (text: string) => void;
  readonly pathEnv: PathEnv;
  readonly now: () => number;
  /** For NO_COLOR / FORCE_COLOR; absent in tests that do not care (then coloured). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Claude Code runs the status line through a pipe and shows its ANSI colours, so colour is on
 * unless NO_COLOR (or FORCE_COLOR=0) turns it off: the terminal layer's rule, minus the TTY test.
 */
function statuslineColorLevel(env: Readonly<Record<string, string | undefined>>): 0 | 1 | 2 | 3 {
  // No TERM at all: not started from a terminal (a script, a test), so plain text.
  if (env.TERM === undefined && env.FORCE_COLOR === undefined) return 0;
  return colorLevelOf({ env, argv: [], isTTY: true, columns: undefined });
}

const STDIN_LIMIT_BYTES = 1024 * 1024;
const STDIN_WAIT_MS = 3_000;

/** Reads stdin to its end, or to 1 MB, or for 3 s: a status line must never hang the prompt. */
function readProcessStdin(): Promise<string | null> {
  const stdin = process.stdin;
  if (stdin.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      clearTimeout(timer);
      stdin.removeAllListeners('data');
      stdin.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(finish, STDIN_WAIT_MS);
    stdin.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= STDIN_LIMIT_BYTES) finish();
    });
    stdin.once('end', finish);
    stdin.once('error', finish);
  });
}

/** The real process's stdin, stdout, environment and clock. */
export function processStatuslineIo(): StatuslineIo {
  return {
    readStdin: readProcessStdin,
    write: (text) => process.stdout.write(text),
    pathEnv: processPathEnv(),
    now: () => Date.now(),
    env: process.env,
  };
}

/** The sources whose cached figures the line may show: so the only poll intervals it reads. */
const CACHED_SOURCES = ['statusline', 'oauth', 'web'] as const satisfies readonly SourceId[];

/** The freshest snapshot in the shared cache: this line's own readings, or a poller's. */
async function freshestCached(layout: DataLayout): Promise<CachedFigures | null> {
  const cached = await Promise.all(
    CACHED_SOURCES.map((source) => readCachedFigures(layout, source)),
  );
  return cached.reduce<CachedFigures | null>(
    (best, figures) =>
      figures !== null &&
      figures.snapshot.windows.length > 0 &&
      (best === null || figures.snapshot.fetchedAt > best.snapshot.fetchedAt)
        ? figures
        : best,
    null,
  );
}

/** What the line needs of the user's settings: the verdict's thresholds and the poll intervals. */
interface LineSettings {
  readonly verdict: VerdictSettings;
  readonly intervalSeconds: Readonly<Partial<Record<SourceId, number>>>;
}

const DEFAULT_LINE_SETTINGS: LineSettings = {
  verdict: DEFAULT_VERDICT_SETTINGS,
  intervalSeconds: {},
};

const fieldsOf = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * Whether parsed settings.json sets anything the line reads to other than its default. Only then
 * is it read through its schema, which loads zod: a prompt on default settings (as the app saves
 * them, every field written out) never pays for that. The fields checked are the keys of
 * DEFAULT_VERDICT_SETTINGS, so a new verdict setting is checked as soon as it has a default, and
 * the intervals of CACHED_SOURCES; test/electron/cli/statusline-run.test.ts holds these
 * zod-free defaults to the schema's.
 */
function customizesLine(data: unknown): boolean {
  const alerts = fieldsOf(fieldsOf(data).alerts);
  const intervals = fieldsOf(fieldsOf(data).pollIntervalSeconds);
  const differs = (value: unknown, fallback: unknown) =>
    value !== undefined && JSON.stringify(value) !== JSON.stringify(fallback);
  const verdictKeys = Object.keys(DEFAULT_VERDICT_SETTINGS) as (keyof VerdictSettings)[];
  return (
    verdictKeys.some((key) => differs(alerts[key], DEFAULT_VERDICT_SETTINGS[key])) ||
    CACHED_SOURCES.some((source) => differs(intervals[source], DEFAULT_POLL_INTERVAL_SECONDS))
  );
}

/**
 * The user's settings, as every surface applies them (docs/PRODUCT.md §2 "One verdict"): what
 * readSettingsReadOnly gives (defaults for a missing or non-JSON file, else recoverSettings), with
 * the file read and parsed once.
 */
async function lineSettings(layout: DataLayout): Promise<LineSettings> {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(await readFile(layout.settings, 'utf8')));
  } catch {
    return DEFAULT_LINE_SETTINGS;
  }
  if (!customizesLine(data)) return DEFAULT_LINE_SETTINGS;
  // Lazily: the settings module loads zod, which the usual path must not.
  const { recoverSettings } = await import('../../../shared/domain/settings');
  const { settings } = recoverSettings(data);
  return { verdict: settings.alerts, intervalSeconds: settings.pollIntervalSeconds };
}

async function lineFor(io: StatuslineIo, text: string): Promise<string> {
  const parsed = parseStatuslineInput(text);
  if (!parsed.ok) return `pacewatch: ${parsed.message}`;
  const now = io.now();
  const layout = dataLayout(dataDir(io.pathEnv));
  const settings = await lineSettings(layout);
  let shown: Snapshot | null = null;
  let readAt: number | null = null;
  let stale = false;
  if (parsed.windows.length > 0) {
    shown = { source: 'statusline', fetchedAt: now, windows: parsed.windows, extraUsage: null };
    // A failed write (a wedged lock, a full disk) must not cost the user their status line.
    await recordReading(layout, shown).catch(() => false);
  } else {
    // Before Claude's first reply there are no rate limits: show the freshest figures the shared
    // cache holds (the app, `watch` or `status` may have fetched them), with their age.
    const cached = await freshestCached(layout);
    shown = cached?.snapshot ?? null;
    readAt = shown?.fetchedAt ?? null;
    // The staleness rule of every surface (shared/domain/poll-policy.ts `isStale`): the attempt
    // after the figures failed, or they are older than two of their source's poll intervals.
    stale =
      cached !== null &&
      figuresStale(
        cached.snapshot.fetchedAt,
        cached.failed,
        policyForSource(settings.intervalSeconds, cached.snapshot.source, false),
        now,
      );
  }
  const windows = shown?.windows ?? [];
  const readings = await readReadings(
    layout,
    windows.map((window) => window.id),
  );
  if (shown !== null && readAt === null && historyDue(readings, shown)) {
    await appendReading(layout, shown).catch(() => undefined);
  }
  return statuslineText({
    windows,
    samples: (id) => {
      const window = windows.find((candidate) => candidate.id === id);
      return window === undefined ? [] : samplesOf(readings, window);
    },
    now,
    readAt,
    stale,
    paint: levelPaint(statuslineColorLevel(io.env ?? {})),
    settings: settings.verdict,
  });
}

/**
 * `pacewatch statusline`: reads Claude Code's status-line JSON, records its rate limits, prints
 * one line. Always returns 0: whatever happens, Claude Code's prompt keeps working.
 */
export async function runStatusline(io: StatuslineIo): Promise<number> {
  let line: string;
  try {
    const text = await io.readStdin();
    line =
      text === null
        ? "pacewatch statusline reads Claude Code's status-line JSON on stdin. Run `pacewatch statusline --install` to add it to Claude Code."
        : await lineFor(io, text);
  } catch (error) {
    line = `pacewatch: status line unavailable (${scrubSecrets(errorSentence(error))})`;
  }
  io.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  return 0;
}

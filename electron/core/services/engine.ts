import { emptyHistory, type History } from '../../../shared/domain/history';
import { historySchema } from '../../../shared/domain/history-schema';
import type { LogsSummary } from '../../../shared/domain/logs-summary';
import { nextDueAt, type PollPolicy } from '../../../shared/domain/poll-policy';
import type { SourceId } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import { buildSourceView, type SourceView } from '../../../shared/domain/source-view';
import type { Clock, Logger, Timers } from '../ports';
import type { UsageSource } from '../sources/usage-source';
import type { DataLayout } from '../stores/data-layout';
import { jsonStore } from '../stores/json-store';
import type { AlertService } from './alert-service';
import type { LogsMonitor } from './logs-monitor';
import type { UsageRefresher } from './usage-refresher';

/** Everything the surfaces show, at one moment. */
export interface EngineState {
  readonly updatedAt: number;
  readonly views: readonly SourceView[];
  /** The local-transcript estimate, when the logs source is on and has been read. */
  readonly logs: LogsSummary | null;
  /** Rebuilt state files and similar, as sentences. */
  readonly problems: readonly string[];
}

/** What the engine needs. */
export interface EngineDeps {
  /** The sources to poll, asked afresh each tick (settings may enable or disable one). */
  readonly sources: () => readonly UsageSource[];
  /** Runs before each tick, e.g. to pick up settings another process saved. */
  readonly beforeTick?: () => Promise<void>;
  readonly refresher: UsageRefresher;
  readonly alerts: AlertService;
  readonly layout: DataLayout;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly policyFor: (source: SourceId) => PollPolicy;
  /** The longest wait between looks at the shared cache, which other processes also refresh. */
  readonly maxTickMs?: number;
  /** The local-transcript estimate. */
  readonly logs?: LogsMonitor;
  /** Whether the estimate is wanted (settings may turn it off and on); default: always. */
  readonly logsEnabled?: () => boolean;
}

/** The long-running engine behind `pacewatch watch` and the app. */
export interface Engine {
  /** Starts polling: looks at every source now, then whenever one is due. */
  start(): void;
  /** Stops polling; a tick in progress finishes. */
  stop(): Promise<void>;
  /** A manual refresh of every source (joins a poll in progress); resolves with the new state. */
  refreshNow(): Promise<EngineState>;
  /** Holds polling while the machine sleeps or the screen is locked. */
  pause(): void;
  /** Ends a pause and polls once. */
  resume(): void;
  /** The last state, or null before the first tick finished. */
  state(): EngineState | null;
  /** Calls `listener` after every tick; returns the unsubscribe function. */
  subscribe(listener: (state: EngineState) => void): () => void;
}

const DEFAULT_MAX_TICK_MS = 30_000;

/**
 * One scheduler for all sources. Each tick reads the shared cache (so a fetch by any process
 * counts), fetches the sources that are due, rebuilds the views, evaluates alerts, and sleeps
 * until the next source is due (or `maxTickMs`, to notice other processes and credential changes).
 */
export function createEngine(deps: EngineDeps): Engine {
  const listeners = new Set<(state: EngineState) => void>();
  const histories = new Map<SourceId, { fetchedAt: number; history: History }>();
  let current: EngineState | null = null;
  let cancelTimer: (() => void) | null = null;
  let running: Promise<EngineState> | null = null;
  let pendingManual: Promise<EngineState> | null = null;
  let active = false;
  let logsOn = false;
  let paused = false;

  async function historyFor(record: SourceRecord): Promise<History> {
    const fetchedAt = record.snapshot?.fetchedAt ?? -1;
    const cached = histories.get(record.source);
    if (cached?.fetchedAt === fetchedAt) return cached.history;
    const loaded = await jsonStore(
      deps.layout.history(record.source),
      historySchema,
      emptyHistory,
    ).load();
    histories.set(record.source, { fetchedAt, history: loaded.value });
    return loaded.value;
  }

  async function visit(source: UsageSource, manual: boolean) {
    const policy = deps.policyFor(source.id);
    const stamp = await source.credentialStamp();
    const cached = await deps.refresher.read(source.id);
    const due = nextDueAt(cached.value, { policy, now: deps.clock.now(), stamp });
    const result =
      source.passive !== true && (manual || (due !== null && due <= deps.clock.now()))
        ? await deps.refresher.refresh(source, { manual })
        : { record: cached.value, problems: cached.problem === null ? [] : [cached.problem] };
    const now = deps.clock.now();
    const view = buildSourceView(result.record, await historyFor(result.record), policy, now);
    return {
      record: result.record,
      view,
      problems: result.problems,
      // A passive source is seen again on the next look at the cache (maxTickMs).
      due: source.passive === true ? null : nextDueAt(result.record, { policy, now, stamp }),
    };
  }

  async function tick(manual: boolean): Promise<EngineState> {
    await deps.beforeTick?.();
    syncLogs();
    const visits = await Promise.all(deps.sources().map((source) => visit(source, manual)));
    await deps.alerts.evaluate(visits);
    const state: EngineState = {
      updatedAt: deps.clock.now(),
      views: visits.map((visit) => visit.view),
      logs: logsSummary(deps.clock.now()),
      problems: visits.flatMap((visit) => visit.problems),
    };
    publish(state);
    const dues = visits.map((visit) => visit.due).filter((due): due is number => due !== null);
    schedule(dues.length === 0 ? Infinity : Math.min(...dues));
    return state;
  }

  function publish(state: EngineState): void {
    current = state;
    for (const listener of listeners) listener(state);
  }

  /** New transcript lines: only the estimate changed, so the sources are not visited again. */
  function republishLogs(): void {
    if (current === null || !active) return;
    const now = deps.clock.now();
    publish({ ...current, updatedAt: now, logs: logsSummary(now) });
  }

  /** Starts or stops following the transcripts as the settings and the engine's state say. */
  function syncLogs(): void {
    const wanted = active && (deps.logsEnabled?.() ?? true);
    if (deps.logs === undefined || wanted === logsOn) return;
    logsOn = wanted;
    if (!wanted) {
      deps.logs.stop();
      return;
    }
    deps.logs.start(republishLogs).catch((error: unknown) => {
      deps.logger.warn(`Local transcripts could not be read: ${(error as Error).message}`);
    });
  }

  function logsSummary(now: number): LogsSummary | null {
    return logsOn ? (deps.logs?.summary(now) ?? null) : null;
  }

  function schedule(dueAt: number): void {
    cancelTimer?.();
    cancelTimer = null;
    if (!active || paused) return;
    const maxTick = deps.maxTickMs ?? DEFAULT_MAX_TICK_MS;
    const wait = Math.min(Math.max(dueAt - deps.clock.now(), 50), maxTick);
    cancelTimer = deps.timers.setTimeout(() => void run(false), wait);
  }

  function run(manual: boolean): Promise<EngineState> {
    if (running) {
      if (!manual) return running;
      // A manual refresh during a poll: sources in flight are joined by the refresher.
      pendingManual ??= running.then(() => run(true)).finally(() => (pendingManual = null));
      return pendingManual;
    }
    running = tick(manual)
      .catch((error: unknown) => {
        deps.logger.error(`Polling failed: ${(error as Error).message}`);
        schedule(deps.clock.now() + (deps.maxTickMs ?? DEFAULT_MAX_TICK_MS));
        throw error;
      })
      .finally(() => (running = null));
    return running;
  }

  return {
    start() {
      active = true;
      void run(false).catch(() => undefined);
    },
    async stop() {
      active = false;
      syncLogs();
      cancelTimer?.();
      cancelTimer = null;
      await running?.catch(() => undefined);
    },
    refreshNow: () => run(true),
    pause() {
      paused = true;
      cancelTimer?.();
      cancelTimer = null;
    },
    resume() {
      if (!paused) return;
      paused = false;
      if (active) void run(false).catch(() => undefined);
    },
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

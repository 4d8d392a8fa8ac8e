import { dirname } from 'node:path';
import type { History } from '../../../shared/domain/history';
import type { LogsSummary } from '../../../shared/domain/logs-summary';
import { nextDueAt, type PollPolicy } from '../../../shared/domain/poll-policy';
import type { SourceId } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import { buildSourceView, type SourceView } from '../../../shared/domain/source-view';
import { scrubSecrets } from '../../../shared/domain/secret';
import { errorSentence } from '../platform/file-errors';
import type { UsageOverview } from '../../../shared/domain/usage-overview';
import {
  DEFAULT_VERDICT_SETTINGS,
  assessViews,
  type Verdict,
  type VerdictSettings,
} from '../../../shared/domain/verdict';
import type { Clock, Logger, Timers } from '../ports';
import type { UsageSource } from '../sources/usage-source';
import type { DataLayout } from '../stores/data-layout';
import { historyStore } from '../stores/history-store';
import type { AlertService } from './alert-service';
import type { LogsMonitor } from './logs-monitor';
import type { UsageRefresher } from './usage-refresher';

/** Everything the surfaces show, at one moment. */
export interface EngineState {
  readonly updatedAt: number;
  readonly views: readonly SourceView[];
  /** The views merged: one entry per window, from the freshest source. */
  readonly overview: UsageOverview;
  /** What every surface shows (levels, binding window, headline), decided once per tick. */
  readonly verdict: Verdict;
  /** The local-transcript estimate, when the logs source is on and has been read. */
  readonly logs: LogsSummary | null;
  /** Rebuilt state files and similar, as sentences. */
  readonly problems: readonly string[];
  /**
   * Set while polling fails as a whole (a bug, or stored data the program cannot use): the views
   * are then the last good ones, marked stale, and this says what happened and what to do.
   */
  readonly failure: EngineFailure | null;
}

/** Why the last polls failed, for every surface to show. */
export interface EngineFailure {
  /** A sentence that says what failed and what to do. */
  readonly message: string;
  /** When the first of the failed polls in a row ended, epoch ms. */
  readonly since: number;
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
  /** The thresholds and lead time the verdict applies; the defaults when absent. */
  readonly verdictSettings?: () => VerdictSettings;
}

/** The long-running engine behind `pacewatch watch` and the app. */
export interface Engine {
  /** Starts polling: looks at every source now, then whenever one is due. */
  start(): void;
  /** Stops polling; a tick in progress finishes. */
  stop(): Promise<void>;
  /**
   * Polls once now and resolves with the new state; never rejects (a failed poll is in the state).
   * Without `manual` only the sources that are due are fetched (after a settings change, or a
   * wake); `manual` fetches every source within its cooldown (the Refresh button). A poll in
   * progress is joined; a manual one during an automatic poll runs right after it.
   */
  pollNow(options?: { readonly manual?: boolean }): Promise<EngineState>;
  /** Holds polling while the machine sleeps or the screen is locked. */
  pause(): void;
  /** Ends a pause and polls once (`pollNow`). */
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
    const loaded = await historyStore(deps.layout, record.source).load();
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
    const now = deps.clock.now();
    const views = visits.map((visit) => visit.view);
    const assessed = assessViews(views, deps.verdictSettings?.() ?? DEFAULT_VERDICT_SETTINGS, now);
    await deps.alerts.evaluate(visits, assessed.verdict);
    const state: EngineState = {
      updatedAt: now,
      views,
      ...assessed,
      logs: logsSummary(deps.clock.now()),
      problems: visits.flatMap((visit) => visit.problems),
      failure: null,
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
      .catch(failed)
      .finally(() => (running = null));
    return running;
  }

  /** A tick that threw: keep the last good figures, marked stale, and say so on every surface. */
  function failed(error: unknown): EngineState {
    const reason = scrubSecrets(errorSentence(error));
    deps.logger.error(`Polling failed: ${reason}`);
    const now = deps.clock.now();
    const views = (current?.views ?? []).map((view) => ({ ...view, stale: true }));
    const message = failureSentence(reason, dirname(deps.layout.cache('oauth')));
    const state: EngineState = {
      updatedAt: current?.updatedAt ?? now,
      views,
      ...assessViews(views, deps.verdictSettings?.() ?? DEFAULT_VERDICT_SETTINGS, now, message),
      logs: logsSummary(now),
      problems: [],
      failure: { message, since: current?.failure?.since ?? now },
    };
    publish(state);
    schedule(now + (deps.maxTickMs ?? DEFAULT_MAX_TICK_MS));
    return state;
  }

  return {
    start() {
      active = true;
      void run(false);
    },
    async stop() {
      active = false;
      syncLogs();
      cancelTimer?.();
      cancelTimer = null;
      await running;
    },
    pollNow: (options) => run(options?.manual ?? false),
    pause() {
      paused = true;
      cancelTimer?.();
      cancelTimer = null;
    },
    resume() {
      if (!paused) return;
      paused = false;
      if (active) void run(false);
    },
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * What a failed poll tells the user: what went wrong, that it retries, and what to do if it lasts.
 * The cache holds only figures a poll fetches again, so setting it aside loses nothing.
 */
function failureSentence(reason: string, cacheDir: string): string {
  const detail = reason.trim() === '' ? '' : ` (${reason.trim().replace(/\.+$/, '')})`;
  return (
    `Pacewatch could not update your usage${detail}; the figures shown are the last good ones ` +
    'and it keeps trying by itself. If this goes on, restart Pacewatch; if it still fails, move ' +
    `the folder ${cacheDir} aside (its figures are fetched again) and report this message.`
  );
}

import {
  decideFetch,
  recordFailure,
  recordSuccess,
  refreshRefusal,
  type PollPolicy,
  type SkipReason,
} from '../../../shared/domain/poll-policy';
import { appendSnapshot, compactHistory } from '../../../shared/domain/history';
import type { SourceId } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import type { Clock } from '../ports';
import type { UsageSource } from '../sources/usage-source';
import type { DataLayout } from '../stores/data-layout';
import { LockBusyError, withFileLock } from '../stores/file-lock';
import type { Loaded } from '../stores/json-store';
import { historyStore } from '../stores/history-store';
import { recordStore } from '../stores/record-store';

/** What one refresh did. */
export interface RefreshResult {
  readonly record: SourceRecord;
  /** True when a request went out in this call (or in the one it joined). */
  readonly fetched: boolean;
  /** Why no request went out, when none did. */
  readonly skipped: SkipReason | null;
  /** State files that had to be rebuilt, as sentences to show. */
  readonly problems: readonly string[];
}

/** What the refresher needs. */
export interface RefresherDeps {
  readonly layout: DataLayout;
  readonly clock: Clock;
  readonly random: () => number;
  readonly policyFor: (source: SourceId) => PollPolicy;
  /**
   * How long to wait for another process's fetch of the same source: at most the request timeout,
   * so a run never waits longer for a peer than it would for the server itself.
   */
  readonly lockWaitMs: number;
}

/** Fetches sources through the shared cache, one request per source at a time machine-wide. */
export interface UsageRefresher {
  /** Reads the cached record without fetching. */
  read(source: SourceId): Promise<Loaded<SourceRecord>>;
  /**
   * Fetches when the shared cache is not fresh enough (or `manual`, within the cooldown and
   * floor). Concurrent calls for one source join a single flight; other processes wait on the
   * source's lock and then find the cache fresh.
   */
  refresh(source: UsageSource, options: { manual: boolean }): Promise<RefreshResult>;
}

/** Creates the refresher over the data dir's shared cache and history. */
export function createUsageRefresher(deps: RefresherDeps): UsageRefresher {
  const inFlight = new Map<SourceId, Promise<RefreshResult>>();
  const cacheStore = (id: SourceId) => recordStore(deps.layout, id);

  async function refreshLocked(source: UsageSource, manual: boolean): Promise<RefreshResult> {
    try {
      return await fetchLocked(source, manual);
    } catch (error) {
      if (!(error instanceof LockBusyError)) throw error;
      // A live peer is still fetching: show what the cache has, and say why it is not newer.
      const loaded = await cacheStore(source.id).load();
      const problems = loaded.problem === null ? [] : [loaded.problem];
      problems.push(
        `Another Pacewatch process is still fetching ${source.id} usage; showing the figures stored before. Try again in a minute.`,
      );
      return { record: loaded.value, fetched: false, skipped: 'busy', problems };
    }
  }

  async function fetchLocked(source: UsageSource, manual: boolean): Promise<RefreshResult> {
    const stamp = await source.credentialStamp();
    return withFileLock(
      deps.layout.lock(`fetch-${source.id}`),
      async () => {
        const store = cacheStore(source.id);
        const loaded = await store.load();
        const policy = deps.policyFor(source.id);
        const decision = decideFetch(loaded.value, {
          policy,
          now: deps.clock.now(),
          stamp,
          manual,
        });
        const problems = loaded.problem === null ? [] : [loaded.problem];
        if (!decision.fetch) {
          const refusal = manual
            ? refreshRefusal(decision.reason, source.id, loaded.value, policy, deps.clock.now())
            : null;
          if (refusal !== null) problems.push(refusal);
          return { record: loaded.value, fetched: false, skipped: decision.reason, problems };
        }

        const outcome = await source.fetch();
        const now = deps.clock.now();
        const record = outcome.ok
          ? recordSuccess(loaded.value, outcome.snapshot, now)
          : recordFailure(loaded.value, outcome, { policy, now, random: deps.random(), stamp });
        await store.save(record);
        if (outcome.ok) problems.push(...(await appendHistory(source.id, record, now)));
        return { record, fetched: true, skipped: null, problems };
      },
      deps.lockWaitMs,
    );
  }

  async function appendHistory(id: SourceId, record: SourceRecord, now: number): Promise<string[]> {
    if (record.snapshot === null) return [];
    const store = historyStore(deps.layout, id);
    const loaded = await store.load();
    await store.save(compactHistory(appendSnapshot(loaded.value, record.snapshot), now));
    return loaded.problem === null ? [] : [loaded.problem];
  }

  return {
    read: (id) => cacheStore(id).load(),
    refresh(source, { manual }) {
      const running = inFlight.get(source.id);
      if (running) return running;
      const flight = refreshLocked(source, manual).finally(() => inFlight.delete(source.id));
      inFlight.set(source.id, flight);
      return flight;
    },
  };
}

import type { Snapshot, SourceId, UsageWindow } from '../../shared/domain/snapshot';
import type { FetchOutcome, UsageSource } from '../../electron/core/sources/usage-source';

/** A scripted `oauth` source: each fetch takes the next outcome (the last one repeats). */
export interface FakeSource extends UsageSource {
  fetches: number;
  stamp: string | null;
  outcomes: FetchOutcome[];
  /** Resolves pending fetches when a test holds them with `hold()`. */
  hold(): () => void;
}

/** A snapshot with the given windows, fetched at `at`. */
export function snapshotAt(
  at: number,
  windows: UsageWindow[],
  source: SourceId = 'oauth',
): Snapshot {
  return { source, fetchedAt: at, windows, extraUsage: null };
}

/** A `five_hour` window at `utilization`, resetting at `resetsAt`. */
export function sessionWindow(utilization: number, resetsAt: number): UsageWindow {
  return { id: 'five_hour', label: 'Session', utilization, resetsAt };
}

/** Creates the fake; `outcome(now)` builds each outcome lazily from the fake clock. */
export function fakeSource(
  outcome: (fetchIndex: number) => FetchOutcome,
  id: SourceId = 'oauth',
): FakeSource {
  let gate: Promise<void> | null = null;
  const source: FakeSource = {
    id,
    fetches: 0,
    stamp: 'cred-1',
    outcomes: [],
    async fetch() {
      const index = source.fetches++;
      if (gate) await gate;
      const result = outcome(index);
      source.outcomes.push(result);
      return result;
    },
    credentialStamp: () => Promise.resolve(source.stamp),
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
  return source;
}

import type { Timers } from '../../electron/core/ports';

/** A Timers port that records what the engine scheduled and runs it on demand. */
export interface FakeTimers extends Timers {
  readonly delays: number[];
  pending(): number;
  /** Runs the callbacks scheduled so far. */
  fire(): void;
}

/** Creates a fake Timers port. */
export function fakeTimers(): FakeTimers {
  let queue: { callback: () => void; cancelled: boolean }[] = [];
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, ms) {
      const entry = { callback, cancelled: false };
      queue.push(entry);
      delays.push(ms);
      return () => (entry.cancelled = true);
    },
    pending: () => queue.filter((entry) => !entry.cancelled).length,
    fire() {
      const due = queue;
      queue = [];
      for (const entry of due) if (!entry.cancelled) entry.callback();
    },
  };
}

/** The signals that ask a long-running command to stop. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Resolves on the first SIGINT or SIGTERM, for a clean shutdown and exit 0. The handlers stay
 * installed for the life of the process (`process.on`, never `once`): the atomic-write and lock
 * libraries each bring a copy of signal-exit, which re-raises a signal (killing the process with
 * 143 or 130 before shutdown ends) when it sees no listener but its own. Later signals are
 * absorbed while the first one's shutdown runs.
 */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of STOP_SIGNALS)
      process.on(signal, () => {
        resolve(signal);
      });
  });
}

import type { LogsSummary } from '../../../shared/domain/logs-summary';
import { systemTimeZone } from '../../../shared/domain/logs/time-zone';
import type { PathEnv } from '../platform/paths';
import type { Logger } from '../ports';
import { openLogsReader } from '../sources/logs/open-reader';
import type { LogsReader } from '../sources/logs/reader';

/** How long the index may lag behind the tree: written at most once a minute, not per append. */
const PERSIST_DELAY_MS = 60_000;

/** The long-lived local-transcript reader behind the engine's `logs` estimate. */
export interface LogsMonitor {
  /** Reads the tree (the index first), then follows it; `onChange` runs after each new read. */
  start(onChange: () => void): Promise<void>;
  /** The estimate at `now`; null before the first read finished. */
  summary(now: number): LogsSummary | null;
  stop(): void;
}

/** A monitor over this machine's transcripts (CLAUDE_CONFIG_DIR, else ~/.claude, ~/.config/claude). */
export function createLogsMonitor(pathEnv: PathEnv, logger: Logger): LogsMonitor {
  let reader: LogsReader | null = null;
  let ready = false;
  let stopWatching: (() => void) | null = null;
  const timeZone = systemTimeZone();
  return {
    async start(onChange) {
      const opened = openLogsReader(pathEnv, { persistDelayMs: PERSIST_DELAY_MS });
      if (opened.priceProblem !== null) logger.warn(opened.priceProblem);
      reader = opened.reader;
      await reader.refresh();
      ready = true;
      for (const notice of reader.problems().notices) logger.warn(notice.message);
      stopWatching = reader.watch(onChange);
      onChange();
    },
    summary: (now) => (ready && reader !== null ? reader.summary(now, timeZone) : null),
    stop() {
      stopWatching?.();
      reader?.close();
      reader = null;
      ready = false;
    },
  };
}

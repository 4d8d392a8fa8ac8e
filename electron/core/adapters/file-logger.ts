import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { scrubSecrets } from '../../../shared/domain/secret';
import type { Logger } from '../ports';

/** The cap of the log file; past it, the file becomes `<name>.1` (the one before is dropped). */
export const LOG_MAX_BYTES = 1 << 20;

type Level = 'info' | 'warn' | 'error';

/** One line of the log: time, level, and the message with its secrets scrubbed, on one line. */
export function logLine(at: number, level: Level, message: string): string {
  const text = scrubSecrets(message).replace(/\r?\n/g, ' | ');
  return `${new Date(at).toISOString()} ${level.toUpperCase()} ${text}\n`;
}

/**
 * The app's log for bug reports, in the data dir: every line scrubbed of secrets, the file capped
 * at `maxBytes` and rotated once (`pacewatch.log` → `pacewatch.log.1`), so at most twice the cap
 * stays on disk. Writes are synchronous (a line is on disk before an exit) and never throw:
 * a log that cannot be written goes to `echo` only.
 */
export function createFileLogger(options: {
  readonly path: string;
  readonly maxBytes?: number;
  readonly now?: () => number;
  /** Also gets every message (the console, which scrubs its own), or null. */
  readonly echo?: Logger | null;
}): Logger {
  const { path } = options;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const now = options.now ?? Date.now;
  let size: number | null = null;

  const write = (level: Level, message: string): void => {
    const line = logLine(now(), level, message);
    options.echo?.[level](message);
    const bytes = Buffer.byteLength(line);
    try {
      if (size === null) {
        mkdirSync(dirname(path), { recursive: true });
        size = sizeOf(path);
      }
      if (size > 0 && size + bytes > maxBytes) {
        renameSync(path, `${path}.1`);
        size = 0;
      }
      appendFileSync(path, line, { mode: 0o600 });
      size += bytes;
    } catch {
      // Logging must not stop the app; the next write looks at the file again.
      size = null;
    }
  };
  return {
    info: (message) => {
      write('info', message);
    },
    warn: (message) => {
      write('warn', message);
    },
    error: (message) => {
      write('error', message);
    },
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

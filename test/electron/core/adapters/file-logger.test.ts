import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, createFileLogger } from '../../../../electron/core/adapters/file-logger';
import type { Logger } from '../../../../electron/core/ports';
import { dataLayout } from '../../../../electron/core/stores/data-layout';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-log-');
const AT = Date.UTC(2026, 11, 5, 1, 0, 0);
/** `2026-12-05T01:00:00.000Z INFO ` is 30 bytes: with 19 bytes of message and a newline, 50. */
const PREFIX = '2026-12-05T01:00:00.000Z INFO ';

function line(n: number): string {
  return `message number ${String(n).padStart(4, '0')}`;
}

function logger(path: string, maxBytes = 200): Logger {
  return createFileLogger({ path, maxBytes, now: () => AT });
}

const read = (path: string) => readFileSync(path, 'utf8');

describe('the app’s log file', () => {
  it('lives in the data dir as pacewatch.log, capped at 1 MB by default', () => {
    expect(dataLayout('/data').log).toBe(join('/data', 'pacewatch.log'));
    expect(LOG_MAX_BYTES).toBe(1_048_576);
  });

  it('writes time, level and message, one line each, creating the folder', () => {
    const path = join(tempDir(), 'data', 'pacewatch.log');
    const log = createFileLogger({ path, now: () => AT });
    log.info('Pacewatch started');
    log.warn('Route check failed:\nno shell');
    log.error('boom');
    expect(read(path)).toBe(
      [
        '2026-12-05T01:00:00.000Z INFO Pacewatch started',
        '2026-12-05T01:00:00.000Z WARN Route check failed: | no shell',
        '2026-12-05T01:00:00.000Z ERROR boom',
        '',
      ].join('\n'),
    );
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('never writes a secret: every line goes through the scrub', () => {
    const path = join(tempDir(), 'pacewatch.log');
    const secret = 'sk-ant-sid01-Zq9TTopSecretSessionKey_42-abc';
    const log = logger(path, LOG_MAX_BYTES);
    log.warn(`The claude.ai source answered 401 for ${secret}`);
    log.error(`Authorization: Bearer sk-ant-oat01-AnotherSecret123\nretrying`);
    const text = read(path);
    expect(text).not.toContain('Zq9TTopSecretSessionKey');
    expect(text).not.toContain('AnotherSecret123');
    expect(text).toBe(
      [
        '2026-12-05T01:00:00.000Z WARN The claude.ai source answered 401 for sk-ant-sid01-[redacted]',
        '2026-12-05T01:00:00.000Z ERROR Authorization: Bearer sk-ant-oat01-[redacted] | retrying',
        '',
      ].join('\n'),
    );
  });

  it('rotates past the cap: pacewatch.log.1 holds the previous file, never more than two', () => {
    const path = join(tempDir(), 'pacewatch.log');
    const log = logger(path, 200);
    for (let n = 1; n <= 4; n += 1) log.info(line(n));
    expect(`${PREFIX}${line(1)}\n`).toHaveLength(50);
    // 4 lines × 50 bytes: exactly the cap, still one file.
    expect([statSync(path).size, existsSync(`${path}.1`)]).toEqual([200, false]);
    log.info(line(5));
    expect([statSync(path).size, statSync(`${path}.1`).size]).toEqual([50, 200]);
    expect(read(path)).toBe(`${PREFIX}${line(5)}\n`);
    for (let n = 6; n <= 9; n += 1) log.info(line(n));
    // Lines 1–4 are gone; 5–8 are the previous file, 9 the current one.
    expect(read(`${path}.1`)).toBe([5, 6, 7, 8].map((n) => `${PREFIX}${line(n)}\n`).join(''));
    expect(read(path)).toBe(`${PREFIX}${line(9)}\n`);
  });

  it('counts what a previous run left: a restarted app rotates at the same cap', () => {
    const path = join(tempDir(), 'pacewatch.log');
    writeFileSync(path, 'x'.repeat(180));
    const log = logger(path, 200);
    log.info(line(1));
    expect(read(`${path}.1`)).toBe('x'.repeat(180));
    expect(read(path)).toBe(`${PREFIX}${line(1)}\n`);
  });

  it('does not throw when the file cannot be written, and echoes to the console logger', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pacewatch.log'));
    const echoed: string[] = [];
    const log = createFileLogger({
      path: join(dir, 'pacewatch.log'),
      echo: {
        info: (message) => echoed.push(message),
        warn: (message) => echoed.push(message),
        error: (message) => echoed.push(message),
      },
    });
    expect(() => {
      log.error('still running');
    }).not.toThrow();
    expect(echoed).toEqual(['still running']);
  });
});

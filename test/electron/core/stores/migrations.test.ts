import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertLedgerSchema, emptyLedger } from '../../../../shared/domain/alert-ledger';
import { defaultSettings, settingsSchema } from '../../../../shared/domain/settings';
import { dataLayout } from '../../../../electron/core/stores/data-layout';
import { jsonStore } from '../../../../electron/core/stores/json-store';
import { runMigrations, type StoredFormat } from '../../../../electron/core/stores/migrations';
import { historyStore } from '../../../../electron/core/stores/history-store';
import { recordStore } from '../../../../electron/core/stores/record-store';
import { LEDGER_FORMAT, SETTINGS_FORMAT } from '../../../../electron/core/stores/stored-formats';
import {
  readCachedReading,
  recordReading,
} from '../../../../electron/core/sources/statusline/reading-store';
import { createCredentialService } from '../../../../electron/core/services/credential-service';
import { useTempDir } from '../../../support/temp-dir';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const RESET = T0 + 4 * 3_600_000;
const tempDir = useTempDir();

function write(path: string, data: unknown): string {
  mkdirSync(dirname(path), { recursive: true });
  const text = `${JSON.stringify(data)}\n`;
  writeFileSync(path, text);
  return text;
}

const onDisk = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** A cached record as Pacewatch wrote it before files had versions, and before cooldownUntil. */
const RECORD_V1 = {
  source: 'oauth',
  snapshot: {
    source: 'oauth',
    fetchedAt: T0,
    windows: [{ id: 'five_hour', label: 'Session', utilization: 42, resetsAt: RESET }],
    extraUsage: null,
  },
  error: null,
  attemptedAt: T0,
  failures: 0,
  nextAttemptAt: null,
  haltedOn: null,
};

describe('the migration runner', () => {
  const threeSteps: StoredFormat = {
    name: 'a test file',
    current: 3,
    migrations: {
      2: (data) => ({ ...data, steps: [...((data.steps as string[] | undefined) ?? []), '1→2'] }),
      3: (data) => ({ ...data, steps: [...((data.steps as string[] | undefined) ?? []), '2→3'] }),
    },
  };

  it.each([
    { from: 'no version (1)', data: { a: 1 }, steps: ['1→2', '2→3'], kind: 'upgraded' },
    { from: 'version 1', data: { version: 1, a: 1 }, steps: ['1→2', '2→3'], kind: 'upgraded' },
    { from: 'version 2', data: { version: 2, a: 1 }, steps: ['2→3'], kind: 'upgraded' },
    { from: 'version 3', data: { version: 3, a: 1 }, steps: undefined, kind: 'current' },
  ])('runs every migration after $from, in order, and stamps the current version', (row) => {
    const outcome = runMigrations(row.data, threeSteps);
    expect(outcome.kind).toBe(row.kind);
    expect(outcome).toMatchObject({
      data: row.steps === undefined ? { a: 1, version: 3 } : { a: 1, steps: row.steps, version: 3 },
    });
  });

  it('leaves a newer version alone, and calls what is not a version invalid', () => {
    expect(runMigrations({ version: 4 }, threeSteps)).toEqual({ kind: 'newer', version: 4 });
    expect(runMigrations({ version: 0 }, threeSteps)).toEqual({
      kind: 'invalid',
      reason: 'version 0 is not a format version',
    });
    expect(runMigrations({ version: '2' }, threeSteps)).toEqual({
      kind: 'invalid',
      reason: 'version "2" is not a format version',
    });
    expect(runMigrations([1], threeSteps)).toEqual({
      kind: 'invalid',
      reason: 'not a JSON object',
    });
  });
});

describe('stored files from each old version', () => {
  it('cache record 1 → 2: gains its version and cooldownUntil, written back, figures kept', async () => {
    const layout = dataLayout(tempDir());
    write(layout.cache('oauth'), RECORD_V1);
    const loaded = await recordStore(layout, 'oauth').load();
    // recentAttempts: the hourly request budget's count (issue 13), none in an old record.
    expect(loaded).toEqual({
      value: { ...RECORD_V1, cooldownUntil: null, recentAttempts: [] },
      problem: null,
    });
    expect(onDisk(layout.cache('oauth'))).toEqual({
      ...RECORD_V1,
      cooldownUntil: null,
      version: 2,
    });
  });

  it('credentials metadata 1 → 2: gains its version, the stamps unchanged', async () => {
    const dir = tempDir();
    const metadataPath = join(dir, 'credentials.json');
    write(metadataPath, { web: { storedAt: T0 } });
    const service = createCredentialService({
      secrets: {
        get: () => Promise.resolve(null),
        set: () => Promise.resolve(),
        delete: () => Promise.resolve(false),
      },
      metadataPath,
      clock: { now: () => T0 },
    });
    expect(await service.stamp('web')).toBe(`stored:${T0}`);
    expect(onDisk(metadataPath)).toEqual({ web: { storedAt: T0 }, version: 2 });
  });

  it('status-line reading 1 → 2: the hot path reads an unversioned record and writes version 2', async () => {
    const layout = dataLayout(tempDir());
    write(layout.cache('statusline'), {
      ...RECORD_V1,
      source: 'statusline',
      snapshot: { ...RECORD_V1.snapshot, source: 'statusline' },
    });
    const reading = await readCachedReading(layout);
    expect(reading?.windows).toEqual([
      { id: 'five_hour', label: 'Session', utilization: 42, resetsAt: RESET },
    ]);
    const next = { ...RECORD_V1.snapshot, source: 'statusline' as const, fetchedAt: T0 + 60_000 };
    expect(await recordReading(layout, next)).toBe(true);
    expect(onDisk(layout.cache('statusline'))).toMatchObject({
      version: 2,
      cooldownUntil: null,
      snapshot: { fetchedAt: T0 + 60_000 },
    });
  });

  it.each([
    {
      file: 'settings.json',
      path: (dir: string) => dataLayout(dir).settings,
      data: { ...defaultSettings(), launchAtLogin: true },
      load: (dir: string) =>
        jsonStore(
          dataLayout(dir).settings,
          settingsSchema,
          defaultSettings,
          SETTINGS_FORMAT,
        ).load(),
    },
    {
      file: 'alerts.json',
      path: (dir: string) => dataLayout(dir).ledger,
      data: { ...emptyLedger(), windows: {} },
      load: (dir: string) =>
        jsonStore(dataLayout(dir).ledger, alertLedgerSchema, emptyLedger, LEDGER_FORMAT).load(),
    },
    {
      file: 'history/oauth.json',
      path: (dir: string) => dataLayout(dir).history('oauth'),
      data: { version: 1, series: { five_hour: [[T0, 42, RESET]] } },
      load: (dir: string) => historyStore(dataLayout(dir), 'oauth').load(),
    },
  ])('$file at version 1, the current one, loads as it is and is not rewritten', async (row) => {
    const dir = tempDir();
    const text = write(row.path(dir), row.data);
    expect(await row.load(dir)).toEqual({ value: row.data, problem: null });
    expect(readFileSync(row.path(dir), 'utf8')).toBe(text);
  });
});

describe('a file a newer Pacewatch wrote', () => {
  it('is left untouched, not used, reported, and not overwritten by a save', async () => {
    const layout = dataLayout(tempDir());
    const text = write(layout.settings, { version: 7, launchAtLogin: true, futureField: 'x' });
    const store = jsonStore(layout.settings, settingsSchema, defaultSettings, SETTINGS_FORMAT);
    const problem =
      `${layout.settings} was written by a newer Pacewatch (format 7; this one reads up to 1), ` +
      'so it is left as it is and not used. Update Pacewatch to use it.';
    expect(await store.load()).toEqual({ value: defaultSettings(), problem });
    expect(await store.save(defaultSettings())).toBe(problem);
    expect(readFileSync(layout.settings, 'utf8')).toBe(text);
  });

  it('keeps a newer cache record even against a status-line reading', async () => {
    const layout = dataLayout(tempDir());
    const text = write(layout.cache('statusline'), { ...RECORD_V1, version: 3 });
    expect(await readCachedReading(layout)).toBeNull();
    const reading = { ...RECORD_V1.snapshot, source: 'statusline' as const };
    expect(await recordReading(layout, reading)).toBe(false);
    expect(readFileSync(layout.cache('statusline'), 'utf8')).toBe(text);
  });
});

import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { runMigrations, type StoredData, type StoredFormat } from './migrations';
import type { Schema } from '../../../shared/domain/schema';

/** What reading a state file found. A corrupt file has already been moved aside. */
export type JsonReadResult<T> =
  /** `upgradedFrom`: the older version the file held; it has been written back upgraded. */
  | {
      readonly kind: 'ok';
      readonly value: T;
      readonly upgradedFrom: number | null;
      /** Fields the format's recovery dropped (defaults apply); empty when the file was whole. */
      readonly dropped: readonly string[];
    }
  | { readonly kind: 'missing' }
  /** Written by a newer program: left as it is, and not used. */
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'corrupt'; readonly quarantinedTo: string; readonly reason: string };

/**
 * Reads a versioned JSON state file: an older version is upgraded through the format's
 * migrations and written back (atomically, unless another process changed the file meanwhile),
 * a newer one is left untouched. What is not valid JSON of the format is quarantined (renamed to
 * `<name>.corrupt-<time>`) so the caller can rebuild it and report where the damaged copy went;
 * nothing is silently deleted.
 */
export async function readJsonFile<T>(
  path: string,
  schema: Schema<T>,
  format: StoredFormat,
  now: number = Date.now(),
  recover?: Recover<T>,
): Promise<JsonReadResult<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { kind: 'missing' };
    throw error;
  }
  const read = parse(text, schema, format, recover);
  // A file recovered in part is left as the user wrote it: the sentence says what to fix.
  if (read.ok && read.upgradedFrom !== null && read.dropped.length === 0) {
    await writeBackIfUnchanged(path, text, read.data);
  }
  if (read.ok) {
    return {
      kind: 'ok',
      value: read.value,
      upgradedFrom: read.upgradedFrom,
      dropped: read.dropped,
    };
  }
  if (read.newer !== null) return { kind: 'newer', version: read.newer };
  const quarantinedTo = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(path, quarantinedTo);
  } catch (error) {
    // Another process quarantined it first: the damaged copy is already aside.
    if (!isNotFound(error)) throw error;
  }
  return { kind: 'corrupt', quarantinedTo, reason: read.message };
}

/**
 * Writes a state file in its format's current version, unless a newer program wrote the file
 * there: that one is left as it is. Returns the version found when it did not write, else null.
 */
export async function writeStoredFile(
  path: string,
  format: StoredFormat,
  value: object,
): Promise<number | null> {
  const onDisk = await storedVersion(path);
  if (onDisk !== null && onDisk > format.current) return onDisk;
  await writeJsonFile(path, { ...value, version: format.current });
  return null;
}

/**
 * Writes JSON atomically (temp file, fsync, rename), owner-only: a reader in another process
 * sees the old file or the new one, never half of either.
 */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(value)}\n`, { mode: 0o600, fsync: true });
}

/**
 * A format's field-by-field recovery: the value to use from data the schema refuses, with the
 * fields it dropped; null when nothing can be recovered.
 */
export type Recover<T> = (data: StoredData) => { value: T; dropped: readonly string[] } | null;

type Parsed<T> =
  | {
      ok: true;
      value: T;
      data: StoredData;
      upgradedFrom: number | null;
      dropped: readonly string[];
    }
  | { ok: false; newer: number | null; message: string };

/** A UTF-8 byte-order mark, which some editors (Notepad) put at the start of a file. */
const BOM = '\uFEFF';

/** The file's text without the byte-order mark an editor may have put before it. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

function parse<T>(
  text: string,
  schema: Schema<T>,
  format: StoredFormat,
  recover: Recover<T> | undefined,
): Parsed<T> {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch {
    return { ok: false, newer: null, message: 'not valid JSON' };
  }
  const migrated = runMigrations(data, format);
  if (migrated.kind === 'newer') return { ok: false, newer: migrated.version, message: '' };
  if (migrated.kind === 'invalid') return { ok: false, newer: null, message: migrated.reason };
  const parsed = schema.safeParse(migrated.data);
  const upgradedFrom = migrated.kind === 'upgraded' ? migrated.from : null;
  const recovered = parsed.success ? null : (recover?.(migrated.data) ?? null);
  if (recovered !== null) {
    const { value, dropped } = recovered;
    return { ok: true, value, data: migrated.data, upgradedFrom, dropped };
  }
  if (!parsed.success) {
    const message = `unexpected shape (${parsed.error.issues[0]?.message ?? 'invalid'})`;
    return { ok: false, newer: null, message };
  }
  return { ok: true, value: parsed.data, data: migrated.data, upgradedFrom, dropped: [] };
}

/** Another process may have written the file since it was read; its write is newer and wins. */
async function writeBackIfUnchanged(path: string, read: string, data: StoredData): Promise<void> {
  const now = await readFile(path, 'utf8').catch(() => null);
  if (now === read) await writeJsonFile(path, data);
}

/** The version a file on disk says it holds; null when it is missing, unreadable or unversioned. */
async function storedVersion(path: string): Promise<number | null> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as { version?: unknown } | null;
    return typeof data?.version === 'number' ? data.version : null;
  } catch {
    return null;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

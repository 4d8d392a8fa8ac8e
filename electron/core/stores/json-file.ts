import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

/** What reading a state file found. A corrupt file has already been moved aside. */
export type JsonReadResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'missing' }
  | { readonly kind: 'corrupt'; readonly quarantinedTo: string; readonly reason: string };

/**
 * Reads and validates a JSON state file. A file that does not parse or does not match the schema
 * is quarantined (renamed to `<name>.corrupt-<time>`) so the caller can rebuild it and report
 * where the damaged copy went; nothing is silently deleted.
 */
export async function readJsonFile<T>(
  path: string,
  schema: z.ZodType<T>,
  now: number = Date.now(),
): Promise<JsonReadResult<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { kind: 'missing' };
    throw error;
  }
  const reason = validate(text, schema);
  if (reason.ok) return { kind: 'ok', value: reason.value };
  const quarantinedTo = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(path, quarantinedTo);
  } catch (error) {
    // Another process quarantined it first: the damaged copy is already aside.
    if (!isNotFound(error)) throw error;
  }
  return { kind: 'corrupt', quarantinedTo, reason: reason.message };
}

/**
 * Writes JSON atomically (temp file, fsync, rename), owner-only: a reader in another process
 * sees the old file or the new one, never half of either.
 */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(value)}\n`, { mode: 0o600, fsync: true });
}

function validate<T>(
  text: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    message: `unexpected shape (${parsed.error.issues[0]?.message ?? 'invalid'})`,
  };
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

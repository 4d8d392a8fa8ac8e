import {
  closeSync,
  mkdirSync,
  openSync,
  fstatSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { readFully } from './file-scan';
import { ENTRY_COLUMNS, type EntryColumn, type EntryTableData } from './entry-table';
import { INDEX_FORMAT, parseIndexHeader, type IndexHeader } from './index-schema';

const MAGIC = 'HRLX';
/** Formats this version reads (older ones are upgraded as they load, see index-schema.ts). */
const READABLE_FORMATS = new Set([1, INDEX_FORMAT]);
const PREAMBLE = 16;

/** What loading the index found. */
export type IndexLoad =
  | { readonly kind: 'ok'; readonly header: IndexHeader; readonly table: EntryTableData }
  | { readonly kind: 'missing' }
  | { readonly kind: 'corrupt'; readonly reason: string; readonly quarantinedTo: string | null };

/**
 * Reads the binary index: `HRLX`, format, header length and CRC-32, a JSON header (files,
 * folders, string tables), then one Float64 column per entry field. Each column is read straight
 * into its own array, without parsing, so a restart costs a file read and a checksum. The arrays
 * have room for more entries (`spare`; untouched, that room is not resident): the first responses
 * appended after a restart do not copy the whole table to grow it.
 */
export function loadIndex(path: string, now: number): IndexLoad {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let parsed: ReturnType<typeof read>;
  try {
    parsed = read(fd);
  } finally {
    closeSync(fd);
  }
  if (typeof parsed !== 'string') return { kind: 'ok', ...parsed };
  return { kind: 'corrupt', reason: parsed, quarantinedTo: quarantine(path, now) };
}

/** Spare room in a loaded table: an eighth of its entries, at least 4,096. */
const spare = (count: number): number => Math.max(4096, Math.ceil(count / 8));

function read(fd: number): { header: IndexHeader; table: EntryTableData } | string {
  const size = fstatSync(fd).size;
  const preamble = Buffer.alloc(PREAMBLE);
  if (
    readFully(fd, preamble, PREAMBLE, 0) < PREAMBLE ||
    preamble.toString('latin1', 0, 4) !== MAGIC
  )
    return 'not a Pacewatch logs index';
  const format = preamble.readUInt32LE(4);
  if (!READABLE_FORMATS.has(format)) return `format ${format}, expected ${INDEX_FORMAT}`;
  const headerLength = preamble.readUInt32LE(8);
  if (PREAMBLE + headerLength > size) return 'checksum mismatch (truncated or damaged)';
  const headerBytes = Buffer.alloc(headerLength);
  readFully(fd, headerBytes, headerLength, PREAMBLE);
  let crc = crc32(headerBytes);
  const header = parseIndexHeader(headerBytes.toString('utf8'), format);
  const start = PREAMBLE + headerLength;
  const count = typeof header === 'string' ? 0 : header.count;
  const expected = start + ENTRY_COLUMNS.length * count * 8;
  // The checksum first: a damaged file says so rather than what its damage looks like.
  if (typeof header === 'string' || size !== expected) {
    const rest = Buffer.alloc(Math.max(0, size - start));
    readFully(fd, rest, rest.length, start);
    if (crc32(rest, crc) !== preamble.readUInt32LE(12))
      return 'checksum mismatch (truncated or damaged)';
    return typeof header === 'string' ? header : `size ${size}, expected ${expected}`;
  }
  const columns = {} as Record<EntryColumn, Float64Array>;
  ENTRY_COLUMNS.forEach((name, index) => {
    const column = new Float64Array(count + spare(count));
    const bytes = Buffer.from(column.buffer, 0, count * 8);
    readFully(fd, bytes, bytes.length, start + index * count * 8);
    crc = crc32(bytes, crc);
    columns[name] = column;
  });
  if (crc !== preamble.readUInt32LE(12)) return 'checksum mismatch (truncated or damaged)';
  return { header, table: { count, columns, models: header.models, sessions: header.sessions } };
}

/** Writes the index atomically (temp file, rename). No fsync: it is a cache, and a torn one is rebuilt. */
export function saveIndex(path: string, header: IndexHeader, table: EntryTableData): void {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Buffer.alloc(Math.ceil(json.length / 8) * 8, 0x20);
  json.copy(padded);
  const parts: Buffer[] = [padded];
  for (const name of ENTRY_COLUMNS) {
    const column = table.columns[name].subarray(0, table.count);
    parts.push(Buffer.from(column.buffer, column.byteOffset, column.byteLength));
  }
  let crc = 0;
  for (const part of parts) crc = crc32(part, crc);
  const preamble = Buffer.alloc(PREAMBLE);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(INDEX_FORMAT, 4);
  preamble.writeUInt32LE(padded.length, 8);
  preamble.writeUInt32LE(crc, 12);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    for (const part of [preamble, ...parts]) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function quarantine(path: string, now: number): string | null {
  const target = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, target);
    return target;
  } catch {
    try {
      unlinkSync(path);
    } catch {
      // Gone already: another process dealt with it.
    }
    return null;
  }
}

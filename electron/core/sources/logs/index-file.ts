import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
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
 * folders, string tables), then one Float64 column per entry field. The columns are used in
 * place, without copying or parsing, so a restart costs a file read and a checksum.
 */
export function loadIndex(path: string, now: number): IndexLoad {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const parsed = parse(bytes);
  if (typeof parsed !== 'string') return { kind: 'ok', ...parsed };
  return { kind: 'corrupt', reason: parsed, quarantinedTo: quarantine(path, now) };
}

function parse(bytes: Buffer): { header: IndexHeader; table: EntryTableData } | string {
  if (bytes.length < PREAMBLE || bytes.toString('latin1', 0, 4) !== MAGIC)
    return 'not a Pacewatch logs index';
  const format = bytes.readUInt32LE(4);
  if (!READABLE_FORMATS.has(format)) return `format ${format}, expected ${INDEX_FORMAT}`;
  const headerLength = bytes.readUInt32LE(8);
  if (crc32(bytes.subarray(PREAMBLE)) !== bytes.readUInt32LE(12))
    return 'checksum mismatch (truncated or damaged)';
  const header = parseIndexHeader(
    bytes.toString('utf8', PREAMBLE, PREAMBLE + headerLength),
    format,
  );
  if (typeof header === 'string') return header;
  const start = PREAMBLE + headerLength;
  const expected = start + ENTRY_COLUMNS.length * header.count * 8;
  if (bytes.length !== expected) return `size ${bytes.length}, expected ${expected}`;
  // Float64Array views need 8-byte alignment; a pooled small read may not have it.
  const aligned = (bytes.byteOffset + start) % 8 === 0 ? bytes : new Uint8Array(bytes);
  const columns = {} as Record<EntryColumn, Float64Array>;
  ENTRY_COLUMNS.forEach((name, index) => {
    columns[name] = new Float64Array(
      aligned.buffer,
      aligned.byteOffset + start + index * header.count * 8,
      header.count,
    );
  });
  return {
    header,
    table: { count: header.count, columns, models: header.models, sessions: header.sessions },
  };
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

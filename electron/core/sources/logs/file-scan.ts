import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { hashString } from '../../../../shared/domain/logs/hash';
import { scanChunk } from './line-scanner';
import type { ReadBuffer } from './read-buffer';
import type { PriceTable } from '../../../../shared/domain/logs/prices';
import { RecordBatch, type BatchData } from './record-batch';

/** One file to read from `offset` on. */
export interface FileScanTask {
  readonly path: string;
  readonly offset: number;
  /** The session the path names, for lines without `sessionId`. */
  readonly pathSession: string;
  /** The fingerprint of the file's first bytes when it was last read; null for a new file. */
  readonly head: Fingerprint | null;
  /** The fingerprint of the last bytes read, just before `offset`; null for a new file. */
  readonly tail: Fingerprint | null;
}

/** A hash of `length` bytes at a known place in a file. */
export interface Fingerprint {
  readonly hash: number;
  readonly length: number;
}

/** A file's identity, to tell an append from a replacement. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** A hash of the first `headLength` bytes (`HEAD_BYTES`, or the whole file when smaller). */
  readonly head: number;
  readonly headLength: number;
  /** A CRC-32 of the `tailLength` bytes before the read offset (`TAIL_BYTES`, or fewer). */
  readonly tail: number;
  readonly tailLength: number;
}

/** What reading one file found. */
export type FileScanResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly identity: FileIdentity;
      /** The new read offset (the start of a held, torn last line, or the end). */
      readonly offset: number;
      readonly bytesRead: number;
      readonly malformed: number;
      readonly batch: BatchData;
      /**
       * Why the file was read from its start again: it shrank, its first bytes changed, or the
       * last bytes read before changed (an edit in place that kept the size).
       */
      readonly reset: FileReset | null;
    }
  | { readonly ok: false; readonly path: string; readonly error: string };

/** Why a file read before must be read from its start again. */
export type FileReset = 'shrunk' | 'replaced' | 'edited';

/** Bytes fingerprinted at a file's start. */
export const HEAD_BYTES = 512;
/**
 * Bytes fingerprinted before the read offset: an edit there (a rewritten last response, say)
 * is seen even when it kept the file's size. An edit further back that keeps both the size and
 * these bytes is not (reading every byte again to find one would cost a first read).
 */
export const TAIL_BYTES = 8192;

/**
 * Reads a transcript from `task.offset` to its end in large chunks and returns its usage records.
 * Never throws for an unreadable file: that is a result the caller reports by path.
 */
export function scanFile(
  task: FileScanTask,
  buffer: ReadBuffer,
  prices: PriceTable,
): FileScanResult {
  let fd: number;
  try {
    fd = openSync(task.path, 'r');
  } catch (error) {
    return { ok: false, path: task.path, error: describe(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, path: task.path, error: 'not a regular file' };
    const headLength = Math.min(HEAD_BYTES, stat.size);
    const reset = resetReason(fd, stat.size, task, buffer);
    const batch = new RecordBatch(prices);
    let offset = reset === null ? task.offset : 0;
    const start = offset;
    // A read from the start fingerprints the head (and, below, the tail) from the chunks it reads
    // anyway rather than reading those bytes again.
    let head = start === 0 ? null : readHead(fd, headLength, buffer);
    let malformed = 0;
    let held = { from: 0, to: 0 }; // the file bytes the buffer holds
    while (offset < stat.size) {
      const want = Math.min(buffer.bytes.length, stat.size - offset);
      const got = readFully(fd, buffer.bytes, want, offset);
      held = { from: offset, to: offset + got };
      if (offset === 0 && got >= headLength) head = headHash(buffer.bytes, headLength);
      const atEof = offset + got >= stat.size;
      const scan = scanChunk(buffer, got, atEof, batch, task.pathSession);
      malformed += scan.malformed;
      if (scan.consumed === 0 && !atEof) {
        buffer.grow(buffer.bytes.length * 2); // one line longer than the buffer
        continue;
      }
      offset += scan.consumed;
      if (atEof || got < want) break;
    }
    const tailLength = Math.min(TAIL_BYTES, offset);
    return {
      ok: true,
      path: task.path,
      identity: {
        dev: stat.dev,
        ino: stat.ino,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        head: head ?? readHead(fd, headLength, buffer),
        headLength,
        tail:
          offset - tailLength >= held.from && offset <= held.to
            ? crc32(buffer.bytes.subarray(offset - tailLength - held.from, offset - held.from))
            : readTail(fd, offset, tailLength, buffer),
        tailLength,
      },
      offset,
      bytesRead: stat.size - start,
      malformed,
      batch: batch.toData(),
      reset,
    };
  } catch (error) {
    return { ok: false, path: task.path, error: describe(error) };
  } finally {
    closeSync(fd);
  }
}

/** Why the file must be read from its start (see FileReset), or null: read on from the offset. */
function resetReason(
  fd: number,
  size: number,
  task: FileScanTask,
  buffer: ReadBuffer,
): FileReset | null {
  if (task.offset > size) return 'shrunk';
  if (task.head !== null && task.head.length <= size) {
    if (readHead(fd, task.head.length, buffer) !== task.head.hash) return 'replaced';
  }
  if (task.tail !== null && task.tail.length > 0) {
    if (readTail(fd, task.offset, task.tail.length, buffer) !== task.tail.hash) return 'edited';
  }
  return null;
}

function readTail(fd: number, end: number, length: number, buffer: ReadBuffer): number {
  const got = readFully(fd, buffer.bytes, length, end - length);
  return crc32(buffer.bytes.subarray(0, got));
}

function readHead(fd: number, length: number, buffer: ReadBuffer): number {
  return headHash(buffer.bytes, readFully(fd, buffer.bytes, length, 0));
}

function headHash(bytes: Buffer, length: number): number {
  return hashString(bytes.toString('latin1', 0, length));
}

/** Reads `length` bytes at `position` into `into`; returns how many there were (fewer at the end). */
export function readFully(fd: number, into: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const got = readSync(fd, into, done, length - done, position + done);
    if (got === 0) break;
    done += got;
  }
  return done;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOENT') return 'missing (a dangling link?)';
  return code ?? (error instanceof Error ? error.message : String(error));
}

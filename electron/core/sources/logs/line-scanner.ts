import { readUsageRecords, type UsageRecord } from '../../../../shared/domain/logs/usage-record';
import { FastLineReader } from './fast-line';
import { NEEDLES, type ReadBuffer } from './read-buffer';
import { emptyFields, type RecordBatch } from './record-batch';

const MESSAGE = 0;
const CONTENT = 1;
const CONTENT_END = 2;
const CONTENT_LENGTH = NEEDLES[CONTENT].length;

/** One fast reader per read buffer (the walk remembers the last line per buffer). */
const fastReaders = new WeakMap<ReadBuffer, FastLineReader>();
const fields = emptyFields();

/** What scanning a chunk found. */
export interface ChunkScan {
  /** Bytes fully handled from the chunk's start: the reader resumes there next time. */
  consumed: number;
  /** Complete lines that mention `"usage":{` but are not JSON. */
  malformed: number;
}

/**
 * Reads the usage records of one chunk of a transcript into `batch`.
 *
 * Only lines containing the bytes `"usage":{` can carry usage (ccusage filters the same way), and
 * they are found with one native byte search per hit rather than line by line: most of a
 * transcript's bytes are tool results that are never decoded. A hit line is read without its
 * `message.content` array (the bulk of an assistant line) when that array is followed by
 * `stop_reason`, as Claude Code writes it: straight from the bytes when the rest is plain
 * (fast-line.ts), else with JSON.parse. The cut is safe because a wrong cut leaves unbalanced
 * brackets, which fails to parse and falls back to parsing the whole line.
 *
 * A last line without a newline is held (not consumed) unless it is complete JSON — Claude Code
 * may still be writing it — so the next read starts at its first byte.
 */
export function scanChunk(
  buffer: ReadBuffer,
  length: number,
  atEof: boolean,
  batch: RecordBatch,
  pathSession: string,
): ChunkScan {
  const bytes = buffer.bytes;
  const complete = buffer.lineStart(length, 0);
  let fast = fastReaders.get(buffer);
  if (fast === undefined) fastReaders.set(buffer, (fast = new FastLineReader()));
  const records: UsageRecord[] = [];
  let malformed = 0;
  let from = 0;
  for (;;) {
    const hit = buffer.findUsage(from, complete);
    if (hit < 0) break;
    const start = buffer.lineStart(hit, from);
    const end = buffer.lineEnd(hit, complete);
    from = end + 1;
    const cut = skeletonCut(buffer, start, end);
    if (cut !== null && fast.read(buffer, start, cut.cut, cut.resume, end, fields)) {
      batch.pushFields(fields, pathSession);
      continue;
    }
    if (cut === null || !readSkeleton(buffer, start, end, cut, records)) {
      const parsed = parseWhole(bytes.toString('latin1', start, end));
      if (parsed === undefined) malformed += 1;
      else readUsageRecords(parsed, records);
    }
    // In line order: which line of a response a batch keeps depends on it.
    for (const record of records) batch.push(record, pathSession);
    records.length = 0;
  }
  let consumed = complete;
  if (atEof && complete < length) {
    const tail = bytes.toString('latin1', complete, length);
    const parsed = parseComplete(tail);
    if (parsed !== undefined) {
      consumed = length;
      if (tail.includes('"usage":{')) readUsageRecords(parsed, records);
    }
  }
  for (const record of records) batch.push(record, pathSession);
  return { consumed, malformed };
}

/** Where a line's skeleton skips its `message.content` array. */
export interface SkeletonCut {
  /** Just after the array's `[`. */
  readonly cut: number;
  /** At the `]` that closes it (before `,"stop_reason":`). */
  readonly resume: number;
}

const cutFound: { cut: number; resume: number } = { cut: 0, resume: 0 };

/**
 * The cut of the line [start, end), or null when the line does not have the shape. The result
 * is reused by the next call.
 */
export function skeletonCut(buffer: ReadBuffer, start: number, end: number): SkeletonCut | null {
  const message = buffer.findNeedle(MESSAGE, start, end);
  if (message < 0) return null;
  const content = buffer.findNeedle(CONTENT, message, end);
  if (content < 0) return null;
  const contentEnd = buffer.findNeedle(CONTENT_END, content, end);
  if (contentEnd < 0) return null;
  cutFound.cut = content + CONTENT_LENGTH;
  cutFound.resume = contentEnd;
  return cutFound;
}

/**
 * Reads the line [start, end) without its `message.content` array into `records` with
 * JSON.parse; false when the cut does not parse (the caller then parses the whole line). Only the
 * kept bytes are decoded.
 */
function readSkeleton(
  buffer: ReadBuffer,
  start: number,
  end: number,
  cut: SkeletonCut,
  records: UsageRecord[],
): boolean {
  const bytes = buffer.bytes;
  const text = bytes.toString('latin1', start, cut.cut) + bytes.toString('latin1', cut.resume, end);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  readUsageRecords(parsed, records);
  return true;
}

function parseWhole(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/** A newline-less last line, parsed if it is complete JSON; undefined while it is torn. */
function parseComplete(tail: string): unknown {
  const trimmed = tail.trim();
  if (trimmed.length === 0) return null;
  if (!trimmed.endsWith('}')) return undefined;
  return parseWhole(trimmed);
}

import { readUsageRecords, type UsageRecord } from '../../../../shared/domain/logs/usage-record';
import type { ReadBuffer } from './read-buffer';
import type { RecordBatch } from './record-batch';

/** What scanning a chunk found. */
export interface ChunkScan {
  /** Bytes fully handled from the chunk's start: the reader resumes there next time. */
  consumed: number;
  /** Complete lines that mention `"usage":{` but are not JSON. */
  malformed: number;
}

const records: UsageRecord[] = [];

/**
 * Reads the usage records of one chunk of a transcript into `batch`.
 *
 * Only lines containing the bytes `"usage":{` can carry usage (ccusage filters the same way), and
 * they are found with one SIMD search per hit rather than line by line: most of a transcript's
 * bytes are tool results that are never decoded. A hit line is parsed without its
 * `message.content` array (most of an assistant line's bytes) when that array is followed by
 * `stop_reason`, as Claude Code writes it (see `lineText`); `readUsageRecords` then decides
 * what counts.
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
  const complete = buffer.lineStart(length, 0);
  let malformed = 0;
  let from = 0;
  for (;;) {
    const hit = buffer.findUsage(from, complete);
    if (hit < 0) break;
    const start = buffer.lineStart(hit, from);
    const end = buffer.lineEnd(hit, complete);
    from = end + 1;
    const parsed = parseLine(buffer, start, end);
    if (parsed === undefined) malformed += 1;
    else readUsageRecords(parsed, records);
    // In line order: which line of a response a batch keeps depends on it.
    for (const record of records) batch.push(record, pathSession);
    records.length = 0;
  }
  let consumed = complete;
  if (atEof && complete < length) {
    const tail = buffer.bytes.toString('latin1', complete, length).trim();
    // A torn line (Claude Code still writing it) does not end in `}`: held until it is complete.
    const parsed = tail.endsWith('}') ? parseJson(tail) : tail.length === 0 ? null : undefined;
    if (parsed !== undefined) {
      consumed = length;
      if (tail.includes('"usage":{')) readUsageRecords(parsed, records);
    }
  }
  for (const record of records) batch.push(record, pathSession);
  records.length = 0;
  return { consumed, malformed };
}

/**
 * The line [start, end) parsed, without its `message.content` array where it can be cut; undefined
 * when it is not JSON. The cut keeps `"content":[` and resumes at `],"stop_reason":`, so the
 * text parsed says `"content":[]`. A wrong cut (those bytes inside a string, say) leaves
 * unbalanced brackets or quotes, which fails to parse: the whole line is parsed then.
 *
 * Decoded as latin1 (one byte, one character: the fastest string V8 makes): JSON's syntax is
 * ASCII, and the fields that count (ids, model, session, numbers) are ASCII, so this reads them
 * as UTF-8 would.
 */
export function parseLine(buffer: ReadBuffer, start: number, end: number): unknown {
  const bytes = buffer.bytes;
  const cut = contentCut(buffer, start, end);
  if (cut !== null) {
    const skeleton = parseJson(
      bytes.toString('latin1', start, cut.cut) + bytes.toString('latin1', cut.resume, end),
    );
    if (skeleton !== undefined) return skeleton;
  }
  return parseJson(bytes.toString('latin1', start, end));
}

/** Where a line's `message.content` array starts (after `[`) and ends (at `]`), or null. */
function contentCut(
  buffer: ReadBuffer,
  start: number,
  end: number,
): { cut: number; resume: number } | null {
  const message = buffer.find('message', start, end);
  if (message < 0) return null;
  const content = buffer.find('content', message, end);
  if (content < 0) return null;
  const resume = buffer.find('contentEnd', content, end);
  if (resume < 0) return null;
  return { cut: content + buffer.needleLength('content'), resume };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

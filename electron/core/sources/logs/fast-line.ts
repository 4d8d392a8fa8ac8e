import { parseLogTimestampBytes } from '../../../../shared/domain/logs/log-timestamp';
import type { ReadBuffer } from './read-buffer';
import type { RecordFields } from './record-batch';
import { F, NONE, V } from './skeleton-fields';
import { digitsEnd } from './skeleton-walk';
import { DOT, LOWER_T, NINE, ZERO } from './json-bytes';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const SYNTHETIC = latin1('<synthetic>');
const STANDARD = latin1('standard');
const FAST = latin1('fast');

/**
 * Reads the usage record of a plain Claude Code assistant line straight from its bytes, without
 * JSON.parse and without a string per field: the SIMD token list of the line's skeleton (the
 * line without the inside of `message.content`, see line-scanner.ts) is walked as strict JSON
 * (wasm-walk.ts; skeleton-walk.ts where WebAssembly SIMD is missing) and the record is built from
 * the located fields with readUsageRecords' rules, ids hashed from their bytes.
 *
 * It accepts only lines on which it provably gives what JSON.parse + readUsageRecords give: no
 * escape or control byte in the skeleton, the line's own `message.usage`, each needed key once,
 * counts that are plain integers, no `null` where ccusage refuses one, and nothing readUsageRecords
 * would drop. Anything else — an agent-progress line, advisor `iterations`, a torn line — returns
 * false and the caller parses the line the usual way; `fast-line.test.ts` checks both agree.
 */
export class FastLineReader {
  #fields: { readonly start: Int32Array; readonly stop: Int32Array } = {
    start: new Int32Array(0),
    stop: new Int32Array(0),
  };
  #bytes: Buffer = Buffer.alloc(0);
  #values: Float64Array = new Float64Array(0);
  /**
   * The strings made for the last session / model bytes the walk remembered (its same-as-last
   * flags say when to reuse them). One reader per read buffer: the walk remembers per buffer.
   */
  #session = '';
  #model = '';

  /**
   * Fills `out` from the skeleton `[start, cut)` + `[resume, end)` of a line in `buffer` (`cut`
   * right after the content array's `[`, `resume` at its `]`); false when the line must be
   * parsed the usual way.
   */
  read(
    buffer: ReadBuffer,
    start: number,
    cut: number,
    resume: number,
    end: number,
    out: RecordFields,
  ): boolean {
    let count = buffer.tokens(start, cut, 0);
    if (count > 0) count = buffer.tokens(resume, end, count);
    if (count <= 0) return false;
    if (!buffer.walk(count, start, cut, resume, end)) return false;
    this.#bytes = buffer.bytes;
    this.#fields = buffer.fields;
    this.#values = buffer.values;
    // The walk remembered this line's session and model bytes: keep the strings in step, even
    // when the line is then left to the usual path.
    this.#sessionText();
    this.#modelText();
    return this.#record(out);
  }

  /** Fills the record with readUsageRecords' rules; false where it would drop the line. */
  #record(out: RecordFields): boolean {
    const { start, stop } = this.#fields;
    const bytes = this.#bytes;
    // The line's own usage (not an agent-progress copy), with both required counts.
    if (start[F.timestamp] === NONE || start[F.usage] === NONE) return false;
    if (start[F.input] === NONE || start[F.output] === NONE) return false;
    const timestamp = parseLogTimestampBytes(
      bytes,
      start[F.timestamp] as number,
      stop[F.timestamp] as number,
    );
    if (timestamp === null) return false;
    const speed = this.#speed();
    if (speed === false || this.#empty(F.model) || this.#empty(F.id)) return false;
    if (this.#empty(F.sessionId) || this.#empty(F.requestId)) return false;
    const version = start[F.version] as number;
    if (version !== NONE && !isSemverPrefix(bytes, version, stop[F.version] as number))
      return false;
    const values = this.#values;
    const breakdown = start[F.breakdown] !== NONE;
    out.timestamp = timestamp;
    out.messageKey = values[V.messageKey] as number;
    out.requestKey = values[V.requestKey] as number;
    out.sessionId = start[F.sessionId] === NONE ? null : this.#session;
    out.model = this.#modelName();
    out.speed = speed;
    out.isSidechain =
      start[F.isSidechain] !== NONE && bytes[start[F.isSidechain] as number] === LOWER_T;
    out.isAdvisor = false;
    out.input = values[V.input] as number;
    out.output = values[V.output] as number;
    out.cacheWrite5m = (breakdown ? values[V.fiveMinute] : values[V.created]) as number;
    out.cacheWrite1h = breakdown ? (values[V.oneHour] as number) : 0;
    out.cacheRead = values[V.read] as number;
    const cost = start[F.costUSD] as number;
    out.costUsd = cost === NONE ? null : Number(bytes.toString('latin1', cost, stop[F.costUSD]));
    return true;
  }

  /** A present but empty id, model or session: readUsageRecords drops the line. */
  #empty(field: number): boolean {
    const { start, stop } = this.#fields;
    return start[field] !== NONE && stop[field] === start[field];
  }

  /** `usage.speed`: null when absent, false for a value ccusage rejects. */
  #speed(): 'standard' | 'fast' | null | false {
    const { start, stop } = this.#fields;
    const at = start[F.speed] as number;
    if (at === NONE) return null;
    const end = stop[F.speed] as number;
    if (this.#is(at, end, STANDARD)) return 'standard';
    return this.#is(at, end, FAST) ? 'fast' : false;
  }

  /** The model, null when absent or `<synthetic>` (an API error notice). */
  #modelName(): string | null {
    const { start, stop } = this.#fields;
    const at = start[F.model] as number;
    if (at === NONE || this.#is(at, stop[F.model] as number, SYNTHETIC)) return null;
    return this.#model;
  }

  #sessionText(): void {
    const { start, stop } = this.#fields;
    const at = start[F.sessionId] as number;
    if (at !== NONE && this.#values[V.sameSession] !== 1)
      this.#session = this.#bytes.toString('latin1', at, stop[F.sessionId]);
  }

  #modelText(): void {
    const { start, stop } = this.#fields;
    const at = start[F.model] as number;
    if (at !== NONE && this.#values[V.sameModel] !== 1)
      this.#model = this.#bytes.toString('latin1', at, stop[F.model]);
  }

  #is(start: number, end: number, text: Buffer): boolean {
    if (end - start !== text.length) return false;
    const bytes = this.#bytes;
    for (let index = 0; index < text.length; index += 1)
      if (bytes[start + index] !== text[index]) return false;
    return true;
  }
}

/** `version` starts like `major.minor.patch` (ccusage's /^\d+\.\d+\.\d/). */
function isSemverPrefix(bytes: Uint8Array, start: number, end: number): boolean {
  let position = start;
  for (let part = 0; part < 2; part += 1) {
    const digits = digitsEnd(bytes, position, end);
    if (digits === position || digits >= end || bytes[digits] !== DOT) return false;
    position = digits + 1;
  }
  const next = bytes[position] as number;
  return position < end && next >= ZERO && next <= NINE;
}

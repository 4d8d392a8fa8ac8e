import { FIELDS, VALUES } from './skeleton-fields';
import { SkeletonWalk } from './skeleton-walk';
import { instantiateSearch, type SearchExports } from './wasm-search';
import { MAX_TOKENS, MEMORY } from './wasm-layout';
import { NEWLINE } from './json-bytes';

/** Read size: a chunk stays in the core's L2 cache between the read and the SIMD searches. */
const CHUNK_BYTES = 256 << 10;
const PAGE = 65_536;
/** Bytes kept free after the data: SIMD loads may read up to 24 bytes past it. */
const PAD = 64;
const TOKENS_AT = MEMORY.tokens;
const DATA_AT = MEMORY.data;
const USAGE = Buffer.from('"usage":{');

/** Byte strings the line scanner looks for inside a hit line (see line-scanner.ts). */
export const NEEDLES = ['"message":{', '"content":[', '],"stop_reason":'] as const;
/** An index into NEEDLES. */
export type Needle = 0 | 1 | 2;

/**
 * A thread's reusable read buffer and the searches the line scanner needs over it. Offsets are
 * relative to the start of `bytes`. Backed by WebAssembly memory with SIMD searches where the
 * runtime has them (every supported Node and Electron does), else by a Buffer and `indexOf`.
 */
export interface ReadBuffer {
  /** The data area; a new view after `grow`, so read it again after growing. */
  readonly bytes: Buffer;
  /** Makes room for at least `size` bytes (contents are not kept). */
  grow(size: number): void;
  /** The first offset in [from, to) where `"usage":{` starts (whole needle inside), or −1. */
  findUsage(from: number, to: number): number;
  /** The offset after the last newline in [floor, position), or floor. */
  lineStart(position: number, floor: number): number;
  /** The offset of the first newline in [position, to), or to. */
  lineEnd(position: number, to: number): number;
  /** The first offset in [from, to) where a needle starts (whole needle inside), or −1. */
  findNeedle(needle: Needle, from: number, to: number): number;
  /** The token list `tokens` writes: offsets into `bytes`. */
  readonly positions: Int32Array;
  /**
   * Appends to `positions`, from entry `count`, the offset of every `"` in [from, to) and of every
   * `:` `,` `{` `}` `[` `]` outside strings (so a string is two adjacent entries); returns the new
   * count, or −1 when a backslash or a byte below 0x20 is there, [from, to) ends inside a string,
   * or the list is full. [from, to) must start outside a string.
   */
  tokens(from: number, to: number, count: number): number;
  /**
   * Walks the skeleton `[start, cut)` + `[resume, end)` whose `count` tokens `tokens` listed
   * (skeleton-walk.ts); true when it is one the fast line reader reads, its fields in `fields`.
   */
  walk(count: number, start: number, cut: number, resume: number, end: number): boolean;
  /** Where the last walk found each field: `start` (NONE: absent) and `stop`, offsets into `bytes`. */
  readonly fields: { readonly start: Int32Array; readonly stop: Int32Array };
  /** What the last walk extracted (skeleton-walk.ts's V: hashed ids, counts, same-as-last flags). */
  readonly values: Float64Array;
  /** Frees the memory (the buffer then holds nothing until it grows again). */
  release(): void;
}

/** A read buffer for this thread: WebAssembly-backed when possible. */
export function createReadBuffer(size = CHUNK_BYTES, useWasm = true): ReadBuffer {
  const search = useWasm ? instantiateSearch() : null;
  return search === null ? new PlainBuffer(size) : new WasmBuffer(search, size);
}

class WasmBuffer implements ReadBuffer {
  readonly #search: SearchExports;
  #bytes: Buffer;
  #positions = new Int32Array(0);
  #fields = { start: new Int32Array(0), stop: new Int32Array(0) };
  #values = new Float64Array(0);
  /** Where each needle sits in memory (below the data area, which starts at PAD). */
  readonly #needles: { at: number; length: number }[] = [];

  constructor(search: SearchExports, size: number) {
    this.#search = search;
    this.#bytes = Buffer.alloc(0);
    this.grow(size);
    let at = 0;
    for (const needle of NEEDLES) {
      Buffer.from(search.memory.buffer).write(needle, at, 'latin1');
      this.#needles.push({ at, length: needle.length });
      at += needle.length;
    }
  }

  get bytes(): Buffer {
    return this.#bytes;
  }

  get positions(): Int32Array {
    return this.#positions;
  }

  get fields(): { readonly start: Int32Array; readonly stop: Int32Array } {
    return this.#fields;
  }

  get values(): Float64Array {
    return this.#values;
  }

  grow(size: number): void {
    if (size <= this.#bytes.length) return;
    const memory = this.#search.memory;
    const needed = Math.ceil((Math.max(size, CHUNK_BYTES) + DATA_AT + PAD) / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (needed > have) memory.grow(needed - have);
    this.#bytes = Buffer.from(memory.buffer, DATA_AT, memory.buffer.byteLength - DATA_AT - PAD);
    this.#positions = new Int32Array(memory.buffer, TOKENS_AT, MAX_TOKENS);
    this.#fields = {
      start: new Int32Array(memory.buffer, MEMORY.fields, FIELDS),
      stop: new Int32Array(memory.buffer, MEMORY.fields + 128, FIELDS),
    };
    this.#values = new Float64Array(memory.buffer, MEMORY.values, VALUES);
  }

  findUsage(from: number, to: number): number {
    const hit = this.#search.find(from + DATA_AT, to + DATA_AT);
    return hit < 0 ? -1 : hit - DATA_AT;
  }

  lineStart(position: number, floor: number): number {
    return this.#search.lineStart(position + DATA_AT, floor + DATA_AT) - DATA_AT;
  }

  lineEnd(position: number, to: number): number {
    return this.#search.lineEnd(position + DATA_AT, to + DATA_AT) - DATA_AT;
  }

  findNeedle(needle: Needle, from: number, to: number): number {
    const { at, length } = this.#needles[needle] as { at: number; length: number };
    const hit = this.#search.findBytes(from + DATA_AT, to + DATA_AT, at, length);
    return hit < 0 ? -1 : hit - DATA_AT;
  }

  tokens(from: number, to: number, count: number): number {
    const end = this.#search.tokens(
      from + DATA_AT,
      to + DATA_AT,
      TOKENS_AT + count * 4,
      TOKENS_AT + MAX_TOKENS * 4,
      DATA_AT,
    );
    return end < 0 ? -1 : (end - TOKENS_AT) >> 2;
  }

  walk(count: number, start: number, cut: number, resume: number, end: number): boolean {
    return this.#search.walk(count, start, cut, resume, end) === 1;
  }

  release(): void {
    // WebAssembly memory cannot shrink; dropping the views lets a finished worker's go with it.
    this.#bytes = Buffer.alloc(0);
    this.#positions = new Int32Array(0);
    this.#fields = { start: new Int32Array(0), stop: new Int32Array(0) };
    this.#values = new Float64Array(0);
  }
}

class PlainBuffer implements ReadBuffer {
  #bytes: Buffer;
  readonly positions = new Int32Array(MAX_TOKENS);
  readonly #walk = new SkeletonWalk();
  readonly fields = { start: this.#walk.start, stop: this.#walk.stop };
  readonly values = this.#walk.values;

  constructor(size: number) {
    this.#bytes = Buffer.allocUnsafe(size);
  }

  get bytes(): Buffer {
    return this.#bytes;
  }

  grow(size: number): void {
    if (size > this.#bytes.length) this.#bytes = Buffer.allocUnsafe(Math.max(size, CHUNK_BYTES));
  }

  findUsage(from: number, to: number): number {
    const hit = this.#bytes.subarray(0, to).indexOf(USAGE, from);
    return hit;
  }

  lineStart(position: number, floor: number): number {
    if (position <= floor) return floor;
    const found = this.#bytes.lastIndexOf(NEWLINE, position - 1);
    return found < floor ? floor : found + 1;
  }

  lineEnd(position: number, to: number): number {
    const found = this.#bytes.subarray(0, to).indexOf(NEWLINE, position);
    return found < 0 ? to : found;
  }

  findNeedle(needle: Needle, from: number, to: number): number {
    return this.#bytes.subarray(0, to).indexOf(NEEDLES[needle], from, 'latin1');
  }

  tokens(from: number, to: number, count: number): number {
    const bytes = this.#bytes;
    let next = count;
    let inside = false;
    for (let at = from; at < to; at += 1) {
      const byte = bytes[at] as number;
      if (byte === 0x5c || byte < 0x20) return -1;
      if (byte === 0x22) inside = !inside;
      const folded = byte | 0x20; // `[` `]` → `{` `}`
      const structural =
        byte === 0x22 ||
        (!inside && (byte === 0x3a || byte === 0x2c || folded === 0x7b || folded === 0x7d));
      if (!structural) continue;
      if (next >= this.positions.length) return -1;
      this.positions[next++] = at;
    }
    return inside ? -1 : next;
  }

  walk(count: number, start: number, cut: number, resume: number, end: number): boolean {
    return this.#walk.walk(this.#bytes, this.positions, count, start, cut, resume, end);
  }

  release(): void {
    this.#bytes = Buffer.alloc(0);
  }
}

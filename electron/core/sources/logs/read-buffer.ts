import { instantiateSearch, type SearchExports } from './wasm-search';

const CHUNK_BYTES = 4 << 20;
const PAGE = 65_536;
/** Bytes kept free before and after the data: SIMD loads may read up to 24 bytes past it. */
const PAD = 64;
const USAGE = Buffer.from('"usage":{');
const NEWLINE = 0x0a;

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

  grow(size: number): void {
    if (size <= this.#bytes.length) return;
    const memory = this.#search.memory;
    const needed = Math.ceil((Math.max(size, CHUNK_BYTES) + 2 * PAD) / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (needed > have) memory.grow(needed - have);
    this.#bytes = Buffer.from(memory.buffer, PAD, memory.buffer.byteLength - 2 * PAD);
  }

  findUsage(from: number, to: number): number {
    const hit = this.#search.find(from + PAD, to + PAD);
    return hit < 0 ? -1 : hit - PAD;
  }

  lineStart(position: number, floor: number): number {
    return this.#search.lineStart(position + PAD, floor + PAD) - PAD;
  }

  lineEnd(position: number, to: number): number {
    return this.#search.lineEnd(position + PAD, to + PAD) - PAD;
  }

  findNeedle(needle: Needle, from: number, to: number): number {
    const { at, length } = this.#needles[needle] as { at: number; length: number };
    const hit = this.#search.findBytes(from + PAD, to + PAD, at, length);
    return hit < 0 ? -1 : hit - PAD;
  }

  release(): void {
    // WebAssembly memory cannot shrink; dropping the view lets a finished worker's go with it.
    this.#bytes = Buffer.alloc(0);
  }
}

class PlainBuffer implements ReadBuffer {
  #bytes: Buffer;

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

  release(): void {
    this.#bytes = Buffer.alloc(0);
  }
}

import lineSearchWasm from './line-search.wat';

/** Read size: a chunk stays in the core's L2 cache between the read and the searches. */
const CHUNK_BYTES = 256 << 10;
const PAGE = 65_536;

/** The needles a hit line is cut with (see line-scanner.ts), as line-search.wat places them. */
export type Needle = 'message' | 'content' | 'contentEnd';

/** The exports of line-search.wat (its comments say what each does). */
interface LineSearch {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly DATA: { readonly value: number };
  readonly PAD: { readonly value: number };
  readonly MESSAGE: { readonly value: number };
  readonly MESSAGE_LENGTH: { readonly value: number };
  readonly CONTENT: { readonly value: number };
  readonly CONTENT_LENGTH: { readonly value: number };
  readonly CONTENT_END: { readonly value: number };
  readonly CONTENT_END_LENGTH: { readonly value: number };
  findUsage(start: number, end: number): number;
  lineEnd(position: number, end: number): number;
  lineStart(position: number, floor: number): number;
  findBytes(start: number, end: number, needle: number, length: number): number;
}

/** The global `WebAssembly` (typed here: this project's Node lib has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
let compiled: object | null = null;

/** The compiled search module (compiled once per thread, or posted by the thread that did). */
export function searchModule(): object {
  compiled ??= new wasm.Module(lineSearchWasm);
  return compiled;
}

/** Uses a module compiled on another thread (see searchModule). */
export function useSearchModule(module: object): void {
  compiled = module;
}

/**
 * A thread's reusable read buffer in WebAssembly memory, and the searches the line scanner makes
 * over it (line-search.wat). Offsets are relative to the start of `bytes`.
 */
export class ReadBuffer {
  readonly #search: LineSearch;
  readonly #data: number;
  readonly #needles: Readonly<Record<Needle, { at: number; length: number }>>;
  #bytes = Buffer.alloc(0);

  constructor(size = CHUNK_BYTES) {
    this.#search = new wasm.Instance(searchModule()).exports as LineSearch;
    const search = this.#search;
    this.#data = search.DATA.value;
    this.#needles = {
      message: { at: search.MESSAGE.value, length: search.MESSAGE_LENGTH.value },
      content: { at: search.CONTENT.value, length: search.CONTENT_LENGTH.value },
      contentEnd: { at: search.CONTENT_END.value, length: search.CONTENT_END_LENGTH.value },
    };
    this.grow(size);
  }

  /** The data area; a new view after `grow`, so read it again after growing. */
  get bytes(): Buffer {
    return this.#bytes;
  }

  /** A needle's length in bytes. */
  needleLength(needle: Needle): number {
    return this.#needles[needle].length;
  }

  /** Makes room for at least `size` bytes (contents are not kept). */
  grow(size: number): void {
    if (size <= this.#bytes.length) return;
    const { memory, PAD } = this.#search;
    const needed = Math.ceil((Math.max(size, CHUNK_BYTES) + this.#data + PAD.value) / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (needed > have) memory.grow(needed - have);
    const total = memory.buffer.byteLength;
    this.#bytes = Buffer.from(memory.buffer, this.#data, total - this.#data - PAD.value);
  }

  /** The first offset in [from, to) where `"usage":{` starts (whole needle inside), or −1. */
  findUsage(from: number, to: number): number {
    const hit = this.#search.findUsage(from + this.#data, to + this.#data);
    return hit < 0 ? -1 : hit - this.#data;
  }

  /** The offset after the last newline in [floor, position), or floor. */
  lineStart(position: number, floor: number): number {
    return this.#search.lineStart(position + this.#data, floor + this.#data) - this.#data;
  }

  /** The offset of the first newline in [position, to), or to. */
  lineEnd(position: number, to: number): number {
    return this.#search.lineEnd(position + this.#data, to + this.#data) - this.#data;
  }

  /** The first offset in [from, to) where a needle starts (whole needle inside), or −1. */
  find(needle: Needle, from: number, to: number): number {
    const { at, length } = this.#needles[needle];
    const hit = this.#search.findBytes(from + this.#data, to + this.#data, at, length);
    return hit < 0 ? -1 : hit - this.#data;
  }

  /** Drops the view (WebAssembly memory cannot shrink: it goes with the buffer). */
  release(): void {
    this.#bytes = Buffer.alloc(0);
  }
}

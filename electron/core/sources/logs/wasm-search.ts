// A tiny WebAssembly module (SIMD) that finds `"usage":{` and line bounds in transcript bytes
// several times faster than Buffer#indexOf, which pays a native call per hit and scans with a
// generic algorithm. It is assembled here from commented opcodes, so there is no binary blob
// and no build step; `wasm-search.test.ts` checks it against Buffer#indexOf on random bytes.

const I32 = 0x7f;
const V128 = 0x7b;
const EMPTY = 0x40;

const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  localGet: 0x20,
  localSet: 0x21,
  i32Load8U: 0x2d,
  i64Load: 0x29,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  i64Eq: 0x51,
  i32Clz: 0x67,
  i32Ctz: 0x68,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  simd: 0xfd,
} as const;
const simd = { load: 0x00, splat: 0x0f, eq: 0x23, and: 0x4e, bitmask: 0x64 } as const;

/** Signed LEB128, as WebAssembly encodes integer constants. */
function sleb(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    const byte = Number(rest & 0x7fn);
    rest >>= 7n;
    const done = (rest === 0n && (byte & 0x40) === 0) || (rest === -1n && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

function uleb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

const get = (local: number): number[] => [op.localGet, local];
const set = (local: number): number[] => [op.localSet, local];
const i32 = (value: number): number[] => [op.i32Const, ...sleb(BigInt(value))];
const load128 = (offset: number): number[] => [op.simd, simd.load, 0, ...uleb(offset)];
const splat = (byte: number): number[] => [...i32(byte), op.simd, simd.splat];
const bitmaskEq = (offset: number, local: number): number[] => [
  ...load128(offset),
  ...get(local),
  op.simd,
  simd.eq,
];

/** `"usage":{` — the first eight bytes as a little-endian i64; the ninth is `{`. */
const NEEDLE_HEAD = 0x3a22656761737522n;

// find(start, end) → the first offset p with start ≤ p, p + 9 ≤ end holding `"usage":{`, or −1.
// Per 16 bytes: compare with `"` and the bytes 8 further with `{`; check each candidate as an i64.
// locals: 0 start, 1 end, 2 i, 3 mask, 4 pos, 5 limit, 6 quote (v128), 7 brace (v128)
// prettier-ignore
const find = [
  ...splat(0x22), ...set(6),
  ...splat(0x7b), ...set(7),
  ...get(1), ...i32(9), op.i32Sub, ...set(5),
  ...get(0), ...set(2),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(2), ...get(5), op.i32GtS, op.brIf, 1,
  ...get(2), ...bitmaskEq(0, 6), ...get(2), ...bitmaskEq(8, 7), op.simd, simd.and, op.simd, simd.bitmask, ...set(3),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(3), op.i32Eqz, op.brIf, 1,
  ...get(2), ...get(3), op.i32Ctz, op.i32Add, ...set(4),
  ...get(4), ...get(5), op.i32GtS, op.if, EMPTY, ...i32(-1), op.return, op.end,
  ...get(4), op.i64Load, 0, 0, op.i64Const, ...sleb(NEEDLE_HEAD), op.i64Eq, op.if, EMPTY, ...get(4), op.return, op.end,
  ...get(3), ...get(3), ...i32(1), op.i32Sub, op.i32And, ...set(3),
  op.br, 0,
  op.end, op.end,
  ...get(2), ...i32(16), op.i32Add, ...set(2),
  op.br, 0,
  op.end, op.end,
  ...i32(-1),
];

// lineEnd(pos, end) → the offset of the first `\n` at or after pos, or end.
// locals: 0 pos, 1 end, 2 i, 3 mask, 4 newline (v128)
// prettier-ignore
const lineEnd = [
  ...splat(0x0a), ...set(4),
  ...get(0), ...set(2),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(2), ...i32(16), op.i32Add, ...get(1), op.i32GtS, op.brIf, 1,
  ...get(2), ...bitmaskEq(0, 4), op.simd, simd.bitmask, ...set(3),
  ...get(3), op.if, EMPTY, ...get(2), ...get(3), op.i32Ctz, op.i32Add, op.return, op.end,
  ...get(2), ...i32(16), op.i32Add, ...set(2),
  op.br, 0,
  op.end, op.end,
  // the last < 16 bytes, one at a time
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(2), ...get(1), op.i32LtS, op.i32Eqz, op.brIf, 1,
  ...get(2), op.i32Load8U, 0, 0, ...i32(0x0a), op.i32Eq, op.if, EMPTY, ...get(2), op.return, op.end,
  ...get(2), ...i32(1), op.i32Add, ...set(2),
  op.br, 0,
  op.end, op.end,
  ...get(1),
];

// lineStart(pos, start) → the offset after the last `\n` in [start, pos), or start.
// locals: 0 pos, 1 start, 2 i, 3 mask, 4 newline (v128)
// prettier-ignore
const lineStart = [
  ...splat(0x0a), ...set(4),
  ...get(0), ...set(2),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(2), ...i32(16), op.i32Sub, ...get(1), op.i32LtS, op.brIf, 1,
  ...get(2), ...i32(16), op.i32Sub, ...set(2),
  ...get(2), ...bitmaskEq(0, 4), op.simd, simd.bitmask, ...set(3),
  ...get(3), op.if, EMPTY, ...get(2), ...i32(32), op.i32Add, ...get(3), op.i32Clz, op.i32Sub, op.return, op.end,
  op.br, 0,
  op.end, op.end,
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(2), ...get(1), op.i32GtS, op.i32Eqz, op.brIf, 1,
  ...get(2), ...i32(1), op.i32Sub, ...set(2),
  ...get(2), op.i32Load8U, 0, 0, ...i32(0x0a), op.i32Eq, op.if, EMPTY, ...get(2), ...i32(1), op.i32Add, op.return, op.end,
  op.br, 0,
  op.end, op.end,
  ...get(1),
];

// findBytes(start, end, needle, length) → the first p in [start, end − length] where the bytes at
// p equal the `length` bytes at `needle`, or −1. SIMD filter on the first and last byte, then a
// byte-by-byte check of the middle.
// locals: 0 start, 1 end, 2 needle, 3 length, 4 i, 5 mask, 6 pos, 7 limit, 8 k, 9 first, 10 last
// prettier-ignore
const findBytes = [
  ...get(2), op.i32Load8U, 0, 0, op.simd, simd.splat, ...set(9),
  ...get(2), ...get(3), op.i32Add, ...i32(1), op.i32Sub, op.i32Load8U, 0, 0, op.simd, simd.splat, ...set(10),
  ...get(1), ...get(3), op.i32Sub, ...set(7),
  ...get(0), ...set(4),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(4), ...get(7), op.i32GtS, op.brIf, 1,
  ...get(4), ...bitmaskEq(0, 9),
  ...get(4), ...get(3), op.i32Add, ...i32(1), op.i32Sub, ...bitmaskEq(0, 10),
  op.simd, simd.and, op.simd, simd.bitmask, ...set(5),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(5), op.i32Eqz, op.brIf, 1,
  ...get(4), ...get(5), op.i32Ctz, op.i32Add, ...set(6),
  ...get(6), ...get(7), op.i32GtS, op.if, EMPTY, ...i32(-1), op.return, op.end,
  ...i32(1), ...set(8),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(8), ...get(3), ...i32(1), op.i32Sub, op.i32GeS, op.if, EMPTY, ...get(6), op.return, op.end,
  ...get(6), ...get(8), op.i32Add, op.i32Load8U, 0, 0,
  ...get(2), ...get(8), op.i32Add, op.i32Load8U, 0, 0,
  op.i32Ne, op.brIf, 1,
  ...get(8), ...i32(1), op.i32Add, ...set(8),
  op.br, 0,
  op.end, op.end,
  ...get(5), ...get(5), ...i32(1), op.i32Sub, op.i32And, ...set(5),
  op.br, 0,
  op.end, op.end,
  ...get(4), ...i32(16), op.i32Add, ...set(4),
  op.br, 0,
  op.end, op.end,
  ...i32(-1),
];

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(Buffer.from(text, 'latin1'))];
}

function body(locals: number[][], code: number[]): number[] {
  const content = [...vector(locals), ...code, op.end];
  return [...uleb(content.length), ...content];
}

/** The module's bytes. */
function searchModuleBytes(): Uint8Array {
  // prettier-ignore
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, 2, I32, I32, 1, I32], [0x60, 4, I32, I32, I32, I32, 1, I32]])),
    ...section(3, vector([[0], [0], [0], [1]])),
    ...section(5, vector([[0x00, 1]])),
    ...section(7, vector([
      [...name('memory'), 0x02, 0],
      [...name('find'), 0x00, 0],
      [...name('lineEnd'), 0x00, 1],
      [...name('lineStart'), 0x00, 2],
      [...name('findBytes'), 0x00, 3],
    ])),
    ...section(10, vector([
      body([[4, I32], [2, V128]], find),
      body([[2, I32], [1, V128]], lineEnd),
      body([[2, I32], [1, V128]], lineStart),
      body([[5, I32], [2, V128]], findBytes),
    ])),
  ];
  return new Uint8Array(bytes);
}

/** WebAssembly memory, as much of it as this module uses. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The module's exports. */
export interface SearchExports {
  readonly memory: WasmMemory;
  find(start: number, end: number): number;
  lineEnd(position: number, end: number): number;
  lineStart(position: number, start: number): number;
  findBytes(start: number, end: number, needle: number, length: number): number;
}

/** The global `WebAssembly` (typed here: this project's Node lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: object | null | undefined;

/** A fresh instance (one per thread: each has its own memory), or null where SIMD is missing. */
export function instantiateSearch(): SearchExports | null {
  if (wasm === undefined) return null;
  if (compiled === undefined) {
    const bytes = searchModuleBytes();
    compiled = wasm.validate(bytes) ? new wasm.Module(bytes) : null;
  }
  if (compiled === null) return null;
  return new wasm.Instance(compiled).exports as SearchExports;
}

// A tiny WebAssembly module (SIMD) that finds `"usage":{` and line bounds in transcript bytes
// several times faster than Buffer#indexOf, which pays a native call per hit and scans with a
// generic algorithm. It is assembled here from commented opcodes, so there is no binary blob
// and no build step; `wasm-search.test.ts` checks it against Buffer#indexOf on random bytes.

import {
  EMPTY,
  F64,
  I32,
  V128,
  body,
  get,
  i32,
  i32Function,
  name,
  op,
  section,
  set,
  simd,
  sleb,
  uleb,
  vector,
} from './wasm-asm';
import { WALK_TYPES, walkFunctions, writeKeyTables } from './wasm-walk';

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

// tokens(start, end, out, outEnd, base) → where the list ends (out + 4 per entry), or −1.
// Writes the offset (minus base) of every JSON structural byte in [start, end) outside strings
// — `:` `,` `{` `}` `[` `]` — and of every `"` to out as i32s, so each string is two adjacent
// entries and the fast line reader walks about one entry per seven bytes instead of every byte.
// Strings hold no escapes here, so "inside a string" is the running parity of quotes: a prefix
// XOR of each block's quote bits, carried across blocks. −1 when a backslash or a byte below
// 0x20 is there (escapes and control characters are JSON.parse's job), when [start, end) ends
// inside a string, or when the list would pass outEnd. `[` and `]` are `{` and `}` with the
// 0x20 bit clear: one OR with a space folds them together.
// locals: 0 start, 1 end, 2 out, 3 outEnd, 4 base, 5 i, 6 mask, 7 bad, 8 left, 9 quotes,
//         10 inside, 11 carry (all ones inside a string),
//         12 v, 13 quote, 14 colon, 15 comma, 16 open, 17 close, 18 backslash, 19 space (v128)
const eqLocals = (a: number, b: number): number[] => [...get(a), ...get(b), op.simd, simd.eq];
const or = [op.simd, simd.or];
const xorShift = (local: number, bits: number): number[] => [
  ...get(local),
  ...get(local),
  ...i32(bits),
  op.i32Shl,
  op.i32Xor,
  ...set(local),
];
// prettier-ignore
const tokens = [
  ...splat(0x22), ...set(13),
  ...splat(0x3a), ...set(14),
  ...splat(0x2c), ...set(15),
  ...splat(0x7b), ...set(16),
  ...splat(0x7d), ...set(17),
  ...splat(0x5c), ...set(18),
  ...splat(0x20), ...set(19),
  ...get(0), ...set(5),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(5), ...get(1), op.i32GeS, op.brIf, 1,
  ...get(5), ...load128(0), ...set(12),
  ...eqLocals(12, 18), ...get(12), ...get(19), op.simd, simd.ltU, ...or, op.simd, simd.bitmask, ...set(7),
  ...eqLocals(12, 13), op.simd, simd.bitmask, ...set(9),
  ...eqLocals(12, 14), ...eqLocals(12, 15), ...or,
  ...get(12), ...get(19), ...or, ...set(12),
  ...eqLocals(12, 16), ...or, ...eqLocals(12, 17), ...or,
  op.simd, simd.bitmask, ...set(6),
  // the last block: keep only the bytes before end
  ...get(1), ...get(5), op.i32Sub, ...set(8),
  ...get(8), ...i32(16), op.i32LtS, op.if, EMPTY,
  ...i32(1), ...get(8), op.i32Shl, ...i32(1), op.i32Sub, ...set(8),
  ...get(6), ...get(8), op.i32And, ...set(6),
  ...get(7), ...get(8), op.i32And, ...set(7),
  ...get(9), ...get(8), op.i32And, ...set(9),
  op.end,
  ...get(7), op.if, EMPTY, ...i32(-1), op.return, op.end,
  // inside = (prefix XOR of the quote bits) XOR carry; structurals inside strings drop out
  ...get(9), ...set(10),
  ...xorShift(10, 1), ...xorShift(10, 2), ...xorShift(10, 4), ...xorShift(10, 8),
  ...get(10), ...get(11), op.i32Xor, ...i32(0xffff), op.i32And, ...set(10),
  ...get(6), ...get(10), ...i32(-1), op.i32Xor, op.i32And, ...get(9), op.i32Or, ...set(6),
  // the carry: all ones when an odd number of quotes came so far
  ...get(11), ...i32(0), ...get(9), op.i32Popcnt, ...i32(1), op.i32And, op.i32Sub, op.i32Xor, ...set(11),
  op.block, EMPTY,
  op.loop, EMPTY,
  ...get(6), op.i32Eqz, op.brIf, 1,
  ...get(2), ...get(3), op.i32GeS, op.if, EMPTY, ...i32(-1), op.return, op.end,
  ...get(2), ...get(5), ...get(6), op.i32Ctz, op.i32Add, ...get(4), op.i32Sub, op.i32Store, 2, 0,
  ...get(2), ...i32(4), op.i32Add, ...set(2),
  ...get(6), ...get(6), ...i32(1), op.i32Sub, op.i32And, ...set(6),
  op.br, 0,
  op.end, op.end,
  ...get(5), ...i32(16), op.i32Add, ...set(5),
  op.br, 0,
  op.end, op.end,
  // a string left open: not for the fast path
  ...get(11), op.if, EMPTY, ...i32(-1), op.return, op.end,
  ...get(2),
];

/** The first function index after this file's own (the walk functions follow, see wasm-walk.ts). */
const SEARCH_FUNCTIONS = 5;

/** The module's bytes. */
function searchModuleBytes(): Uint8Array {
  const walk = walkFunctions(SEARCH_FUNCTIONS);
  // prettier-ignore
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([i32Function(2), i32Function(4), i32Function(5), ...WALK_TYPES])),
    ...section(3, vector([[0], [0], [0], [1], [2], ...walk.map((fn) => [fn.type])])),
    ...section(5, vector([[0x00, 1]])),
    ...section(7, vector([
      [...name('memory'), 0x02, 0],
      [...name('find'), 0x00, 0],
      [...name('lineEnd'), 0x00, 1],
      [...name('lineStart'), 0x00, 2],
      [...name('findBytes'), 0x00, 3],
      [...name('tokens'), 0x00, 4],
      [...name('walk'), 0x00, ...uleb(SEARCH_FUNCTIONS)],
    ])),
    ...section(10, vector([
      body([[4, I32], [2, V128]], find),
      body([[2, I32], [1, V128]], lineEnd),
      body([[2, I32], [1, V128]], lineStart),
      body([[5, I32], [2, V128]], findBytes),
      body([[7, I32], [8, V128]], tokens),
      ...walk.map((fn) => body([[fn.locals, I32], [fn.f64Locals ?? 0, F64]], fn.code)),
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
  tokens(start: number, end: number, out: number, outEnd: number, base: number): number;
  /** See wasm-walk.ts. */
  walk(count: number, start: number, cut: number, resume: number, end: number): number;
}

/** The global `WebAssembly` (typed here: this project's Node lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: object | null | undefined;

/**
 * The compiled module, built on first use (assembling it costs a few ms of cold code), or null
 * where SIMD is missing. It can be posted to a worker thread, which then skips the build.
 */
export function searchModule(): object | null {
  if (compiled === undefined) {
    const bytes = wasm === undefined ? null : searchModuleBytes();
    compiled = bytes !== null && wasm?.validate(bytes) === true ? new wasm.Module(bytes) : null;
  }
  return compiled;
}

/** Uses a module compiled on another thread (see searchModule). */
export function useSearchModule(module: object): void {
  compiled = module;
}

/** A fresh instance (one per thread: each has its own memory), or null where SIMD is missing. */
export function instantiateSearch(): SearchExports | null {
  const module = searchModule();
  if (module === null || wasm === undefined) return null;
  const exports = new wasm.Instance(module).exports as SearchExports;
  writeKeyTables(exports.memory.buffer);
  return exports;
}

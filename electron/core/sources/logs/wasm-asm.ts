// A small WebAssembly assembler: opcodes, LEB128, and structured helpers (if / while / return,
// loads, stores, calls) so the logs source's wasm functions read as commented code rather than
// opcode tables. No binary blob, no build step.

/** Value and block types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export const EMPTY = 0x40;

/** The opcodes used. */
export const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  i64Load: 0x29,
  i32Load8U: 0x2d,
  i32Store: 0x36,
  i32Store8: 0x3a,
  f64Store: 0x39,
  f64Const: 0x44,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  f64ConvertI32U: 0xb8,
  i32ShrU: 0x76,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GtU: 0x4b,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i64Eq: 0x51,
  i32Clz: 0x67,
  i32Ctz: 0x68,
  i32Popcnt: 0x69,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  simd: 0xfd,
} as const;

/** SIMD opcodes (after the 0xfd prefix). */
export const simd = {
  load: 0x00,
  splat: 0x0f,
  eq: 0x23,
  ltU: 0x26,
  and: 0x4e,
  or: 0x50,
  bitmask: 0x64,
} as const;

/** Code: a run of bytes. */
export type Code = number[];

/** Signed LEB128, as WebAssembly encodes integer constants. */
export function sleb(value: bigint): Code {
  const bytes: Code = [];
  let rest = value;
  for (;;) {
    const byte = Number(rest & 0x7fn);
    rest >>= 7n;
    const done = (rest === 0n && (byte & 0x40) === 0) || (rest === -1n && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

/** Unsigned LEB128. */
export function uleb(value: number): Code {
  const bytes: Code = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128 of a 32-bit integer, with Number arithmetic (BigInt is slow in cold code). */
function sleb32(value: number): Code {
  const bytes: Code = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

/** `local.get`. */
export const get = (local: number): Code => [op.localGet, local];
/** `local.set`. */
export const set = (local: number): Code => [op.localSet, local];
/** `local = value`. */
export const assign = (local: number, value: Code): Code => [...value, op.localSet, local];
/** An i32 constant. */
export const i32 = (value: number): Code => [op.i32Const, ...sleb32(value)];

const binary =
  (opcode: number) =>
  (a: Code, b: Code): Code => [...a, ...b, opcode];
/** i32 arithmetic and comparisons (signed unless named `U`); booleans are 0 / 1. */
export const add = binary(op.i32Add);
export const sub = binary(op.i32Sub);
export const mul = binary(op.i32Mul);
export const eq = binary(op.i32Eq);
export const ne = binary(op.i32Ne);
export const and = binary(op.i32And);
export const or = binary(op.i32Or);
export const lt = binary(op.i32LtS);
export const gt = binary(op.i32GtS);
export const le = binary(op.i32LeS);
export const ge = binary(op.i32GeS);
export const gtU = binary(op.i32GtU);
/** Logical not of an i32 boolean. */
export const not = (a: Code): Code => [...a, op.i32Eqz];
/** `cond ? a : b` (both evaluated). */
export const select = (a: Code, b: Code, cond: Code): Code => [...a, ...b, ...cond, op.select];

/** A byte at `address + offset`. */
export const load8 = (address: Code, offset = 0): Code => [
  ...address,
  op.i32Load8U,
  0,
  ...uleb(offset),
];
/** An i32 (little-endian, any alignment) at `address + offset`. */
export const load32 = (address: Code, offset = 0): Code => [
  ...address,
  op.i32Load,
  0,
  ...uleb(offset),
];
/** Stores an i32 at `address + offset`. */
export const store32 = (address: Code, value: Code, offset = 0): Code => [
  ...address,
  ...value,
  op.i32Store,
  0,
  ...uleb(offset),
];
/** Stores a byte at `address + offset`. */
export const store8 = (address: Code, value: Code, offset = 0): Code => [
  ...address,
  ...value,
  op.i32Store8,
  0,
  ...uleb(offset),
];
/** Calls function `index` with `args`. */
export const call = (index: number, ...args: Code[]): Code => [
  ...args.flat(),
  op.call,
  ...uleb(index),
];
/** `return value`. */
export const ret = (value: Code): Code => [...value, op.return];
/** `if (cond) { then } else { otherwise }`, as a statement. */
export const when = (cond: Code, then: Code, otherwise?: Code): Code => [
  ...cond,
  op.if,
  EMPTY,
  ...then,
  ...(otherwise === undefined ? [] : [op.else, ...otherwise]),
  op.end,
];
/** `while (cond) { body }`; `body` may return but not branch out. */
export const loopWhile = (cond: Code, body: Code): Code => [
  op.block,
  EMPTY,
  op.loop,
  EMPTY,
  ...cond,
  op.i32Eqz,
  op.brIf,
  1,
  ...body,
  op.br,
  0,
  op.end,
  op.end,
];

/** A section of a module. */
export function section(id: number, content: Code): Code {
  return [id, ...uleb(content.length), ...content];
}

/** A vector (count, then items). */
export function vector(items: Code[]): Code {
  return [...uleb(items.length), ...items.flat()];
}

/** A name (length, then latin1 bytes). */
export function name(text: string): Code {
  return [...uleb(text.length), ...Array.from(Buffer.from(text, 'latin1'))];
}

/** A function body: local declarations (`[count, type]`), then code. */
export function body(locals: Code[], code: Code): Code {
  const content = [...vector(locals), ...code, op.end];
  return [...uleb(content.length), ...content];
}

/** An f64 constant. */
export const f64 = (value: number): Code => {
  const bytes = new Uint8Array(new Float64Array([value]).buffer);
  return [op.f64Const, ...Array.from(bytes)];
};
/** Stores an f64 at `address + offset`. */
export const storeF64 = (address: Code, value: Code, offset = 0): Code => [
  ...address,
  ...value,
  op.f64Store,
  0,
  ...uleb(offset),
];

/** A function type `(i32 × params) → i32`. */
export const i32Function = (params: number): Code => [
  0x60,
  params,
  ...Array.from({ length: params }, () => I32),
  1,
  I32,
];

/** A function type `(i32 × params) → f64`. */
export const f64Function = (params: number): Code => [
  0x60,
  params,
  ...Array.from({ length: params }, () => I32),
  1,
  F64,
];

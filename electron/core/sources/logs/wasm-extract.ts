// The walk's last step in WebAssembly: skeleton-walk.ts's `#extract` — ids hashed (hash.ts's
// cyrb53), counts as numbers, and whether the session / model bytes are the last line's — so the
// fast line reader builds a record without making a string per field.
import { F, MAX_REMEMBERED, V } from './skeleton-fields';
import {
  add,
  and,
  assign,
  call,
  eq,
  f64,
  get,
  gt,
  i32,
  load32,
  load8,
  loopWhile,
  lt,
  mul,
  op,
  ret,
  set,
  store32,
  store8,
  storeF64,
  sub,
  when,
  type Code,
} from './wasm-asm';
import { MEMORY, STOP, data, fieldStart } from './wasm-layout';
import { ZERO } from './json-bytes';

/** The functions extractCode calls. */
export interface ExtractIndex {
  readonly hash: number;
  readonly count: number;
  readonly same: number;
}

// extract(): skeleton-walk.ts's `#extract` — fills MEMORY.values; returns 1.
/** extract() → 1: fills MEMORY.values (skeleton-walk.ts's V) from the located fields. */
export function extractCode(index: ExtractIndex): Code {
  const value = (slot: number, code: Code): Code =>
    storeF64(i32(0), code, MEMORY.values + 8 * slot);
  const fromI32 = (code: Code): Code => [...code, op.f64ConvertI32U];
  // prettier-ignore
  return [
    ...value(V.messageKey, call(index.hash, i32(F.id))),
    ...value(V.requestKey, call(index.hash, i32(F.requestId))),
    ...value(V.input, call(index.count, i32(F.input))),
    ...value(V.output, call(index.count, i32(F.output))),
    ...value(V.created, call(index.count, i32(F.created))),
    ...value(V.read, call(index.count, i32(F.read))),
    ...value(V.fiveMinute, call(index.count, i32(F.fiveMinute))),
    ...value(V.oneHour, call(index.count, i32(F.oneHour))),
    ...value(V.sameSession, fromI32(call(index.same, i32(F.sessionId), i32(MEMORY.lastSession)))),
    ...value(V.sameModel, fromI32(call(index.same, i32(F.model), i32(MEMORY.lastModel)))),
    ...i32(1),
  ];
}

// hash(field) → f64: hash.ts's hashBytes (cyrb53) of a located field's bytes; NaN when absent.
// locals: 0 field, 1 p, 2 end, 3 h1, 4 h2, 5 c
/** hash(field) → f64. */
export function hashCode(): Code {
  const [field, p, end, h1, h2, c] = [0, 1, 2, 3, 4, 5];
  const imul = (a: Code, constant: number): Code => [...a, ...i32(constant | 0), op.i32Mul];
  const xor = (a: Code, b: Code): Code => [...a, ...b, op.i32Xor];
  const shr = (a: Code, bits: number): Code => [...a, ...i32(bits), op.i32ShrU];
  // prettier-ignore
  return [
    ...assign(p, fieldStart(get(field))),
    ...when(eq(get(p), i32(-1)), [...f64(NaN), op.return]),
    ...assign(end, load32(mul(get(field), i32(4)), STOP)),
    ...assign(h1, i32(0xdeadbeef | 0)),
    ...assign(h2, i32(0x41c6ce57)),
    ...loopWhile(lt(get(p), get(end)), [
      ...assign(c, data(get(p))),
      ...assign(h1, imul(xor(get(h1), get(c)), 2654435761)),
      ...assign(h2, imul(xor(get(h2), get(c)), 1597334677)),
      ...assign(p, add(get(p), i32(1))),
    ]),
    ...assign(h1, imul(xor(get(h1), shr(get(h1), 16)), 2246822507)),
    ...assign(h1, xor(get(h1), imul(xor(get(h2), shr(get(h2), 13)), 3266489909))),
    ...assign(h2, imul(xor(get(h2), shr(get(h2), 16)), 2246822507)),
    ...assign(h2, xor(get(h2), imul(xor(get(h1), shr(get(h1), 13)), 3266489909))),
    ...and(get(h2), i32(2097151)), op.f64ConvertI32U, ...f64(4294967296), op.f64Mul,
    ...get(h1), op.f64ConvertI32U, op.f64Add,
  ];
}

// count(field) → f64: the value of a count the walk checked (plain digits); 0 when absent.
// locals: 0 field, 1 p, 2 end, 3 value (f64)
/** count(field) → f64. */
export function countCode(): Code {
  const [field, p, end, value] = [0, 1, 2, 3];
  // prettier-ignore
  return [
    ...assign(p, fieldStart(get(field))),
    ...when(eq(get(p), i32(-1)), [...f64(0), op.return]),
    ...assign(end, load32(mul(get(field), i32(4)), STOP)),
    ...loopWhile(lt(get(p), get(end)), [
      ...get(value), ...f64(10), op.f64Mul,
      ...sub(data(get(p)), i32(ZERO)), op.f64ConvertI32U, op.f64Add, ...set(value),
      ...assign(p, add(get(p), i32(1))),
    ]),
    ...get(value),
  ];
}

// same(field, slot): 1 when the located field has the bytes remembered at `slot`; else 0, and
// remembers its bytes (or −1 when longer than MAX_REMEMBERED). An absent field: 0, nothing kept.
// locals: 0 field, 1 slot, 2 at, 3 end, 4 length, 5 i
/** same(field, slot) → 0 / 1. */
export function sameCode(): Code {
  const [field, slot, at, end, length, i] = [0, 1, 2, 3, 4, 5];
  const kept = (index: Code): Code => load8(add(get(slot), index), 4);
  // prettier-ignore
  return [
    ...assign(at, fieldStart(get(field))),
    ...when(eq(get(at), i32(-1)), ret(i32(0))),
    ...assign(end, load32(mul(get(field), i32(4)), STOP)),
    ...assign(length, sub(get(end), get(at))),
    ...when(eq(load32(get(slot)), get(length)), [
      ...assign(i, i32(0)),
      ...loopWhile(and(lt(get(i), get(length)), eq(kept(get(i)), data(add(get(at), get(i))))),
        assign(i, add(get(i), i32(1)))),
      ...when(eq(get(i), get(length)), ret(i32(1))),
    ]),
    ...when(gt(get(length), i32(MAX_REMEMBERED)), [...store32(get(slot), i32(-1)), ...ret(i32(0))]),
    ...store32(get(slot), get(length)),
    ...assign(i, i32(0)),
    ...loopWhile(lt(get(i), get(length)), [
      ...store8(add(get(slot), get(i)), data(add(get(at), get(i))), 4),
      ...assign(i, add(get(i), i32(1))),
    ]),
    ...i32(0),
  ];
}

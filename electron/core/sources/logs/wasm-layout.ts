// The search module's memory layout and the small code helpers the walk's functions share.
import { eq, i32, load32, load8, mul, or, type Code } from './wasm-asm';

/** Token list entries; a longer skeleton is left to JSON.parse. */
export const MAX_TOKENS = 16_384;

/** Where things live in the search module's memory; the read data comes last. */
export const MEMORY = {
  /** The line scanner's needles (see read-buffer.ts), under 64 bytes. */
  needles: 0,
  /** Key tables: per table an i32 address, then entries `[length, field, ...bytes]`, 0-ended. */
  keys: 64,
  /** The walk's result: `start[FIELDS]` then `stop[FIELDS]`, i32 offsets into the data. */
  fields: 1024,
  /** The walk's container stack (one byte per level). */
  stack: 1536,
  /** What `extract` leaves (skeleton-walk.ts's V), f64s. */
  values: 1664,
  /** The last session / model bytes: an i32 length (−1: none), then up to MAX_REMEMBERED bytes. */
  lastSession: 2048,
  lastModel: 2560,
  tokens: 4096,
  data: 4096 + MAX_TOKENS * 4,
} as const;
/** Where the walk's `stop[FIELDS]` begins. */
export const STOP = MEMORY.fields + 4 * 32;
/** A byte of the data area. */
export const data = (address: Code, offset = 0): Code => load8(address, MEMORY.data + offset);
/** Entry `index` of the token list. */
export const token = (index: Code): Code => load32(mul(index, i32(4)), MEMORY.tokens);
/** Where the walk found field `field` (−1: absent). */
export const fieldStart = (field: Code): Code => load32(mul(field, i32(4)), MEMORY.fields);
/** JSON whitespace. */
export const isSpace = (byte: Code): Code =>
  or(or(eq(byte, i32(0x20)), eq(byte, i32(0x09))), or(eq(byte, i32(0x0d)), eq(byte, i32(0x0a))));
/** Whether `value` is one of `options`. */
export const oneOf = (value: Code, options: readonly number[]): Code =>
  options.map((option) => eq(value, i32(option))).reduce((all, next) => or(all, next));

import { NOT_NULLABLE_FIELDS } from '../../../../shared/domain/logs/null-fields';
import { hashBytes } from '../../../../shared/domain/logs/hash';
import {
  ARRAY,
  BREAKDOWN,
  F,
  FIELDS,
  KEYS,
  MAX_COUNT_DIGITS,
  MAX_DEPTH,
  MAX_KEY,
  MAX_REMEMBERED,
  MESSAGE,
  NONE,
  OTHER,
  TOP,
  USAGE,
  V,
  VALUES,
} from './skeleton-fields';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  DOT,
  LOWER_E,
  MINUS,
  NINE,
  OPEN_ARRAY,
  OPEN_OBJECT,
  PLUS,
  QUOTE,
  UPPER_E,
  ZERO,
} from './json-bytes';

/** Where the walk is: what the next token must be. */
const OBJECT_START = 0; // a key or `}`
const OBJECT_KEY = 1; // a key
const VALUE = 3; // a value
const ARRAY_START = 4; // a value or `]`
const AFTER_VALUE = 5; // `,` or the container's end

/** A key to recognise: its bytes and what it stands for. */
interface Key {
  readonly bytes: Uint8Array;
  readonly field: number;
}

/** Keys by length, so a key is compared with at most a couple of names. */
function byLength(keys: readonly (readonly [string, number])[]): (readonly Key[] | undefined)[] {
  const table: Key[][] = [];
  for (const [name, field] of keys) {
    const entry = { bytes: new Uint8Array(Buffer.from(name, 'latin1')), field };
    (table[name.length] ??= []).push(entry);
  }
  return Array.from({ length: MAX_KEY }, (_, length) => table[length]);
}

const KEY_TABLE = KEYS.map(byLength);
const NULL_TABLE = byLength(NOT_NULLABLE_FIELDS.map((name) => [name, 0] as const));
const LITERALS = ['true', 'false', 'null'].map(
  (word) => new Uint8Array(Buffer.from(word, 'latin1')),
);
const TRUE = 0;
const FALSE = 1;
const NULL = 2;
const NUMBER = 3;
const BAD = 4;

/** The container a field's value must be, or OTHER when it must not be an object. */
function objectKind(field: number): number {
  if (field === F.message) return MESSAGE;
  if (field === F.usage) return USAGE;
  return field === F.breakdown ? BREAKDOWN : OTHER;
}

const isStringField = (field: number): boolean =>
  field === F.timestamp ||
  field === F.sessionId ||
  field === F.version ||
  field === F.requestId ||
  field === F.model ||
  field === F.id ||
  field === F.speed;

const isCountField = (field: number): boolean =>
  field === F.input ||
  field === F.output ||
  field === F.created ||
  field === F.read ||
  field === F.fiveMinute ||
  field === F.oneHour;

const isSpace = (byte: number): boolean =>
  byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;

/**
 * Walks a transcript line's skeleton as strict JSON over its list of structural bytes (see
 * `ReadBuffer.tokens`: every `"`, and `:` `,` `{` `}` `[` `]` outside strings; no backslash or
 * control byte anywhere), one step per token rather than per byte, and locates the fields a usage
 * record needs: `start` / `stop` per field (strings: inside the quotes; NONE: absent), `values`
 * for counts and `isSidechain`.
 *
 * It accepts exactly what JSON.parse accepts, except that it also refuses — so the caller
 * parses those the usual way — a repeated needed key (JSON.parse keeps the last), a needed field
 * of an unexpected type, a count that is not a plain integer of at most 15 digits, `iterations`,
 * `null` under a key ccusage requires non-null (anywhere), and nesting deeper than 64.
 */
export class SkeletonWalk {
  readonly start = new Int32Array(FIELDS);
  readonly stop = new Int32Array(FIELDS);
  readonly values = new Float64Array(VALUES);
  /** The last session / model bytes seen (null: none remembered). */
  #lastSession: Uint8Array | null = new Uint8Array(0);
  #lastModel: Uint8Array | null = new Uint8Array(0);
  readonly #stack = new Uint8Array(MAX_DEPTH);
  #bytes: Uint8Array = new Uint8Array(0);
  #cut = 0;
  #resume = 0;

  /**
   * Walks the skeleton `[start, cut)` + `[resume, end)` of `bytes` whose `count` tokens are in
   * `positions`; false when it is not valid JSON or not one the walk reads.
   */
  walk(
    bytes: Uint8Array,
    positions: Int32Array,
    count: number,
    start: number,
    cut: number,
    resume: number,
    end: number,
  ): boolean {
    this.#bytes = bytes;
    this.#cut = cut;
    this.#resume = resume;
    this.start.fill(NONE);
    const first = positions[0] as number;
    if (count < 2 || bytes[first] !== OPEN_OBJECT || !this.#blank(start - 1, first)) return false;
    const stack = this.#stack;
    stack[0] = TOP;
    let depth = 1;
    let kind = TOP;
    let state = OBJECT_START;
    let field = NONE;
    let keyStart = 0;
    let keyEnd = 0;
    let previous = first;
    for (let token = 1; token < count; token += 1) {
      const at = positions[token] as number;
      const byte = bytes[at] as number;
      if (at !== previous + 1 && !this.#blank(previous, at)) {
        // Something between two tokens: only a bare value (number, true, false, null) may be.
        if (state !== VALUE && state !== ARRAY_START) return false;
        if (!this.#bare(previous, at, field, kind === ARRAY ? 0 : keyStart, keyEnd)) return false;
        state = AFTER_VALUE;
      }
      if (state === AFTER_VALUE || (state === OBJECT_START && byte === CLOSE_OBJECT)) {
        if (byte === COMMA && state === AFTER_VALUE) {
          state = kind === ARRAY ? VALUE : OBJECT_KEY;
          field = NONE;
        } else if (byte === (kind === ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT)) {
          depth -= 1;
          if (depth === 0) return token === count - 1 && this.#blank(at, end) && this.#extract();
          kind = stack[depth - 1] as number;
          state = AFTER_VALUE;
        } else return false;
      } else if (state === OBJECT_START || state === OBJECT_KEY) {
        // A key (its closing quote is the next token), then `:`.
        const colon = positions[token + 2] as number;
        if (byte !== QUOTE || token + 2 >= count || bytes[colon] !== COLON) return false;
        keyStart = at + 1;
        keyEnd = positions[token + 1] as number;
        if (bytes[keyEnd] !== QUOTE) return false; // tokens() pairs quotes; checked all the same
        if (colon !== keyEnd + 1 && !this.#blank(keyEnd, colon)) return false;
        field = kind === OTHER ? NONE : this.#field(KEY_TABLE[kind], keyStart, keyEnd);
        token += 2;
        state = VALUE;
        previous = colon;
        continue;
      } else if (byte === QUOTE) {
        const close = positions[token + 1] as number;
        if (token + 1 >= count || bytes[close] !== QUOTE) return false;
        if (field !== NONE && !this.#string(field, at + 1, close)) return false;
        token += 1;
        state = AFTER_VALUE;
        previous = close;
        continue;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        const next = byte === OPEN_ARRAY ? ARRAY : field === NONE ? OTHER : objectKind(field);
        if (
          depth === MAX_DEPTH ||
          (field !== NONE && next !== MESSAGE && next !== USAGE && next !== BREAKDOWN)
        )
          return false;
        if (field !== NONE) {
          if (this.start[field] !== NONE) return false;
          this.start[field] = at;
        }
        stack[depth] = next;
        depth += 1;
        kind = next;
        state = next === ARRAY ? ARRAY_START : OBJECT_START;
        field = NONE;
      } else if (byte === CLOSE_ARRAY && state === ARRAY_START) {
        depth -= 1;
        kind = stack[depth - 1] as number;
        state = AFTER_VALUE;
      } else return false;
      previous = at;
    }
    return false;
  }

  /** Fills `values` from the located fields (always true: the walk checked them). */
  #extract(): boolean {
    const { start, stop, values } = this;
    const bytes = this.#bytes;
    const hash = (field: number): number =>
      start[field] === NONE ? NaN : hashBytes(bytes, start[field] ?? 0, stop[field] ?? 0);
    const count = (field: number): number => {
      let value = 0;
      if (start[field] !== NONE)
        for (let at = start[field] ?? 0; at < (stop[field] ?? 0); at += 1)
          value = value * 10 + (bytes[at] ?? ZERO) - ZERO;
      return value;
    };
    values[V.messageKey] = hash(F.id);
    values[V.requestKey] = hash(F.requestId);
    values[V.input] = count(F.input);
    values[V.output] = count(F.output);
    values[V.created] = count(F.created);
    values[V.read] = count(F.read);
    values[V.fiveMinute] = count(F.fiveMinute);
    values[V.oneHour] = count(F.oneHour);
    const session = this.#same(F.sessionId, this.#lastSession);
    this.#lastSession = session.last;
    values[V.sameSession] = session.same ? 1 : 0;
    const model = this.#same(F.model, this.#lastModel);
    this.#lastModel = model.last;
    values[V.sameModel] = model.same ? 1 : 0;
    return true;
  }

  /** Whether a present field has the bytes `last`; what to remember for next time. */
  #same(field: number, last: Uint8Array | null): { same: boolean; last: Uint8Array | null } {
    const at = this.start[field] ?? NONE;
    if (at === NONE) return { same: false, last };
    const bytes = this.#bytes.subarray(at, this.stop[field]);
    if (last !== null && last.length === bytes.length && last.every((byte, i) => byte === bytes[i]))
      return { same: true, last };
    // A copy: `bytes` is a view of a Buffer whose slice() would be a view too.
    return { same: false, last: bytes.length > MAX_REMEMBERED ? null : Uint8Array.from(bytes) };
  }

  /** Whether only whitespace lies strictly between offsets `from` and `to` (across the cut too). */
  #blank(from: number, to: number): boolean {
    if (to === from + 1 || (from === this.#cut - 1 && to === this.#resume)) return true;
    const bytes = this.#bytes;
    for (let at = from + 1; at < to; at += 1) if (!isSpace(bytes[at] as number)) return false;
    return true;
  }

  /** The field of a key `[start, end)`, from the table of its container kind, or NONE. */
  #field(
    table: readonly (readonly Key[] | undefined)[] | undefined,
    start: number,
    end: number,
  ): number {
    const keys = end - start < MAX_KEY ? table?.[end - start] : undefined;
    if (keys === undefined) return NONE;
    for (const key of keys) if (this.#equals(start, key.bytes)) return key.field;
    return NONE;
  }

  #equals(start: number, text: Uint8Array): boolean {
    const bytes = this.#bytes;
    for (let index = 0; index < text.length; index += 1)
      if (bytes[start + index] !== text[index]) return false;
    return true;
  }

  /** A needed field's string value `[start, stop)`. */
  #string(field: number, start: number, stop: number): boolean {
    if (this.start[field] !== NONE || !isStringField(field)) return false;
    this.start[field] = start;
    this.stop[field] = stop;
    return true;
  }

  /**
   * The bare value strictly between offsets `from` and `to`, in the member of key
   * `[keyStart, keyEnd)` (keyStart 0: an array element) and field `field`.
   */
  #bare(from: number, to: number, field: number, keyStart: number, keyEnd: number): boolean {
    const bytes = this.#bytes;
    let start = from + 1;
    let end = to;
    while (start < end && isSpace(bytes[start] as number)) start += 1;
    while (end > start && isSpace(bytes[end - 1] as number)) end -= 1;
    const value = this.#classify(start, end);
    if (value === BAD) return false;
    if (value === NULL && keyStart > 0 && this.#field(NULL_TABLE, keyStart, keyEnd) !== NONE)
      return false;
    if (field === NONE) return true;
    if (this.start[field] !== NONE) return false;
    this.start[field] = start;
    this.stop[field] = end;
    if (field === F.isSidechain) return value === TRUE || value === FALSE;
    if (field === F.costUSD) return value === NUMBER;
    return value === NUMBER && isCountField(field) && this.#count(start, end);
  }

  /** What `[start, end)` holds: a literal, a number (strict JSON grammar), or BAD. */
  #classify(start: number, end: number): number {
    const bytes = this.#bytes;
    for (let literal = 0; literal < LITERALS.length; literal += 1) {
      const word = LITERALS[literal] as Uint8Array;
      if (bytes[start] === word[0])
        return end - start === word.length && this.#equals(start, word) ? literal : BAD;
    }
    return start < end && numberEnd(bytes, start, end) === end ? NUMBER : BAD;
  }

  /** A plain non-negative integer of at most MAX_COUNT_DIGITS digits (no leading zero). */
  #count(start: number, end: number): boolean {
    const bytes = this.#bytes;
    const length = end - start;
    if (length > MAX_COUNT_DIGITS || (bytes[start] === ZERO && length > 1)) return false;
    return digitsEnd(bytes, start, end) === end;
  }
}

/** The end of a run of ASCII digits from `at`. */
export function digitsEnd(bytes: Uint8Array, at: number, limit: number): number {
  let position = at;
  while (position < limit) {
    const byte = bytes[position] as number;
    if (byte < ZERO || byte > NINE) break;
    position += 1;
  }
  return position;
}

/** The end of the JSON number (strict grammar) at `at`, or −1. */
function numberEnd(bytes: Uint8Array, at: number, limit: number): number {
  let position = at < limit && bytes[at] === MINUS ? at + 1 : at;
  const first = position;
  position = digitsEnd(bytes, position, limit);
  if (position === first || (bytes[first] === ZERO && position > first + 1)) return -1;
  if (position < limit && bytes[position] === DOT) {
    const fraction = position + 1;
    position = digitsEnd(bytes, fraction, limit);
    if (position === fraction) return -1;
  }
  if (position < limit && (bytes[position] === LOWER_E || bytes[position] === UPPER_E)) {
    position += 1;
    if (position < limit && (bytes[position] === PLUS || bytes[position] === MINUS)) position += 1;
    const exponent = position;
    position = digitsEnd(bytes, exponent, limit);
    if (position === exponent) return -1;
  }
  return position;
}

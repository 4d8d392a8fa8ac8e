// The fast line reader's JSON walk in WebAssembly: skeleton-walk.ts's algorithm, step for step,
// over the token list `tokens` wrote (see wasm-search.ts), several times faster than the same
// walk in JavaScript; then the extract step (wasm-extract.ts). skeleton-walk.ts stays the
// reference: fast-line.test.ts runs both over generated transcripts and mutated lines and checks
// they agree everywhere (and with JSON.parse).
import { NOT_NULLABLE_FIELDS } from '../../../../shared/domain/logs/null-fields';
import {
  add,
  and,
  assign,
  call,
  eq,
  f64Function,
  ge,
  get,
  gt,
  gtU,
  i32,
  i32Function,
  load32,
  load8,
  loopWhile,
  lt,
  mul,
  ne,
  not,
  or,
  ret,
  select,
  store32,
  store8,
  sub,
  when,
  type Code,
} from './wasm-asm';
import { extractCode, countCode, hashCode, sameCode } from './wasm-extract';
import { MEMORY, STOP, data, fieldStart, isSpace, oneOf, token } from './wasm-layout';
import {
  ARRAY,
  BREAKDOWN,
  F,
  FIELDS,
  KEYS,
  MAX_DEPTH,
  MAX_COUNT_DIGITS,
  MESSAGE,
  OTHER,
  TOP,
  USAGE,
} from './skeleton-fields';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  DOT,
  LOWER_E,
  MINUS,
  OPEN_ARRAY,
  OPEN_OBJECT,
  PLUS,
  QUOTE,
  ZERO,
} from './json-bytes';

/** The key table of keys whose `null` drops a line (after the container kinds' tables). */
const NULLS = 4;

/** `true`, `fals`, `null` as little-endian i32s. */
const TRUE_WORD = 0x65757274;
const FALS_WORD = 0x736c6166;
const NULL_WORD = 0x6c6c756e;

// Walk states and bare-value kinds, as in skeleton-walk.ts.
const OBJECT_START = 0;
const OBJECT_KEY = 1;
const VALUE = 3;
const ARRAY_START = 4;
const AFTER_VALUE = 5;
const TRUE = 0;
const FALSE = 1;
const NULL = 2;
const NUMBER = 3;
const BAD = 4;

/** A function of the walk: its type index, extra i32 (and f64) locals, and code. */
export interface WalkFunction {
  readonly type: number;
  readonly locals: number;
  readonly f64Locals?: number;
  readonly code: Code;
}

/** Function types the walk adds after the search module's three (2, 4 and 5 i32 params). */
export const WALK_TYPES: Code[] = [i32Function(3), i32Function(0), f64Function(1)];
const TYPE_2 = 0;
const TYPE_4 = 1;
const TYPE_5 = 2;
const TYPE_3 = 3;
const TYPE_0 = 4;
const TYPE_1_F64 = 5;

/**
 * The walk's functions, numbered from `first`: walk(count, start, cut, resume, end) → 1 when
 * the skeleton is one the fast path reads (fields in MEMORY.fields), else 0.
 */
export function walkFunctions(first: number): WalkFunction[] {
  const index = {
    walk: first,
    blank: first + 1,
    bare: first + 2,
    field: first + 3,
    numberEnd: first + 4,
    digitsEnd: first + 5,
    extract: first + 6,
    hash: first + 7,
    count: first + 8,
    same: first + 9,
  };
  return [
    { type: TYPE_5, locals: 13, code: walkCode(index) },
    { type: TYPE_4, locals: 1, code: blankCode() },
    { type: TYPE_5, locals: 4, code: bareCode(index) },
    { type: TYPE_3, locals: 4, code: fieldCode() },
    { type: TYPE_2, locals: 3, code: numberEndCode(index) },
    { type: TYPE_2, locals: 0, code: digitsEndCode() },
    { type: TYPE_0, locals: 0, code: extractCode(index) },
    { type: TYPE_1_F64, locals: 5, code: hashCode() },
    { type: TYPE_1_F64, locals: 2, f64Locals: 1, code: countCode() },
    { type: TYPE_2, locals: 4, code: sameCode() },
  ];
}

type Index = Record<
  | 'walk'
  | 'blank'
  | 'bare'
  | 'field'
  | 'numberEnd'
  | 'digitsEnd'
  | 'extract'
  | 'hash'
  | 'count'
  | 'same',
  number
>;

// walk(count, start, cut, resume, end): skeleton-walk.ts's `walk`.
// locals: 0 count, 1 start, 2 cut, 3 resume, 4 end, 5 token, 6 at, 7 byte, 8 previous,
//         9 depth, 10 kind, 11 state, 12 field, 13 keyStart, 14 keyEnd, 15 other, 16 next, 17 i
const W = {
  count: 0,
  start: 1,
  cut: 2,
  resume: 3,
  end: 4,
  token: 5,
  at: 6,
  byte: 7,
  previous: 8,
  depth: 9,
  kind: 10,
  state: 11,
  field: 12,
  keyStart: 13,
  keyEnd: 14,
  other: 15,
  next: 16,
  i: 17,
} as const;
const is = (local: number, value: number): Code => eq(get(local), i32(value));
const slot = (field: Code): Code => mul(field, i32(4));
const fail = ret(i32(0));

function walkCode(index: Index): Code {
  const blank = (from: Code, to: Code): Code =>
    call(index.blank, from, to, get(W.cut), get(W.resume));
  /** Whether only whitespace lies between offsets in locals `a` and `b` (a call only if not adjacent). */
  const unlessBlank = (a: number, b: number, then: Code): Code =>
    when(ne(get(b), add(get(a), i32(1))), when(not(blank(get(a), get(b))), then));
  // prettier-ignore
  return [
    ...assign(W.i, i32(0)),
    ...loopWhile(lt(get(W.i), i32(FIELDS)), [
      ...store32(slot(get(W.i)), i32(-1), MEMORY.fields),
      ...assign(W.i, add(get(W.i), i32(1))),
    ]),
    ...when(lt(get(W.count), i32(2)), fail),
    ...assign(W.previous, token(i32(0))),
    ...when(ne(data(get(W.previous)), i32(OPEN_OBJECT)), fail),
    ...when(not(blank(sub(get(W.start), i32(1)), get(W.previous))), fail),
    ...store8(i32(0), i32(TOP), MEMORY.stack),
    ...assign(W.depth, i32(1)),
    ...assign(W.kind, i32(TOP)),
    ...assign(W.state, i32(OBJECT_START)),
    ...assign(W.field, i32(-1)),
    ...assign(W.token, i32(1)),
    ...loopWhile(lt(get(W.token), get(W.count)), [
      ...assign(W.at, token(get(W.token))),
      ...assign(W.byte, data(get(W.at))),
      // Something between two tokens: only a bare value may be.
      ...unlessBlank(W.previous, W.at, [
        ...when(and(ne(get(W.state), i32(VALUE)), ne(get(W.state), i32(ARRAY_START))), fail),
        ...when(not(call(index.bare, get(W.previous), get(W.at), get(W.field),
          select(i32(0), get(W.keyStart), is(W.kind, ARRAY)), get(W.keyEnd))), fail),
        ...assign(W.state, i32(AFTER_VALUE)),
      ]),
      ...when(or(is(W.state, AFTER_VALUE), and(is(W.state, OBJECT_START), is(W.byte, CLOSE_OBJECT))),
        separator(),
        when(or(is(W.state, OBJECT_START), is(W.state, OBJECT_KEY)),
          key(index, unlessBlank),
          when(is(W.byte, QUOTE),
            stringValue(),
            when(or(is(W.byte, OPEN_OBJECT), is(W.byte, OPEN_ARRAY)),
              open(),
              when(and(is(W.byte, CLOSE_ARRAY), is(W.state, ARRAY_START)), pop(), fail))))),
      ...assign(W.previous, get(W.at)),
      ...assign(W.token, add(get(W.token), i32(1))),
    ]),
    ...i32(0),
  ];

  /** `,` or the end of the container (after a value, or `}` of an empty object). */
  function separator(): Code {
    // prettier-ignore
    return when(and(is(W.byte, COMMA), is(W.state, AFTER_VALUE)), [
      ...assign(W.state, select(i32(VALUE), i32(OBJECT_KEY), is(W.kind, ARRAY))),
      ...assign(W.field, i32(-1)),
    ], when(eq(get(W.byte), select(i32(CLOSE_ARRAY), i32(CLOSE_OBJECT), is(W.kind, ARRAY))), [
      ...when(is(W.depth, 1), [
        ...when(and(eq(get(W.token), sub(get(W.count), i32(1))), blank(get(W.at), get(W.end))),
          ret(call(index.extract))),
        ...fail,
      ]),
      ...pop(),
    ], fail));
  }
}

/** Leaves a container: its parent's kind is on the stack. */
function pop(): Code {
  return [
    ...assign(W.depth, sub(get(W.depth), i32(1))),
    ...assign(W.kind, load8(get(W.depth), MEMORY.stack - 1)),
    ...assign(W.state, i32(AFTER_VALUE)),
  ];
}

/** A key (its closing quote is the next token), then `:`; its field when the container has them. */
function key(index: Index, unlessBlank: (a: number, b: number, then: Code) => Code): Code {
  // prettier-ignore
  return [
    ...when(or(ne(get(W.byte), i32(QUOTE)), ge(add(get(W.token), i32(2)), get(W.count))), fail),
    ...assign(W.other, token(add(get(W.token), i32(2)))),
    ...when(ne(data(get(W.other)), i32(COLON)), fail),
    ...assign(W.keyStart, add(get(W.at), i32(1))),
    ...assign(W.keyEnd, token(add(get(W.token), i32(1)))),
    ...when(ne(data(get(W.keyEnd)), i32(QUOTE)), fail),
    ...unlessBlank(W.keyEnd, W.other, fail),
    ...assign(W.field, i32(-1)),
    ...when(ne(get(W.kind), i32(OTHER)),
      assign(W.field, call(index.field, get(W.kind), get(W.keyStart), get(W.keyEnd)))),
    ...assign(W.token, add(get(W.token), i32(2))),
    ...assign(W.state, i32(VALUE)),
    ...assign(W.at, get(W.other)),
  ];
}

/** A string value (its closing quote is the next token), located when it is a needed field. */
function stringValue(): Code {
  const isString = oneOf(get(W.field), [
    F.timestamp,
    F.sessionId,
    F.version,
    F.requestId,
    F.model,
    F.id,
    F.speed,
  ]);
  // prettier-ignore
  return [
    ...when(ge(add(get(W.token), i32(1)), get(W.count)), fail),
    ...assign(W.other, token(add(get(W.token), i32(1)))),
    ...when(ne(data(get(W.other)), i32(QUOTE)), fail),
    ...when(ne(get(W.field), i32(-1)), [
      ...when(or(ne(fieldStart(get(W.field)), i32(-1)), not(isString)), fail),
      ...store32(slot(get(W.field)), add(get(W.at), i32(1)), MEMORY.fields),
      ...store32(slot(get(W.field)), get(W.other), STOP),
    ]),
    ...assign(W.token, add(get(W.token), i32(1))),
    ...assign(W.state, i32(AFTER_VALUE)),
    ...assign(W.at, get(W.other)),
  ];
}

/** `{` or `[`: message, usage and cache_creation are read as such (each once); no other needed field may be a container. */
function open(): Code {
  // prettier-ignore
  const objectKind = select(i32(MESSAGE),
    select(i32(USAGE), select(i32(BREAKDOWN), i32(OTHER), is(W.field, F.breakdown)), is(W.field, F.usage)),
    is(W.field, F.message));
  // prettier-ignore
  return [
    ...assign(W.next, select(i32(ARRAY), select(i32(OTHER), objectKind, is(W.field, -1)), is(W.byte, OPEN_ARRAY))),
    ...when(is(W.depth, MAX_DEPTH), fail),
    ...when(ne(get(W.field), i32(-1)), [
      ...when(or(ge(get(W.next), i32(OTHER)), ne(fieldStart(get(W.field)), i32(-1))), fail),
      ...store32(slot(get(W.field)), get(W.at), MEMORY.fields),
    ]),
    ...store8(get(W.depth), get(W.next), MEMORY.stack),
    ...assign(W.depth, add(get(W.depth), i32(1))),
    ...assign(W.kind, get(W.next)),
    ...assign(W.state, select(i32(ARRAY_START), i32(OBJECT_START), is(W.next, ARRAY))),
    ...assign(W.field, i32(-1)),
  ];
}

// blank(from, to, cut, resume): only whitespace strictly between `from` and `to` (across the cut).
// locals: 0 from, 1 to, 2 cut, 3 resume, 4 at
function blankCode(): Code {
  const [from, to, cut, resume, at] = [0, 1, 2, 3, 4];
  // prettier-ignore
  return [
    ...when(eq(get(to), add(get(from), i32(1))), ret(i32(1))),
    ...when(and(eq(get(from), sub(get(cut), i32(1))), eq(get(to), get(resume))), ret(i32(1))),
    ...assign(at, add(get(from), i32(1))),
    ...loopWhile(lt(get(at), get(to)), [
      ...when(not(isSpace(data(get(at)))), ret(i32(0))),
      ...assign(at, add(get(at), i32(1))),
    ]),
    ...i32(1),
  ];
}

// bare(from, to, field, keyStart, keyEnd): the bare value strictly between `from` and `to` in the
// member of key [keyStart, keyEnd) (keyStart 0: an array element) and field `field` (−1: none).
// locals: 0 from, 1 to, 2 field, 3 keyStart, 4 keyEnd, 5 s, 6 e, 7 value, 8 c
function bareCode(index: Index): Code {
  const [from, to, field, keyStart, keyEnd, s, e, value, c] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const length = sub(get(e), get(s));
  const word = (text: number, size: number): Code =>
    and(eq(length, i32(size)), eq(load32(get(s), MEMORY.data), i32(text)));
  const isCount = oneOf(get(field), [
    F.input,
    F.output,
    F.created,
    F.read,
    F.fiveMinute,
    F.oneHour,
  ]);
  const slot = mul(get(field), i32(4));
  // prettier-ignore
  return [
    ...assign(s, add(get(from), i32(1))),
    ...assign(e, get(to)),
    ...loopWhile(and(lt(get(s), get(e)), isSpace(data(get(s)))), assign(s, add(get(s), i32(1)))),
    ...loopWhile(and(gt(get(e), get(s)), isSpace(data(sub(get(e), i32(1))))), assign(e, sub(get(e), i32(1)))),
    ...assign(c, data(get(s))),
    ...assign(value, i32(BAD)),
    ...when(lt(get(s), get(e)),
      when(eq(get(c), i32(0x74)), assign(value, select(i32(TRUE), i32(BAD), word(TRUE_WORD, 4))),
        when(eq(get(c), i32(0x66)),
          assign(value, select(i32(FALSE), i32(BAD), and(word(FALS_WORD, 5), eq(data(get(s), 4), i32(LOWER_E))))),
          when(eq(get(c), i32(0x6e)), assign(value, select(i32(NULL), i32(BAD), word(NULL_WORD, 4))),
            assign(value, select(i32(NUMBER), i32(BAD), eq(call(index.numberEnd, get(s), get(e)), get(e)))))))),
    ...when(eq(get(value), i32(BAD)), ret(i32(0))),
    ...when(and(eq(get(value), i32(NULL)), gt(get(keyStart), i32(0))),
      when(ne(call(index.field, i32(NULLS), get(keyStart), get(keyEnd)), i32(-1)), ret(i32(0)))),
    ...when(eq(get(field), i32(-1)), ret(i32(1))),
    ...when(ne(load32(slot, MEMORY.fields), i32(-1)), ret(i32(0))),
    ...store32(slot, get(s), MEMORY.fields),
    ...store32(slot, get(e), STOP),
    ...when(eq(get(field), i32(F.isSidechain)), ret(or(eq(get(value), i32(TRUE)), eq(get(value), i32(FALSE))))),
    ...when(eq(get(field), i32(F.costUSD)), ret(eq(get(value), i32(NUMBER)))),
    ...when(or(ne(get(value), i32(NUMBER)), not(isCount)), ret(i32(0))),
    // A count: a plain integer of at most MAX_COUNT_DIGITS digits, no leading zero.
    ...when(gt(length, i32(MAX_COUNT_DIGITS)), ret(i32(0))),
    ...when(and(eq(data(get(s)), i32(ZERO)), gt(length, i32(1))), ret(i32(0))),
    ...eq(call(index.digitsEnd, get(s), get(e)), get(e)),
  ];
}

// field(table, start, end): the field of the key [start, end) in key table `table`, or −1.
// locals: 0 table, 1 start, 2 end, 3 p, 4 length, 5 i, 6 size
function fieldCode(): Code {
  const [table, start, end, p, length, i, size] = [0, 1, 2, 3, 4, 5, 6];
  const keyWord = (at: Code): Code => load32(add(get(p), at), 2);
  const dataWord = (at: Code): Code => load32(add(get(start), at), MEMORY.data);
  // prettier-ignore
  return [
    ...assign(length, sub(get(end), get(start))),
    ...assign(p, load32(mul(get(table), i32(4)), MEMORY.keys)),
    ...loopWhile(ne(assign(size, load8(get(p))).concat(get(size)), i32(0)), [
      ...when(eq(get(size), get(length)), [
        ...assign(i, i32(0)),
        ...when(ge(get(length), i32(4)), [
          // Four bytes at a time, then the last four (they may overlap the ones before).
          ...loopWhile(and(lt(add(get(i), i32(4)), get(length)), eq(keyWord(get(i)), dataWord(get(i)))),
            assign(i, add(get(i), i32(4)))),
          ...when(and(ge(add(get(i), i32(4)), get(length)),
            eq(keyWord(sub(get(length), i32(4))), dataWord(sub(get(length), i32(4))))),
            ret(load8(get(p), 1))),
        ], [
          ...loopWhile(and(lt(get(i), get(length)), eq(load8(add(get(p), get(i)), 2), data(add(get(start), get(i))))),
            assign(i, add(get(i), i32(1)))),
          ...when(eq(get(i), get(length)), ret(load8(get(p), 1))),
        ]),
      ]),
      ...assign(p, add(get(p), add(get(size), i32(2)))),
    ]),
    ...i32(-1),
  ];
}

// numberEnd(at, limit): the end of the JSON number (strict grammar) at `at`, or −1.
// locals: 0 at, 1 limit, 2 first, 3 p, 4 x
function numberEndCode(index: Index): Code {
  const [at, limit, first, p, x] = [0, 1, 2, 3, 4];
  const digits = (from: Code): Code => call(index.digitsEnd, from, get(limit));
  const next = (byte: Code): Code => and(lt(get(p), get(limit)), byte);
  // prettier-ignore
  return [
    ...assign(p, get(at)),
    ...when(next(eq(data(get(p)), i32(MINUS))), assign(p, add(get(p), i32(1)))),
    ...assign(first, get(p)),
    ...assign(p, digits(get(p))),
    ...when(eq(get(p), get(first)), ret(i32(-1))),
    ...when(and(eq(data(get(first)), i32(ZERO)), gt(get(p), add(get(first), i32(1)))), ret(i32(-1))),
    ...when(next(eq(data(get(p)), i32(DOT))), [
      ...assign(x, add(get(p), i32(1))),
      ...assign(p, digits(get(x))),
      ...when(eq(get(p), get(x)), ret(i32(-1))),
    ]),
    ...when(next(eq(or(data(get(p)), i32(0x20)), i32(LOWER_E))), [
      ...assign(p, add(get(p), i32(1))),
      ...when(next(or(eq(data(get(p)), i32(PLUS)), eq(data(get(p)), i32(MINUS)))), assign(p, add(get(p), i32(1)))),
      ...assign(x, get(p)),
      ...assign(p, digits(get(x))),
      ...when(eq(get(p), get(x)), ret(i32(-1))),
    ]),
    ...get(p),
  ];
}

// digitsEnd(at, limit): the end of the run of ASCII digits from `at`.
// locals: 0 at, 1 limit
function digitsEndCode(): Code {
  const [at, limit] = [0, 1];
  // prettier-ignore
  return [
    ...loopWhile(and(lt(get(at), get(limit)), not(gtU(sub(data(get(at)), i32(ZERO)), i32(9)))),
      assign(at, add(get(at), i32(1)))),
    ...get(at),
  ];
}

/** Writes the key tables (skeleton-walk.ts's KEYS, then NOT_NULLABLE_FIELDS) into a new instance's memory. */
export function writeKeyTables(memory: ArrayBuffer): void {
  const bytes = new Uint8Array(memory);
  const view = new DataView(memory);
  const tables = [...KEYS, NOT_NULLABLE_FIELDS.map((key) => [key, 0] as const)];
  let at = MEMORY.keys + 4 * tables.length;
  tables.forEach((keys, table) => {
    view.setInt32(MEMORY.keys + 4 * table, at, true);
    for (const [key, field] of keys) {
      bytes[at] = key.length;
      bytes[at + 1] = field;
      bytes.set(Buffer.from(key, 'latin1'), at + 2);
      at += key.length + 2;
    }
    bytes[at] = 0;
    at += 1;
  });
  if (at > MEMORY.fields) throw new Error('logs key tables overflow their memory area');
}

// What the fast line reader looks for in a transcript line's skeleton, shared by the JavaScript
// walk (skeleton-walk.ts) and the WebAssembly one (wasm-walk.ts, wasm-extract.ts): the containers
// whose fields are located, the fields, their names, and what the extract step leaves.

/** Counts with more digits might not be exact doubles: left to JSON.parse. */
export const MAX_COUNT_DIGITS = 15;
/** Deeper nesting is left to JSON.parse. */
export const MAX_DEPTH = 64;
/** Longer keys are never a needed field's. */
export const MAX_KEY = 32;

/** Containers: the objects whose fields are located, any other object, an array. */
export const TOP = 0;
export const MESSAGE = 1;
export const USAGE = 2;
export const BREAKDOWN = 3;
export const OTHER = 4;
export const ARRAY = 5;

/** The fields the walk locates (an index into `start`, `stop`, `values`). */
export const F = {
  timestamp: 0,
  message: 1,
  sessionId: 2,
  version: 3,
  costUSD: 4,
  requestId: 5,
  isSidechain: 6,
  model: 7,
  id: 8,
  usage: 9,
  input: 10,
  output: 11,
  created: 12,
  read: 13,
  speed: 14,
  breakdown: 15,
  iterations: 16,
  fiveMinute: 17,
  oneHour: 18,
} as const;
/** How many fields. */
export const FIELDS = 19;
/** An absent field's `start`; also "no field" while walking. */
export const NONE = -1;

/**
 * What a successful walk also leaves in `values` (see `extract`): the ids hashed, the counts
 * (0 when absent), and whether `sessionId` / `model` have the same bytes as on the last line
 * that had one (1) or not (0), so the caller can reuse the string it made then.
 */
export const V = {
  messageKey: 0,
  requestKey: 1,
  input: 2,
  output: 3,
  created: 4,
  read: 5,
  fiveMinute: 6,
  oneHour: 7,
  sameSession: 8,
  sameModel: 9,
} as const;
/** Slots of `values`. */
export const VALUES = 10;
/** Longer session / model ids are not remembered (always "not the same"). */
export const MAX_REMEMBERED = 255;

/** Per container kind: the fields located in it, by name (`line.message.usage.cache_creation`). */
export const KEYS: readonly (readonly (readonly [string, number])[])[] = [
  [
    ['timestamp', F.timestamp],
    ['message', F.message],
    ['sessionId', F.sessionId],
    ['version', F.version],
    ['costUSD', F.costUSD],
    ['requestId', F.requestId],
    ['isSidechain', F.isSidechain],
  ],
  [
    ['model', F.model],
    ['id', F.id],
    ['usage', F.usage],
  ],
  [
    ['input_tokens', F.input],
    ['output_tokens', F.output],
    ['cache_creation_input_tokens', F.created],
    ['cache_read_input_tokens', F.read],
    ['speed', F.speed],
    ['cache_creation', F.breakdown],
    ['iterations', F.iterations],
  ],
  [
    ['ephemeral_5m_input_tokens', F.fiveMinute],
    ['ephemeral_1h_input_tokens', F.oneHour],
  ],
];

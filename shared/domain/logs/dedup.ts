/** What de-duplication compares: one response, with its ids as 53-bit hashes (NaN: absent). */
export interface DedupFacts {
  messageKey: number;
  requestKey: number;
  /** The line's session, interned. */
  session: number;
  timestamp: number;
  isSidechain: boolean;
  hasSpeed: boolean;
  totalTokens: number;
  /** The response's cost in `auto` mode: ccusage's tie-break after the token total. */
  cost: number;
}

/** The counted responses so far, by index, as de-duplication needs to see them. */
export interface DedupStore {
  read(index: number, into: DedupFacts): void;
}

/** The verdict on a new record. */
export type DedupVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'duplicate'; readonly index: number; readonly replace: boolean };

/** An empty fact record, to reuse. */
export function emptyFacts(): DedupFacts {
  return {
    messageKey: NaN,
    requestKey: NaN,
    session: 0,
    timestamp: 0,
    isSidechain: false,
    hasSpeed: false,
    totalTokens: 0,
    cost: 0,
  };
}

const NEW: DedupVerdict = { kind: 'new' };

const sameKey = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Counts each response once, as ccusage v20's daily report does (docs/PROTOCOLS.md "Local
 * transcripts"): lines with the same `message.id` + `requestId` are one response; without a
 * `requestId`, the same id in the same session (Claude Code versions that wrote no `requestId`
 * streamed a response as several lines: ccusage's session, monthly and blocks loaders count it
 * once, its daily loader once per timestamp); a sidechain replay of a message (same id and
 * session, another request) is the same response. Of the copies, a non-sidechain line wins, then
 * the largest token total, then the larger cost, then one that states its speed. Lines without a
 * `message.id` are always counted.
 *
 * ccusage looks copies up in hash buckets keyed by (id, request) and (id, session); every bucket
 * hit is re-checked against the entry's current fields. Going through the entries of one message
 * id in the order they were added and applying the same checks finds the same entry, with one
 * hash-table probe per line (MessageIndex).
 */
export class ResponseDedup {
  readonly #store: DedupStore;
  readonly #byMessage = new MessageIndex();
  /** Entry index → other sessions whose replays may match it (after cross-session copies). */
  readonly #aliases = new Map<number, number[]>();
  readonly #existing = emptyFacts();

  constructor(store: DedupStore) {
    this.#store = store;
  }

  /** Where a new record belongs. Call `added` after storing a new one. */
  judge(candidate: DedupFacts): DedupVerdict {
    if (Number.isNaN(candidate.messageKey)) return NEW;
    const index = this.#match(candidate);
    if (index < 0) return NEW;
    const existing = this.#existing;
    this.#store.read(index, existing);
    if (existing.session !== candidate.session) {
      // A copy from another session can win later: its session's replays must find this entry too.
      this.#alias(index, candidate.session);
      this.#alias(index, existing.session);
    }
    return { kind: 'duplicate', index, replace: prefers(candidate, existing) };
  }

  /** Registers a record stored at a new index. */
  added(index: number, facts: DedupFacts): void {
    if (!Number.isNaN(facts.messageKey)) this.#byMessage.add(facts.messageKey, index);
  }

  /** The first exact copy, else the first replay, in the order added (ccusage tries its exact bucket first). */
  #match(candidate: DedupFacts): number {
    const index = this.#byMessage;
    let replay = -1;
    for (let at = index.first(candidate.messageKey); at >= 0; at = index.next(at)) {
      const entry = index.entry(at);
      if (this.#isExact(entry, candidate)) return entry;
      if (replay < 0 && this.#isReplay(entry, candidate)) replay = entry;
    }
    return replay;
  }

  #isExact(index: number, candidate: DedupFacts): boolean {
    const existing = this.#existing;
    this.#store.read(index, existing);
    if (existing.messageKey !== candidate.messageKey) return false;
    if (!sameKey(existing.requestKey, candidate.requestKey)) return false;
    if (!Number.isNaN(candidate.requestKey)) return true;
    return existing.session === candidate.session;
  }

  #isReplay(index: number, candidate: DedupFacts): boolean {
    const existing = this.#existing;
    this.#store.read(index, existing);
    if (existing.messageKey !== candidate.messageKey) return false;
    if (!candidate.isSidechain && !existing.isSidechain) return false;
    return (
      existing.session === candidate.session ||
      this.#aliases.get(index)?.includes(candidate.session) === true
    );
  }

  #alias(index: number, session: number): void {
    const sessions = this.#aliases.get(index);
    if (sessions === undefined) this.#aliases.set(index, [session]);
    else if (!sessions.includes(session)) sessions.push(session);
  }
}

/** Whether `candidate` should take the place of `existing` (ccusage's order of preference). */
export function prefers(candidate: DedupFacts, existing: DedupFacts): boolean {
  if (candidate.isSidechain !== existing.isSidechain) return existing.isSidechain;
  if (candidate.totalTokens !== existing.totalTokens) {
    return candidate.totalTokens > existing.totalTokens;
  }
  if (candidate.cost !== existing.cost) return candidate.cost > existing.cost;
  return candidate.hasSpeed && !existing.hasSpeed;
}

/**
 * Entry indexes by message key, in the order they were added: open addressing with linear
 * probing over typed arrays (a Map of 70k numeric keys costs several times more per line). Slots
 * are never emptied, so the entries of one key lie along its probe sequence in the order added.
 */
class MessageIndex {
  /** The additions, in order: key and entry. */
  #keys = new Float64Array(1024);
  #entries = new Int32Array(1024);
  #count = 0;
  /** Per slot: 1 + a position in the additions, or 0 (empty). At most half full. */
  #slots = new Int32Array(2048);
  #mask = 2047;
  /** The key `first` / `next` are looking for. */
  #key = NaN;

  add(key: number, entry: number): void {
    if (this.#count === this.#keys.length) {
      const keys = new Float64Array(this.#count * 2);
      const entries = new Int32Array(this.#count * 2);
      keys.set(this.#keys);
      entries.set(this.#entries);
      this.#keys = keys;
      this.#entries = entries;
      this.#slots = new Int32Array(this.#count * 4);
      this.#mask = this.#slots.length - 1;
      for (let position = 0; position < this.#count; position += 1) this.#place(position);
    }
    this.#keys[this.#count] = key;
    this.#entries[this.#count] = entry;
    this.#place(this.#count);
    this.#count += 1;
  }

  /** The slot of the first entry added with `key`, or −1. */
  first(key: number): number {
    this.#key = key;
    return this.#seek(((key >>> 0) & this.#mask) - 1);
  }

  /** The slot of the next entry with the same key after slot `at`, or −1. */
  next(at: number): number {
    return this.#seek(at);
  }

  /** The entry in slot `at`. */
  entry(at: number): number {
    return this.#entries[(this.#slots[at] as number) - 1] as number;
  }

  #seek(after: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = (after + 1) & mask; ; slot = (slot + 1) & mask) {
      const position = slots[slot] as number;
      if (position === 0) return -1;
      if (this.#keys[position - 1] === this.#key) return slot;
    }
  }

  #place(position: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = ((this.#keys[position] as number) >>> 0) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = position + 1;
  }
}

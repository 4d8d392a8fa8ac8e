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
/** Small-integer map keys are much faster in V8 than 53-bit ones; collisions are checked anyway. */
const KEY_MASK = 0x3fffffff;

const sameKey = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Counts each response once, as ccusage v20's daily report does (PROTOCOLS.md "Local
 * transcripts"): lines with the same `message.id` + `requestId` are one response; without a
 * `requestId`, the same id, session and timestamp; a sidechain replay of a message (same id and
 * session, another request) is the same response. Of the copies, a non-sidechain line wins, then
 * the largest token total, then the larger cost, then one that states its speed. Lines without a
 * `message.id` are always counted.
 *
 * ccusage looks copies up in hash buckets keyed by (id, request) and (id, session); every bucket
 * hit is re-checked against the entry's current fields. Keeping one list of entries per message
 * id and applying the same checks finds the same entry, with one map lookup per line.
 */
export class ResponseDedup {
  readonly #store: DedupStore;
  /** Message key → entry index (≥ 0), or −(n + 1) for `#lists[n]` when several share it. */
  readonly #byMessage = new Map<number, number>();
  readonly #lists: number[][] = [];
  /** Entry index → other sessions whose replays may match it (after cross-session copies). */
  readonly #aliases = new Map<number, number[]>();
  readonly #existing = emptyFacts();

  constructor(store: DedupStore) {
    this.#store = store;
  }

  /** Where a new record belongs. Call `added` after storing a new one. */
  judge(candidate: DedupFacts): DedupVerdict {
    if (Number.isNaN(candidate.messageKey)) return NEW;
    const found = this.#byMessage.get(candidate.messageKey % KEY_MASK);
    if (found === undefined) return NEW;
    const index =
      found >= 0
        ? this.#matchOne(found, candidate)
        : this.#matchList(this.#lists[-found - 1] ?? [], candidate);
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
    if (Number.isNaN(facts.messageKey)) return;
    const key = facts.messageKey % KEY_MASK;
    const found = this.#byMessage.get(key);
    if (found === undefined) this.#byMessage.set(key, index);
    else if (found >= 0) this.#byMessage.set(key, -this.#lists.push([found, index]));
    else this.#lists[-found - 1]?.push(index);
  }

  #matchOne(index: number, candidate: DedupFacts): number {
    return this.#isExact(index, candidate) || this.#isReplay(index, candidate) ? index : -1;
  }

  /** The first exact copy, else the first replay (ccusage tries its exact bucket first). */
  #matchList(indexes: readonly number[], candidate: DedupFacts): number {
    for (const index of indexes) if (this.#isExact(index, candidate)) return index;
    for (const index of indexes) if (this.#isReplay(index, candidate)) return index;
    return -1;
  }

  #isExact(index: number, candidate: DedupFacts): boolean {
    const existing = this.#existing;
    this.#store.read(index, existing);
    if (existing.messageKey !== candidate.messageKey) return false;
    if (!sameKey(existing.requestKey, candidate.requestKey)) return false;
    if (!Number.isNaN(candidate.requestKey)) return true;
    return existing.session === candidate.session && existing.timestamp === candidate.timestamp;
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

import { countUnpriced, entryCost, labelTable } from './aggregate';
import type { CostMode } from './cost';
import type { UsageEntries } from './entries';

/** ccusage's session block length: an approximation of the real 5-hour window. */
export const BLOCK_MS = 5 * 3_600_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Token counts of a block, by kind. */
export interface BlockTokens {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
}

/** Tokens and cost per unit of time between a block's first and last entry. */
export interface BurnRate {
  /** All tokens (cache included) per minute. */
  readonly tokensPerMinute: number;
  /** Input + output tokens per minute (ccusage's indicator figure). */
  readonly tokensPerMinuteForIndicator: number;
  readonly costPerHour: number;
}

/** Where an active block ends up if the burn rate holds until its end. */
export interface BlockProjection {
  readonly totalTokens: number;
  readonly totalCost: number;
  readonly remainingMinutes: number;
}

/** A 5-hour block of activity, or the gap between two blocks. */
export interface UsageBlock {
  /** epoch ms; the first entry's time floored to the UTC hour (a gap: last activity + 5 h). */
  readonly startAt: number;
  /** start + 5 h (a gap: the next activity). */
  readonly endAt: number;
  /** The last entry's time; null for a gap. */
  readonly lastActivityAt: number | null;
  readonly firstActivityAt: number | null;
  readonly isGap: boolean;
  readonly isActive: boolean;
  readonly entries: number;
  readonly tokens: BlockTokens;
  readonly totalTokens: number;
  readonly costUsd: number;
  /** Model names in order of first use. */
  readonly models: readonly string[];
  /** Tokens the price table cannot price, per model label: `costUsd` leaves them out. */
  readonly unpricedTokens: Readonly<Record<string, number>>;
}

/**
 * Splits entries into ccusage's 5-hour blocks (docs/PROTOCOLS.md): a block starts at its first entry's
 * time floored to the UTC hour; an entry more than 5 h after the block start or after the previous
 * entry starts a new block, and a silence longer than 5 h is reported as a gap block. A block is
 * active while `now` is within 5 h of its last entry and before its end. Sorted by start.
 */
export function buildBlocks(
  entries: UsageEntries,
  now: number,
  mode: CostMode,
  include?: (index: number) => boolean,
): UsageBlock[] {
  const order: number[] = [];
  for (let index = 0; index < entries.count; index += 1) {
    if (include === undefined || include(index)) order.push(index);
  }
  const stamps = entries.timestamp;
  order.sort((a, b) => (stamps[a] ?? 0) - (stamps[b] ?? 0) || a - b);
  const blocks: UsageBlock[] = [];
  const label = labelTable(entries);
  let current: number[] = [];
  let start = 0;
  let last = 0;
  for (const index of order) {
    const at = stamps[index] ?? 0;
    if (current.length > 0 && (at - start > BLOCK_MS || at - last > BLOCK_MS)) {
      blocks.push(closeBlock(entries, current, start, now, mode, label));
      if (at - last > BLOCK_MS) blocks.push(gapBlock(last + BLOCK_MS, at));
      current = [];
    }
    if (current.length === 0) start = Math.floor(at / HOUR_MS) * HOUR_MS;
    current.push(index);
    last = at;
  }
  if (current.length > 0) blocks.push(closeBlock(entries, current, start, now, mode, label));
  // A gap starts 5 h after the last entry, which can be later than the next block's floored
  // start: ccusage lists blocks by start time (a stable sort), and so does Pacewatch.
  return blocks.sort((a, b) => a.startAt - b.startAt);
}

function closeBlock(
  entries: UsageEntries,
  indexes: readonly number[],
  startAt: number,
  now: number,
  mode: CostMode,
  label: (index: number) => string | null,
): UsageBlock {
  const tokens: BlockTokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0 };
  const models: string[] = [];
  let costUsd = 0;
  const unpricedTokens: Record<string, number> = {};
  for (const index of indexes) {
    tokens.input += entries.input[index] ?? 0;
    tokens.output += entries.output[index] ?? 0;
    tokens.cacheCreation += (entries.cacheWrite5m[index] ?? 0) + (entries.cacheWrite1h[index] ?? 0);
    tokens.cacheRead += entries.cacheRead[index] ?? 0;
    costUsd += entryCost(entries, index, mode);
    const name = label(index);
    if (name !== null && !models.includes(name)) models.push(name);
    countUnpriced(entries, index, mode, name, unpricedTokens);
  }
  const firstActivityAt = entries.timestamp[indexes[0] ?? 0] ?? startAt;
  const lastActivityAt = entries.timestamp[indexes[indexes.length - 1] ?? 0] ?? startAt;
  const endAt = startAt + BLOCK_MS;
  return {
    startAt,
    endAt,
    firstActivityAt,
    lastActivityAt,
    isGap: false,
    isActive: now - lastActivityAt < BLOCK_MS && now < endAt,
    entries: indexes.length,
    tokens,
    totalTokens: tokens.input + tokens.output + tokens.cacheCreation + tokens.cacheRead,
    costUsd,
    models,
    unpricedTokens,
  };
}

function gapBlock(startAt: number, endAt: number): UsageBlock {
  return {
    startAt,
    endAt,
    firstActivityAt: null,
    lastActivityAt: null,
    isGap: true,
    isActive: false,
    entries: 0,
    tokens: { input: 0, output: 0, cacheCreation: 0, cacheRead: 0 },
    totalTokens: 0,
    costUsd: 0,
    models: [],
    unpricedTokens: {},
  };
}

/** The block's burn rate between its first and last entry; null with fewer than two entries. */
export function burnRate(block: UsageBlock): BurnRate | null {
  if (
    block.isGap ||
    block.entries < 2 ||
    block.firstActivityAt === null ||
    block.lastActivityAt === null
  )
    return null;
  const minutes = (block.lastActivityAt - block.firstActivityAt) / MINUTE_MS;
  if (minutes <= 0) return null;
  return {
    tokensPerMinute: block.totalTokens / minutes,
    tokensPerMinuteForIndicator: (block.tokens.input + block.tokens.output) / minutes,
    costPerHour: (block.costUsd / minutes) * 60,
  };
}

/** Tokens and cost at the block's end if the burn rate holds (ccusage rounds the minutes). */
export function projectBlock(block: UsageBlock, now: number): BlockProjection | null {
  const rate = burnRate(block);
  if (rate === null || !block.isActive) return null;
  const remainingMinutes = Math.max(0, Math.round((block.endAt - now) / MINUTE_MS));
  return {
    remainingMinutes,
    totalTokens: Math.round(block.totalTokens + rate.tokensPerMinute * remainingMinutes),
    totalCost: block.costUsd + (rate.costPerHour / 60) * remainingMinutes,
  };
}

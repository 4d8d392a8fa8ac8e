import {
  emptyTokenCounts,
  type LogsBlockSummary,
  type LogsSummary,
  type TokenCounts,
} from '../logs-summary';
import { countUnpriced, entryCost, labelTable } from './aggregate';
import { BLOCK_MS, buildBlocks, burnRate, projectBlock, type UsageBlock } from './blocks';
import type { UsageEntries } from './entries';
import { createDayKey } from './time-zone';

const DAY_MS = 86_400_000;

/** What the reader knows about faults, for the summary. */
export interface LogsProblems {
  readonly malformedLines: number;
  readonly unreadableFiles: readonly string[];
}

function addTokens(counts: TokenCounts, entries: UsageEntries, index: number): void {
  const input = entries.input[index] ?? 0;
  const output = entries.output[index] ?? 0;
  const created = (entries.cacheWrite5m[index] ?? 0) + (entries.cacheWrite1h[index] ?? 0);
  const read = entries.cacheRead[index] ?? 0;
  counts.input += input;
  counts.output += output;
  counts.cacheCreation += created;
  counts.cacheRead += read;
  counts.total += input + output + created + read;
}

/**
 * The `logs` snapshot at `now`: today's and the last 30 days' tokens and API-equivalent cost, and
 * the latest 5-hour block (active or ended within a day) with its burn rate and projection.
 */
export function summarizeEntries(
  entries: UsageEntries,
  now: number,
  /** An IANA zone, or null for this machine's (see createDayKey). */
  timeZone: string | null,
  problems: LogsProblems,
  latest: UsageBlock | null = latestBlock(entries),
): LogsSummary {
  const dayKey = createDayKey(timeZone);
  const today = dayKey(now);
  const todayTokens = emptyTokenCounts();
  const monthTokens = emptyTokenCounts();
  let todayCost = 0;
  let monthCost = 0;
  const todayUnpriced: Record<string, number> = {};
  const monthUnpriced: Record<string, number> = {};
  const label = labelTable(entries);
  for (let index = 0; index < entries.count; index += 1) {
    const at = entries.timestamp[index] ?? 0;
    if (at <= now - 30 * DAY_MS) continue;
    const cost = entryCost(entries, index, 'auto');
    addTokens(monthTokens, entries, index);
    monthCost += cost;
    countUnpriced(entries, index, 'auto', label(index), monthUnpriced);
    if (at > now - 2 * DAY_MS && dayKey(at) === today) {
      addTokens(todayTokens, entries, index);
      todayCost += cost;
      countUnpriced(entries, index, 'auto', label(index), todayUnpriced);
    }
  }
  return {
    computedAt: now,
    activeBlock:
      latest === null || now - (latest.lastActivityAt ?? latest.startAt) > DAY_MS
        ? null
        : blockSummary(asOf(latest, now), now),
    today: { tokens: todayTokens, costUsd: todayCost, unpricedTokens: todayUnpriced },
    last30Days: { tokens: monthTokens, costUsd: monthCost, unpricedTokens: monthUnpriced },
    problems: {
      malformedLines: problems.malformedLines,
      unreadableFiles: [...problems.unreadableFiles],
    },
  };
}

/**
 * The latest 5-hour block (not a gap), whatever `now` is; null without entries. It only changes
 * when the entries do, so a long-lived reader computes it once per change.
 */
export function latestBlock(entries: UsageEntries): UsageBlock | null {
  const stamps = new Float64Array(entries.count);
  for (let index = 0; index < entries.count; index += 1)
    stamps[index] = entries.timestamp[index] ?? 0;
  stamps.sort();
  if (stamps.length === 0) return null;
  // After a silence of more than 5 h a new block starts: entries before the latest such silence
  // cannot shape the latest block, so only the ones after it are grouped.
  let cut = stamps.length - 1;
  while (cut > 0 && (stamps[cut] ?? 0) - (stamps[cut - 1] ?? 0) <= BLOCK_MS) cut -= 1;
  const from = stamps[cut] ?? -Infinity;
  const blocks = buildBlocks(
    entries,
    -Infinity,
    'auto',
    (index) => (entries.timestamp[index] ?? 0) >= from,
  );
  return blocks.filter((candidate) => !candidate.isGap).at(-1) ?? null;
}

/** The block as it stands at `now`: active within 5 h of its last entry and before its end. */
function asOf(block: UsageBlock, now: number): UsageBlock {
  const last = block.lastActivityAt ?? block.startAt;
  return { ...block, isActive: now - last < BLOCK_MS && now < block.endAt };
}

/** A block as the popover shows it. */
export function blockSummary(block: UsageBlock, now: number): LogsBlockSummary {
  const rate = burnRate(block);
  const projection = block.isActive && rate !== null ? projectBlock(block, now) : null;
  return {
    startAt: block.startAt,
    endAt: block.endAt,
    lastActivityAt: block.lastActivityAt ?? block.startAt,
    isActive: block.isActive,
    tokens: {
      input: block.tokens.input,
      output: block.tokens.output,
      cacheCreation: block.tokens.cacheCreation,
      cacheRead: block.tokens.cacheRead,
      total: block.totalTokens,
    },
    costUsd: block.costUsd,
    unpricedTokens: block.unpricedTokens,
    tokensPerMinute: rate?.tokensPerMinute ?? null,
    costPerHour: rate?.costPerHour ?? null,
    projectedTokens: projection?.totalTokens ?? null,
    projectedCostUsd: projection?.totalCost ?? null,
  };
}

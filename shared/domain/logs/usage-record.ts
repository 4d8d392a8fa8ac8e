import { parseLogTimestamp } from './log-timestamp';
import { hasForbiddenNull } from './null-fields';
import { isResponseCostUsd, isResponseTokenCount } from '../valid';

/** One response's usage as a transcript line reports it, before de-duplication. */
export interface UsageRecord {
  /** epoch ms */
  timestamp: number;
  /** The line's `sessionId`; null when absent (the file's path names the session then). */
  sessionId: string | null;
  messageId: string | null;
  requestId: string | null;
  isSidechain: boolean;
  /** The model id as logged; null when absent or `<synthetic>` (an API error notice). */
  model: string | null;
  /** What reports list: the model id, with `-fast` for fast-mode responses (as ccusage does). */
  modelLabel: string | null;
  /** null when the line has no `speed`. */
  speed: 'standard' | 'fast' | null;
  input: number;
  output: number;
  /** 5-minute cache writes, or every cache write when the line has no 5m / 1h breakdown. */
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  /** The line's `costUSD`, null when absent. */
  costUsd: number | null;
  /** An advisor iteration billed as its own response (its label never gets `-fast`). */
  isAdvisor: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A count or cost past the bounds of a real response (shared/domain/valid.ts) marks a damaged
// line, skipped like any line ccusage cannot read, rather than shown as $7.4e23.
const isCount = isResponseTokenCount;
const isCost = isResponseCostUsd;

/** `undefined` and `null` both mean absent (serde's Option); anything else must be a string. */
function optionalString(value: unknown): string | null | false {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : false;
}

interface Tokens {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  speed: 'standard' | 'fast' | null;
}

/** Reads `message.usage` (or an iteration) the way ccusage's TokenUsageRaw does; null if invalid. */
function readTokens(usage: unknown): Tokens | null {
  if (!isObject(usage)) return null;
  const { input_tokens: input, output_tokens: output } = usage;
  if (!isCount(input) || !isCount(output)) return null;
  const created = usage.cache_creation_input_tokens ?? 0;
  const read = usage.cache_read_input_tokens ?? 0;
  if (!isCount(created) || !isCount(read)) return null;
  const speed = usage.speed ?? null;
  if (speed !== null && speed !== 'standard' && speed !== 'fast') return null;
  const breakdown = usage.cache_creation ?? null;
  if (breakdown !== null && !isObject(breakdown)) return null;
  let write5m = created;
  let write1h = 0;
  if (breakdown !== null) {
    const fiveMinute = breakdown.ephemeral_5m_input_tokens ?? 0;
    const oneHour = breakdown.ephemeral_1h_input_tokens ?? 0;
    if (!isCount(fiveMinute) || !isCount(oneHour)) return null;
    write5m = fiveMinute;
    write1h = oneHour;
  }
  return { input, output, cacheWrite5m: write5m, cacheWrite1h: write1h, cacheRead: read, speed };
}

/** `major.minor.patch…`: ccusage ignores lines whose `version` does not start like that. */
function isSemverPrefix(version: string): boolean {
  return /^\d+\.\d+\.\d/.test(version);
}

interface Envelope {
  readonly timestamp: unknown;
  readonly message: unknown;
  readonly sessionId: unknown;
  readonly version: unknown;
  readonly costUSD: unknown;
  readonly requestId: unknown;
  readonly isSidechain: unknown;
}

/** A line's own usage record, or a sub-agent's nested in an `agent_progress` line. */
function envelopeOf(line: Json): Envelope | null {
  const direct = line.message;
  if (typeof line.timestamp === 'string' && isObject(direct) && direct.usage !== undefined) {
    return line as unknown as Envelope;
  }
  const data = line.data;
  const nested = isObject(data) ? data.message : undefined;
  if (!isObject(nested)) return null;
  return {
    timestamp: nested.timestamp,
    message: nested.message,
    sessionId: line.sessionId,
    version: undefined,
    costUSD: nested.costUSD,
    requestId: nested.requestId,
    isSidechain: nested.isSidechain,
  };
}

/*
 * Where Pacewatch deliberately differs from ccusage v20 (both count the same everywhere else,
 * which ccusage-parity.test.ts checks on generated trees):
 * - Only the daily report of ccusage reads sub-agent responses found in `agent_progress` lines and
 *   its replay rules; its monthly / session / blocks loader does not. Pacewatch uses the daily
 *   rules for every report, so they add up.
 * - ccusage drops a whole response when its message content holds something serde rejects but
 *   that says nothing about usage: a `null` id in a tool's input, a split surrogate pair (`\ud83d`),
 *   a duplicated key. Pacewatch skips the content and counts the response (it was billed).
 */

/**
 * Reads the usage records of one parsed transcript line into `out` (the response itself, plus
 * one per advisor iteration) and returns how many it added. Lines ccusage v20 skips add none:
 * no usage, a bad or odd timestamp, a wrong-typed field, a null in a field that must not be
 * null, a non-semver `version`, or an empty id.
 */
export function readUsageRecords(line: unknown, out: UsageRecord[]): number {
  if (!isObject(line)) return 0;
  const envelope = envelopeOf(line);
  if (envelope === null || typeof envelope.timestamp !== 'string' || hasForbiddenNull(line))
    return 0;
  const message = envelope.message;
  if (!isObject(message)) return 0;
  const tokens = readTokens(message.usage);
  const timestamp = parseLogTimestamp(envelope.timestamp);
  if (tokens === null || timestamp === null) return 0;
  const model = optionalString(message.model);
  const messageId = optionalString(message.id);
  const sessionId = optionalString(envelope.sessionId);
  const requestId = optionalString(envelope.requestId);
  const version = optionalString(envelope.version);
  if (model === false || messageId === false || sessionId === false || requestId === false)
    return 0;
  if (version === false || (version !== null && !isSemverPrefix(version))) return 0;
  if (model === '' || messageId === '' || sessionId === '' || requestId === '') return 0;
  const sidechain = envelope.isSidechain ?? false;
  const costUsd = envelope.costUSD ?? null;
  if (typeof sidechain !== 'boolean' || (costUsd !== null && !isCost(costUsd))) return 0;
  const named = model === null || model === '<synthetic>' ? null : model;
  const base: UsageRecord = {
    timestamp,
    sessionId,
    messageId,
    requestId,
    isSidechain: sidechain,
    model: named,
    modelLabel: named === null ? null : tokens.speed === 'fast' ? `${named}-fast` : named,
    speed: tokens.speed,
    input: tokens.input,
    output: tokens.output,
    cacheWrite5m: tokens.cacheWrite5m,
    cacheWrite1h: tokens.cacheWrite1h,
    cacheRead: tokens.cacheRead,
    costUsd,
    isAdvisor: false,
  };
  out.push(base);
  return 1 + readAdvisors(message.usage as Json, base, out);
}

/** Advisor iterations are billed as separate responses of their own model (ccusage v20). */
function readAdvisors(usage: Json, base: UsageRecord, out: UsageRecord[]): number {
  const iterations = usage.iterations;
  if (!Array.isArray(iterations)) return 0;
  const advisors: UsageRecord[] = [];
  for (const iteration of iterations) {
    if (!isObject(iteration) || typeof iteration.type !== 'string') return 0;
    const tokens = readTokens(iteration);
    const model = optionalString(iteration.model);
    if (tokens === null || model === false) return 0;
    if (iteration.type !== 'advisor_message' || model === null || model === '') continue;
    advisors.push({
      ...base,
      ...tokens,
      messageId: base.messageId === null ? null : `${base.messageId}:advisor:${advisors.length}`,
      model,
      modelLabel: model,
      costUsd: null,
      isAdvisor: true,
    });
  }
  out.push(...advisors);
  return advisors.length;
}

import { z } from 'zod';
import { MONEY_MAX, validCount } from '../../../../shared/domain/valid';
import { readJsonBody } from '../json-body';

// The Admin API's report pages (docs/PROTOCOLS.md "Admin API"): `{ data: [{ results: [...] }],
// has_more, next_page }`. Unknown fields are ignored; a malformed result row fails the page, since
// a spend figure with rows silently missing would read lower than the truth.

/** One page of a report: its rows, and the token for the next page when there is one. */
export type ReportPage<Row> =
  { ok: true; rows: Row[]; nextPage: string | null } | { ok: false; message: string };

/** A cost row: cents as a decimal string on the wire, kept in cents here. */
export interface CostRow {
  readonly cents: number;
  readonly currency: string;
  /**
   * The model, from `model` or else from the description ("Claude Opus 5.5 Usage - Input
   * Tokens" → `claude-opus-5-5`); null for costs not tied to one (web search, code execution).
   */
  readonly model: string | null;
  /** `tokens`, `web_search`, `code_execution`…; null when the server does not say. */
  readonly costType: string | null;
}

/** A token row of `usage_report/messages`. */
export interface TokenRow {
  readonly model: string | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheCreationTokens: number;
  readonly cacheReadTokens: number;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

// Cents may be negative (a credit), never beyond any real amount: such a row fails the page.
const amountSchema = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(DECIMAL, 'a decimal string')
      .transform((text) => Number(text)),
  ])
  .refine((cents) => Math.abs(cents) <= MONEY_MAX * 100, 'a believable amount');

const costRowSchema = z.object({
  amount: amountSchema,
  currency: z.string().min(1).nullish().catch(null),
  model: z.string().min(1).nullish().catch(null),
  cost_type: z.string().min(1).nullish().catch(null),
  description: z.string().nullish().catch(null),
});

/** "Claude Opus 5.5 Usage…" and the older "Claude 3.5 Sonnet Usage…". */
const NEW_NAME = /^Claude (Opus|Sonnet|Haiku|Fable|Mythos) (\d+(?:\.\d+)?)\b/i;
const OLD_NAME = /^Claude (\d+(?:\.\d+)?) (Opus|Sonnet|Haiku|Fable|Mythos)\b/i;

/**
 * The model id a cost description names (docs/PROTOCOLS.md "Admin API"), or null: "Claude Opus
 * 5.5 Usage - Input Tokens" → `claude-opus-5-5`, "Claude 3.5 Sonnet Usage" → `claude-3-5-sonnet`.
 */
export function modelFromDescription(description: string | null): string | null {
  if (description === null) return null;
  const dashed = (version: string) => version.replace('.', '-');
  const current = NEW_NAME.exec(description.trim());
  if (current !== null) {
    return `claude-${(current[1] ?? '').toLowerCase()}-${dashed(current[2] ?? '')}`;
  }
  const older = OLD_NAME.exec(description.trim());
  if (older !== null) return `claude-${dashed(older[1] ?? '')}-${(older[2] ?? '').toLowerCase()}`;
  return null;
}

// A count that is not a whole number of tokens within range reads as absent.
const count = z.unknown().transform((value) => validCount(value));

const tokenRowSchema = z.object({
  model: z.string().nullish().catch(null),
  uncached_input_tokens: count,
  output_tokens: count,
  cache_read_input_tokens: count,
  cache_creation: z
    .object({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count })
    .nullish()
    .catch(null),
});

const pageSchema = z.object({
  data: z.array(z.object({ results: z.array(z.unknown()).nullish() })),
  has_more: z.boolean().nullish(),
  next_page: z.string().nullish(),
});

function parsePage<Row>(body: string, row: (value: unknown) => Row | null): ReportPage<Row> {
  const json = readJsonBody(body);
  if (!json.ok) return json;
  const page = pageSchema.safeParse(json.value);
  if (!page.success) return { ok: false, message: 'no list of time buckets' };
  const rows: Row[] = [];
  for (const bucket of page.data.data) {
    for (const value of bucket.results ?? []) {
      const parsed = row(value);
      if (parsed === null) return { ok: false, message: 'a result row of an unexpected shape' };
      rows.push(parsed);
    }
  }
  const nextPage = page.data.has_more === true ? (page.data.next_page ?? null) : null;
  if (page.data.has_more === true && nextPage === null) {
    return { ok: false, message: 'more pages announced without a page token' };
  }
  return { ok: true, rows, nextPage };
}

/** Parses one page of `cost_report`. */
export function parseCostPage(body: string): ReportPage<CostRow> {
  return parsePage(body, (value) => {
    const parsed = costRowSchema.safeParse(value);
    if (!parsed.success) return null;
    const { amount, currency, model, cost_type: costType, description } = parsed.data;
    const tokens = costType === null || costType === undefined || costType === 'tokens';
    return {
      cents: amount,
      currency: (currency ?? 'USD').toUpperCase(),
      model: model ?? (tokens ? modelFromDescription(description ?? null) : null),
      costType: costType ?? null,
    };
  });
}

/** Parses one page of `usage_report/messages`. */
export function parseTokenPage(body: string): ReportPage<TokenRow> {
  return parsePage(body, (value) => {
    const parsed = tokenRowSchema.safeParse(value);
    if (!parsed.success) return null;
    const row = parsed.data;
    return {
      model: row.model ?? null,
      inputTokens: row.uncached_input_tokens ?? 0,
      outputTokens: row.output_tokens ?? 0,
      cacheCreationTokens:
        (row.cache_creation?.ephemeral_5m_input_tokens ?? 0) +
        (row.cache_creation?.ephemeral_1h_input_tokens ?? 0),
      cacheReadTokens: row.cache_read_input_tokens ?? 0,
    };
  });
}

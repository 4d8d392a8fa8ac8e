import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCostPage, parseTokenPage } from '../../electron/core/sources/admin/parse';
import { parseStatuslineInput } from '../../electron/core/sources/statusline/parse-input';
import { parseUsageBody } from '../../electron/core/sources/usage-response/parse';
import { parseOverage, parsePrepaidCredits } from '../../electron/core/sources/web/parse';
import { sourceRecordSchema } from '../../electron/core/stores/record-schema';
import { historySchema } from '../../shared/domain/history-schema';
import type { ExtraUsage, UsageWindow } from '../../shared/domain/snapshot';
import {
  EPOCH_MAX_MS,
  EPOCH_MIN_MS,
  MONEY_MAX,
  UTILIZATION_MAX,
  validExtraUsage,
  validWindow,
} from '../../shared/domain/valid';

// Every parser that turns outside bytes into values, fed fuzzed input: it never throws, and what
// it returns is only ever a value every surface can show (docs/RELIABILITY.md).

const RUNS = { numRuns: 300 };

/** Numbers as they arrive in JSON text, the impossible ones included (1e400 reads as Infinity). */
const wildNumberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -10, max: 200 }).map(String),
  fc.constantFrom('1e300', '1e308', '1e400', '-1e400', '-5', '-0', '0', '100', '100.5', '1e11'),
  fc.constantFrom('1738425600', '1738425600000', '99999999999999999999', '4102444800001'),
);

/** A JSON value: numbers written as raw text, so the parser sees exactly what a server sends. */
const wildValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    wildNumberText,
    wildNumberText.map((text) => JSON.stringify(text)),
    fc.constantFrom('null', 'true', 'false', '"USD"', '"sk-ant-oat01-AbC"', '""'),
    fc
      .constantFrom('2026-07-03T00:30:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z')
      .map((text) => JSON.stringify(text)),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .dictionary(
        fc.constantFrom(
          'utilization',
          'resets_at',
          'percent',
          'kind',
          'used_percentage',
          'currency',
          'used_credits',
          'monthly_limit',
          'is_enabled',
          'amount',
        ),
        tie('value'),
        { maxKeys: 4 },
      )
      .map(objectText),
  ),
})).value;

function objectText(entries: Record<string, string>): string {
  return `{${Object.entries(entries)
    .map(([key, value]) => `${JSON.stringify(key)}:${value}`)
    .join(',')}}`;
}

const windowValue = fc
  .record(
    { utilization: wildNumberText, resets_at: wildValue, used_percentage: wildNumberText },
    { requiredKeys: [] },
  )
  .map(objectText);

const limitEntry = fc
  .record({
    kind: fc.constantFrom('"session"', '"weekly_all"', '"weekly_scoped"', '"other"'),
    percent: wildNumberText,
    resets_at: wildValue,
    scope: fc.constantFrom('null', '{"model":{"display_name":"Opus"}}'),
  })
  .map(objectText);

const usageBody = fc
  .record(
    {
      five_hour: fc.oneof(windowValue, wildValue),
      seven_day: fc.oneof(windowValue, wildValue),
      seven_day_opus: fc.oneof(windowValue, wildValue),
      extra_usage: fc.oneof(
        fc
          .record({
            is_enabled: fc.constantFrom('true', 'false', 'null'),
            monthly_limit: wildNumberText,
            used_credits: wildNumberText,
            utilization: wildNumberText,
            currency: fc.constantFrom('"usd"', '"EUR"', 'null'),
          })
          .map(objectText),
        wildValue,
      ),
      limits: fc
        .array(fc.oneof(limitEntry, wildValue), { maxLength: 4 })
        .map((items) => `[${items.join(',')}]`),
    },
    { requiredKeys: [] },
  )
  .map(objectText);

function expectShowableWindow(window: UsageWindow): void {
  expect(validWindow(window)).toEqual(window);
  expect(window.utilization).toBeGreaterThanOrEqual(0);
  if (window.money === undefined) expect(window.utilization).toBeLessThanOrEqual(UTILIZATION_MAX);
  if (window.resetsAt !== null) {
    expect(window.resetsAt).toBeGreaterThanOrEqual(EPOCH_MIN_MS);
    expect(window.resetsAt).toBeLessThanOrEqual(EPOCH_MAX_MS);
  }
}

function expectShowableExtra(extra: ExtraUsage | null): void {
  if (extra === null) return;
  expect(validExtraUsage(extra)).toEqual(extra);
  expect(extra.used).toBeGreaterThanOrEqual(0);
  expect(extra.used).toBeLessThanOrEqual(MONEY_MAX);
}

describe('parsers under fuzzed input', () => {
  it('the usage response: never throws, only showable windows and spend', () => {
    fc.assert(
      fc.property(usageBody, (body) => {
        const parsed = parseUsageBody(body);
        if (!parsed.ok) return;
        parsed.windows.forEach(expectShowableWindow);
        expectShowableExtra(parsed.extraUsage);
      }),
      RUNS,
    );
  });

  it('the usage response: arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), wildValue), (body) => {
        const parsed = parseUsageBody(body);
        if (parsed.ok) parsed.windows.forEach(expectShowableWindow);
      }),
      RUNS,
    );
  });

  it('the status-line input: never throws, only showable windows', () => {
    const input = fc
      .record({
        rate_limits: fc.oneof(
          fc
            .record(
              { five_hour: fc.oneof(windowValue, wildValue), seven_day: windowValue },
              { requiredKeys: [] },
            )
            .map(objectText),
          wildValue,
        ),
      })
      .map(objectText);
    fc.assert(
      fc.property(fc.oneof(input, fc.string()), (text) => {
        const parsed = parseStatuslineInput(text);
        if (parsed.ok) parsed.windows.forEach(expectShowableWindow);
      }),
      RUNS,
    );
  });

  it('the admin report pages: never throw, amounts and counts believable', () => {
    const row = fc
      .record(
        {
          amount: wildValue,
          currency: wildValue,
          model: wildValue,
          output_tokens: wildNumberText,
          uncached_input_tokens: wildNumberText,
        },
        { requiredKeys: [] },
      )
      .map(objectText);
    const page = fc
      .record({
        data: fc.array(row, { maxLength: 3 }).map((rows) => `[{"results":[${rows.join(',')}]}]`),
        has_more: fc.constantFrom('false', 'null'),
      })
      .map(objectText);
    fc.assert(
      fc.property(fc.oneof(page, fc.string()), (body) => {
        const costs = parseCostPage(body);
        if (costs.ok) {
          for (const cost of costs.rows) {
            expect(Number.isFinite(cost.cents)).toBe(true);
            expect(Math.abs(cost.cents)).toBeLessThanOrEqual(MONEY_MAX * 100);
          }
        }
        const tokens = parseTokenPage(body);
        if (tokens.ok) {
          for (const count of tokens.rows.flatMap((token) => [
            token.inputTokens,
            token.outputTokens,
          ])) {
            expect(Number.isInteger(count) && count >= 0).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('the claude.ai side bodies: never throw, money never negative or infinite', () => {
    const overage = fc
      .record(
        {
          monthly_credit_limit: wildNumberText,
          used_credits: wildNumberText,
          is_enabled: wildValue,
          currency: wildValue,
          amount: wildNumberText,
        },
        { requiredKeys: [] },
      )
      .map(objectText);
    fc.assert(
      fc.property(fc.oneof(overage, fc.string(), wildValue), (body) => {
        const spend = parseOverage(body);
        if (spend !== null) {
          expect(spend.used).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(spend.used)).toBe(true);
          if (spend.limit !== null) expect(Number.isFinite(spend.limit)).toBe(true);
        }
        const credits = parsePrepaidCredits(body);
        if (credits !== null) {
          expect(credits.amount).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(credits.amount)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('state files under fuzzed values', () => {
  const record = (windowText: string, fetchedAt: string) =>
    `{"source":"oauth","snapshot":{"source":"oauth","fetchedAt":${fetchedAt},"windows":[${windowText}],"extraUsage":null},"error":null,"attemptedAt":null,"failures":0,"nextAttemptAt":null,"haltedOn":null}`;
  const storedWindow = fc
    .record({
      utilization: wildNumberText,
      resetsAt: fc.oneof(wildNumberText, fc.constant('null')),
    })
    .map(
      ({ utilization, resetsAt }) =>
        `{"id":"five_hour","label":"Session","utilization":${utilization},"resetsAt":${resetsAt}}`,
    );

  it('a cached record loads with only showable windows, or not at all', () => {
    fc.assert(
      fc.property(storedWindow, wildNumberText, (windowText, fetchedAt) => {
        let data: unknown;
        try {
          data = JSON.parse(record(windowText, fetchedAt));
        } catch {
          return;
        }
        const parsed = sourceRecordSchema.safeParse(data);
        if (parsed.success && parsed.data.snapshot !== null) {
          parsed.data.snapshot.windows.forEach(expectShowableWindow);
        }
      }),
      RUNS,
    );
  });

  it('a history loads keeping the showable readings and only those', () => {
    const point = fc
      .tuple(wildNumberText, wildNumberText, fc.oneof(wildNumberText, fc.constant('null')))
      .map((parts) => `[${parts.join(',')}]`);
    const good = [Date.UTC(2026, 10, 21), 42, Date.UTC(2026, 10, 22)] as const;
    fc.assert(
      fc.property(fc.array(point, { maxLength: 5 }), (points) => {
        const text = `{"version":1,"series":{"five_hour":[${[JSON.stringify(good), ...points].join(',')}]}}`;
        const parsed = historySchema.safeParse(JSON.parse(text));
        expect(parsed.success).toBe(true);
        const kept = (parsed.success && parsed.data.series.five_hour) || [];
        expect(kept[0]).toEqual(good);
        for (const [at, utilization, resetsAt] of kept) {
          expect(at).toBeGreaterThanOrEqual(EPOCH_MIN_MS);
          expect(Number.isFinite(utilization) && utilization >= 0).toBe(true);
          if (resetsAt !== null) expect(resetsAt).toBeLessThanOrEqual(EPOCH_MAX_MS);
        }
      }),
      RUNS,
    );
  });
});

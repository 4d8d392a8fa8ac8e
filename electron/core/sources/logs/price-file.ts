import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceRow,
  type PriceTable,
} from '../../../../shared/domain/logs/prices';

const rate = z.object({
  perMillion: z.number().nonnegative(),
  abovePerMillion: z.number().nonnegative().optional(),
});
const rowSchema = z.object({
  models: z.array(z.string().min(1)).min(1),
  price: z.object({
    input: rate,
    cacheWrite5m: rate,
    cacheWrite1h: rate,
    cacheRead: rate,
    output: rate,
    fastMultiplier: z.number().positive().default(1),
  }),
});
const fileSchema = z.object({ rows: z.array(rowSchema) });

/** The price table, and a problem sentence when the user's file could not be used. */
export interface LoadedPrices {
  readonly table: PriceTable;
  readonly problem: string | null;
}

/**
 * The built-in prices, extended or overridden by `<data dir>/prices.json` when present:
 * `{ "rows": [{ "models": ["claude-opus-5"], "price": { "input": { "perMillion": 5 }, … } }] }`.
 * Its rows come first, so a model listed there takes its price from there.
 */
export function loadPriceTable(path: string): LoadedPrices {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { table: createPriceTable(DEFAULT_PRICE_ROWS), problem: null };
    return {
      table: createPriceTable(DEFAULT_PRICE_ROWS),
      problem: `cannot read ${path}: built-in prices are used`,
    };
  }
  let rows: PriceRow[];
  try {
    rows = stripUndefined(fileSchema.parse(JSON.parse(text)).rows);
  } catch (error) {
    const reason =
      error instanceof z.ZodError ? (error.issues[0]?.message ?? 'invalid') : 'not JSON';
    return {
      table: createPriceTable(DEFAULT_PRICE_ROWS),
      problem: `${path} is not a valid price table (${reason}): built-in prices are used; fix or delete it`,
    };
  }
  return { table: createPriceTable([...rows, ...DEFAULT_PRICE_ROWS]), problem: null };
}

function stripUndefined(rows: z.infer<typeof fileSchema>['rows']): PriceRow[] {
  const clean = (value: z.infer<typeof rate>) =>
    value.abovePerMillion === undefined
      ? { perMillion: value.perMillion }
      : { perMillion: value.perMillion, abovePerMillion: value.abovePerMillion };
  return rows.map((row) => ({
    models: row.models,
    price: {
      input: clean(row.price.input),
      cacheWrite5m: clean(row.price.cacheWrite5m),
      cacheWrite1h: clean(row.price.cacheWrite1h),
      cacheRead: clean(row.price.cacheRead),
      output: clean(row.price.output),
      fastMultiplier: row.price.fastMultiplier,
    },
  }));
}

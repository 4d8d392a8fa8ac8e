import { readFileSync } from 'node:fs';
import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceRow,
  type PriceTable,
} from '../../../shared/domain/logs/prices';

/** The price table, and a problem sentence when the user's file could not be used. */
export interface LoadedPrices {
  readonly table: PriceTable;
  readonly problem: string | null;
}

/**
 * The built-in prices, extended or overridden by `<data dir>/prices.json` when present:
 * `{ "rows": [{ "models": ["claude-opus-5"], "price": { "input": { "perMillion": 5 }, … } }] }`.
 * Its rows come first, so a model listed there takes its price from there; `refreshed` rows (the
 * daily price refresh: models the built-in table lacks) come between.
 */
export async function loadPriceTable(
  path: string,
  refreshed: readonly PriceRow[] = [],
): Promise<LoadedPrices> {
  const builtIn = [...refreshed, ...DEFAULT_PRICE_ROWS];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { table: createPriceTable(builtIn), problem: null };
    return {
      table: createPriceTable(builtIn),
      problem: `cannot read ${path}: built-in prices are used`,
    };
  }
  // The schema (and zod) load only when there is a file: most runs have none.
  const { parsePriceFile } = await import('./price-schema');
  const rows = parsePriceFile(text);
  if (typeof rows === 'string') {
    return {
      table: createPriceTable(builtIn),
      problem: `${path} is not a valid price table (${rows}): built-in prices are used; fix or delete it`,
    };
  }
  return { table: createPriceTable([...rows, ...builtIn]), problem: null };
}

import { readFileSync } from 'node:fs';
import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceTable,
} from '../../../../shared/domain/logs/prices';

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
export async function loadPriceTable(path: string): Promise<LoadedPrices> {
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
  // The schema (and zod) load only when there is a file: most runs have none.
  const { parsePriceFile } = await import('./price-schema');
  const rows = parsePriceFile(text);
  if (typeof rows === 'string') {
    return {
      table: createPriceTable(DEFAULT_PRICE_ROWS),
      problem: `${path} is not a valid price table (${rows}): built-in prices are used; fix or delete it`,
    };
  }
  return { table: createPriceTable([...rows, ...DEFAULT_PRICE_ROWS]), problem: null };
}

import { join } from 'node:path';
import { dataDir, type PathEnv } from '../platform/paths';

/** Where a user-updated price table may live. */
export function pricesPath(env: PathEnv): string {
  return join(dataDir(env), 'prices.json');
}

/** Where the refreshed price list's usable rows are cached (docs/PROTOCOLS.md "Price refresh"). */
export function refreshedPricesPath(env: PathEnv): string {
  return join(dataDir(env), 'prices-refreshed.json');
}

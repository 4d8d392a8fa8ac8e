import { join } from 'node:path';
import type { SourceId } from '../../../shared/domain/snapshot';

/** Where each piece of state lives inside the data dir; every process uses the same layout. */
export interface DataLayout {
  readonly dir: string;
  readonly settings: string;
  readonly ledger: string;
  /** The app's log for bug reports (size-capped, rotated to `pacewatch.log.1`). */
  readonly log: string;
  cache(source: SourceId): string;
  history(source: SourceId): string;
  lock(name: string): string;
}

/** The layout of a data dir. */
export function dataLayout(dir: string): DataLayout {
  return {
    dir,
    settings: join(dir, 'settings.json'),
    ledger: join(dir, 'alerts.json'),
    log: join(dir, 'pacewatch.log'),
    cache: (source) => join(dir, 'cache', `${source}.json`),
    history: (source) => join(dir, 'history', `${source}.json`),
    lock: (name) => join(dir, 'locks', name),
  };
}

import type { DataLayout } from '../../stores/data-layout';
import { recordStore } from '../../stores/record-store';
import type { FetchOutcome, UsageSource } from '../usage-source';

/** What to do when Claude Code's status line has not reported anything yet. */
export const NO_STATUSLINE_READING_MESSAGE =
  "No reading from Claude Code's status line yet. Run `pacewatch statusline --install`, then use Claude Code: figures arrive with its first reply.";

/**
 * The `statusline` source: passive. `pacewatch statusline`, run by Claude Code on every prompt,
 * writes its readings into the shared cache; the engine only reads them. `fetch()` answers with
 * the cached reading, so a caller that fetches anyway changes nothing.
 */
export function createStatuslineSource(deps: { readonly layout: DataLayout }): UsageSource {
  const cache = recordStore(deps.layout, 'statusline');
  return {
    id: 'statusline',
    passive: true,
    async fetch(): Promise<FetchOutcome> {
      const snapshot = (await cache.load()).value.snapshot;
      if (snapshot !== null) return { ok: true, snapshot };
      return {
        ok: false,
        error: { kind: 'no-credentials', message: NO_STATUSLINE_READING_MESSAGE },
        retryAfterMs: null,
      };
    },
    credentialStamp: () => Promise.resolve(null),
  };
}

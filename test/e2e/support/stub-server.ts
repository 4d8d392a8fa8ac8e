import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { AppSession } from '../../../electron/app/app-session';
import type { InvokeHandlers } from '../../../electron/app/dispatch';
import { startDevServer } from '../../../electron/dev-browser/dev-server';
import type { PopoverModel } from '../../../shared/ipc/popover-model';
import { assertBuilt } from '../../support/cli';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'dist', 'renderer');
const TOKEN = 'e'.repeat(48);

/** A served popover: its URL, and what the page asked of main. */
export interface StubbedPopover {
  readonly url: string;
  /** Every content height the page reported (the fitPopover request), in order. */
  readonly heights: number[];
  /** Every refresh asked for. */
  readonly refreshes: () => number;
  /** Every "Restart to update" asked for. */
  readonly restarts: () => number;
}

/**
 * The built pages behind the dev server, with a session that answers a fixed popover model:
 * for sections the engine cannot produce on demand (the logs estimate, budgets), for every
 * state at the window's real size, and for benchmarks.
 */
export function useStubServer(): (
  model: PopoverModel,
  options?: { readonly afterRefresh?: PopoverModel },
) => Promise<StubbedPopover> {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return (model, options = {}) => serve(model, options, closers);
}

async function serve(
  model: PopoverModel,
  options: { readonly afterRefresh?: PopoverModel },
  closers: (() => Promise<void>)[],
): Promise<StubbedPopover> {
  assertBuilt();
  const heights: number[] = [];
  let refreshes = 0;
  let restarts = 0;
  const handlers = {
    getPopover: () => Promise.resolve(model),
    refresh: () => {
      refreshes++;
      return Promise.resolve(options.afterRefresh ?? model);
    },
    fitPopover: ({ height }: { height: number }) => {
      heights.push(height);
      return Promise.resolve(null);
    },
    openSettings: () => Promise.resolve(null),
    hidePopover: () => Promise.resolve(null),
    quit: () => Promise.resolve(null),
    restartToUpdate: () => {
      restarts++;
      return Promise.resolve(null);
    },
  } as unknown as InvokeHandlers;
  const session = {
    handlers,
    popover: () => model,
    settings: () => Promise.resolve({}),
    subscribe: () => () => undefined,
  } as unknown as AppSession;
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const server = await startDevServer({
    root: ROOT,
    session,
    token: TOKEN,
    logger: silent,
    port: 0,
  });
  closers.push(server.close);
  return {
    url: `${server.origin}/popover.html#token=${TOKEN}`,
    heights,
    refreshes: () => refreshes,
    restarts: () => restarts,
  };
}

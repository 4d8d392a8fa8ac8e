import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { AppSession } from '../../../electron/app/app-session';
import type { InvokeHandlers } from '../../../electron/app/dispatch';
import { startDevServer } from '../../../electron/dev-browser/dev-server';
import type { PopoverModel } from '../../../shared/ipc/popover-model';
import { assertBuilt } from '../../support/cli';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'dist', 'renderer');
const TOKEN = 'e'.repeat(48);

/**
 * The built pages behind the dev server, with a session that answers a fixed popover model:
 * for sections the engine cannot produce on demand (the logs estimate, budgets) and benchmarks.
 */
export function useStubServer(): (model: PopoverModel) => Promise<string> {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return async (model) => {
    assertBuilt();
    const handlers = {
      getPopover: () => Promise.resolve(model),
      refresh: () => Promise.resolve(model),
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
    return `${server.origin}/popover.html#token=${TOKEN}`;
  };
}

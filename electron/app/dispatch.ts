import {
  INVOKE_NAMES,
  type InvokeArgs,
  type InvokeName,
  type InvokeResult,
} from '../../shared/ipc/contract';
import { invokeArgSchemas } from './payload-schemas';

/** One handler per request; a missing one does not compile. */
export type InvokeHandlers = {
  readonly [N in InvokeName]: (...args: InvokeArgs<N>) => Promise<InvokeResult<N>>;
};

/** A request that was run, or why it was refused (never echoing what was sent). */
export type Dispatched =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly reason: string };

/** Whether `name` is a request of the contract. */
function isInvokeName(name: string): name is InvokeName {
  return (INVOKE_NAMES as readonly string[]).includes(name);
}

/**
 * Checks a request's payload against its schema, then runs its handler. Used by main's ipcMain
 * adapter (after the sender check) and by the dev:browser server (after the token check).
 */
export async function dispatchInvoke(
  handlers: InvokeHandlers,
  name: string,
  args: readonly unknown[],
): Promise<Dispatched> {
  if (!isInvokeName(name)) return { ok: false, reason: 'unknown request' };
  const parsed = invokeArgSchemas[name].safeParse(args);
  if (!parsed.success) {
    // Issue paths and codes only: a message could quote the value, which may be a secret.
    const where = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'} (${issue.code})`,
    );
    return { ok: false, reason: `malformed ${name} request: ${where.join(', ')}` };
  }
  const handler = handlers[name] as (...args: readonly unknown[]) => Promise<unknown>;
  return { ok: true, result: await handler(...(parsed.data as readonly unknown[])) };
}

// dev:browser only: the preload's `window.pacewatch`, over the dev server's loopback channel.
// The token comes in the URL fragment (never sent to the server in a request line) and is
// sent back in a header on every call.
import {
  INVOKE_NAMES,
  type EventContract,
  type EventName,
  type PacewatchApi,
  type InvokeName,
} from '../shared/ipc/contract';

const TOKEN_KEY = 'pacewatch-dev-token';
const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromHash !== null) sessionStorage.setItem(TOKEN_KEY, fromHash);
const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? '';

async function call(name: InvokeName, args: readonly unknown[]): Promise<unknown> {
  const response = await fetch(`/ipc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pacewatch-token': token },
    body: JSON.stringify(args),
  });
  const answer = (await response.json()) as { ok: boolean; result?: unknown; reason?: string };
  if (!answer.ok) throw new Error(answer.reason ?? `HTTP ${response.status}`);
  return answer.result;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();
let streaming = false;

/** One event stream for the page, read with fetch so the token can go in a header. */
async function stream(): Promise<void> {
  const response = await fetch('/events', { headers: { 'x-pacewatch-token': token } });
  const reader = response.body?.getReader();
  if (reader === undefined) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      deliver(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

function deliver(frame: string): void {
  const event = /^event: (\w+)$/m.exec(frame)?.[1] as EventName | undefined;
  const data = /^data: (.*)$/m.exec(frame)?.[1];
  if (event === undefined || data === undefined) return;
  const payload: unknown = JSON.parse(data);
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

const api = Object.fromEntries(
  INVOKE_NAMES.map((name) => [name, (...args: unknown[]) => call(name, args)]),
) as unknown as Omit<PacewatchApi, 'on'>;

const bridge: PacewatchApi = {
  ...api,
  // A browser tab has no second window: settings open in this tab, and back returns.
  openSettings: async () => {
    await call('openSettings', []);
    location.assign(`settings.html#token=${encodeURIComponent(token)}`);
    return null;
  },
  // The server has no clipboard to write to; the page's own does the job.
  copyText: async ({ text }) => {
    try {
      await navigator.clipboard.writeText(text);
      return { ok: true, value: null };
    } catch (error) {
      return { ok: false, message: `Could not copy: ${(error as Error).message}` };
    }
  },
  on<E extends EventName>(event: E, listener: (payload: EventContract[E]) => void) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped = listener as Listener;
    set.add(wrapped);
    if (!streaming) {
      streaming = true;
      void stream().finally(() => (streaming = false));
    }
    return () => {
      set.delete(wrapped);
    };
  },
};

Object.defineProperty(window, 'pacewatch', { value: Object.freeze(bridge) });

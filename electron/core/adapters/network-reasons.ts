/** Short reasons by Node error code; an adapter never passes an error's own text on. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
  ECONNRESET: 'connection closed before the answer was complete',
  EPIPE: 'connection closed before the answer was complete',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'network unreachable',
};

/** What a cut-off answer is called, whichever network stack noticed it. */
export const CLOSED_EARLY = 'connection closed before the answer was complete';

/** Chromium's net errors (Electron's net.fetch: "net::ERR_…") by the same short reasons. */
const CHROMIUM_REASONS: Readonly<Record<string, string>> = {
  ERR_CONNECTION_REFUSED: 'connection refused',
  ERR_NAME_NOT_RESOLVED: 'host name not found',
  ERR_NAME_RESOLUTION_FAILED: 'host name not found',
  ERR_CONNECTION_RESET: CLOSED_EARLY,
  ERR_CONNECTION_CLOSED: CLOSED_EARLY,
  ERR_EMPTY_RESPONSE: CLOSED_EARLY,
  ERR_CONNECTION_TIMED_OUT: 'connection timed out',
  ERR_TIMED_OUT: 'connection timed out',
  ERR_INTERNET_DISCONNECTED: 'network unreachable',
  ERR_ADDRESS_UNREACHABLE: 'network unreachable',
  ERR_NETWORK_CHANGED: 'the network changed during the request',
  ERR_PROXY_CONNECTION_FAILED: 'the proxy could not be reached',
  ERR_TUNNEL_CONNECTION_FAILED: 'the proxy refused the connection',
};

/** A short, header-free reason for a failed exchange, from a Node error code or a Chromium one. */
export function networkReason(error: unknown): string {
  const code = codeOf(error);
  if (code === null) return 'network error';
  const known = REASONS[code] ?? CHROMIUM_REASONS[code];
  if (known) return known;
  if (/CERT|TLS|SSL|VERIFY|SIGNATURE/.test(code)) return `TLS certificate problem (${code})`;
  return `network error (${code})`;
}

/** The error's code: Node's `code` (also on fetch's `cause`), or Chromium's `net::ERR_…` name. */
function codeOf(error: unknown): string | null {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause !== undefined && cause !== error) {
    const inner = codeOf(cause);
    if (inner !== null) return inner;
  }
  const message = (error as { message?: unknown } | null)?.message;
  const chromium = typeof message === 'string' ? /net::(ERR_[A-Z_]+)/.exec(message) : null;
  return chromium?.[1] ?? null;
}

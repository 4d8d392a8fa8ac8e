import type { Http, HttpFailure, HttpRequest, HttpResponse } from '../ports';

/** Usage bodies are a few KB; anything past this is not an answer Headroom can use. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

interface Options {
  /** Origins (`https://api.anthropic.com`) requests may go to; anything else is refused unsent. */
  readonly allowedOrigins: readonly string[];
  readonly maxBodyBytes?: number;
}

type Result = { ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure };

class BodyTooLargeError extends Error {}

/** Short reasons by Node / undici error code; the adapter never passes an error's own text on. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
  ECONNRESET: 'connection closed before the answer was complete',
  EPIPE: 'connection closed before the answer was complete',
  UND_ERR_SOCKET: 'connection closed before the answer was complete',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'network unreachable',
};

function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return null;
}

/** A short, header-free reason for a failed exchange. */
function describe(error: unknown): string {
  if (error instanceof BodyTooLargeError) return 'the answer was too large';
  const code = errorCode(error);
  if (code === null) {
    // e.g. an invalid header value: undici's message would quote the header, so say less.
    return error instanceof TypeError && !error.cause
      ? 'the request could not be built'
      : 'network error';
  }
  const known = REASONS[code];
  if (known) return known;
  if (/CERT|TLS|SSL/.test(code)) return `TLS certificate problem (${code})`;
  return `network error (${code})`;
}

async function readBody(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so an oversized body is not read to its end.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function timeoutFailure(timeoutMs: number): Result {
  return { ok: false, failure: { kind: 'timeout', message: `no answer within ${timeoutMs} ms` } };
}

async function exchange(url: URL, req: HttpRequest, maxBytes: number): Promise<Result> {
  // One deadline for the whole exchange, body included: a trickling server ends as a timeout.
  const deadline = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
  try {
    const response = await fetch(url, {
      method: req.method ?? 'GET',
      headers: req.headers,
      redirect: 'manual',
      signal,
    });
    const body = await readBody(response, maxBytes);
    const headers = response.headers;
    return { ok: true, response: { status: response.status, header: (n) => headers.get(n), body } };
  } catch (error) {
    if (deadline.aborted) return timeoutFailure(req.timeoutMs);
    if (req.signal?.aborted) {
      return { ok: false, failure: { kind: 'network', message: 'the request was cancelled' } };
    }
    return { ok: false, failure: { kind: 'network', message: describe(error) } };
  }
}

/** Http over Node's fetch: allow-listed origins only, redirects returned unfollowed, bounded in time. */
export function createFetchHttp(options: Options): Http {
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    async request(req) {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return { ok: false, failure: { kind: 'blocked', message: 'not a valid URL' } };
      }
      if (!allowed.has(url.origin)) {
        const message = `${url.origin} is not an allowed endpoint`;
        return { ok: false, failure: { kind: 'blocked', message } };
      }
      return exchange(url, req, maxBytes);
    },
  };
}

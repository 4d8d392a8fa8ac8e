import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Http, HttpFailure, HttpRequest, HttpResponse } from '../ports';

/** Usage bodies are a few KB; anything past this is not an answer Pacewatch can use. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

interface Options {
  /** Origins (`https://api.anthropic.com`) requests may go to; anything else is refused unsent. */
  readonly allowedOrigins: readonly string[];
  readonly maxBodyBytes?: number;
}

type Result = { ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure };

/** Short reasons by Node error code; the adapter never passes an error's own text on. */
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

/** A short, header-free reason for a failed exchange. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'network error';
  const known = REASONS[code];
  if (known) return known;
  if (/CERT|TLS|SSL|VERIFY|SIGNATURE/.test(code)) return `TLS certificate problem (${code})`;
  return `network error (${code})`;
}

/** A response header by name, any case; repeated headers joined as fetch joins them. */
function headerOf(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * One exchange over Node's http / https (not fetch: undici compiles its WebAssembly parser on
 * first use, which costs a long-lived engine ~10 MB of resident memory for good). One deadline
 * covers the whole exchange, body included, so a trickling server ends as a timeout; redirects
 * come back unfollowed; a body past `maxBytes` is cut off unread.
 */
function exchange(url: URL, req: HttpRequest, maxBytes: number): Promise<Result> {
  return new Promise((resolve) => {
    let client: ClientRequest | null = null;
    let settled = false;
    const finish = (result: Result): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', cancel);
      // A failed exchange's socket is closed now: a hung server gets nothing more.
      if (!result.ok) client?.destroy();
      resolve(result);
    };
    const fail = (message: string): void => {
      finish({ ok: false, failure: { kind: 'network', message } });
    };
    const cancel = (): void => {
      fail('the request was cancelled');
    };
    const timer = setTimeout(() => {
      finish({
        ok: false,
        failure: { kind: 'timeout', message: `no answer within ${req.timeoutMs} ms` },
      });
    }, req.timeoutMs);
    if (req.signal?.aborted === true) {
      cancel();
      return;
    }
    req.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      client = send(url, { method: req.method ?? 'GET', headers: req.headers });
    } catch {
      // e.g. a header value with a line break: Node's message would quote the header, so say less.
      fail('the request could not be built');
      return;
    }
    client.on('error', (error) => {
      fail(describe(error));
    });
    client.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) fail('the answer was too large');
        else chunks.push(chunk);
      });
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        finish({
          ok: true,
          response: { status, header: (name) => headerOf(response, name), body },
        });
      });
      response.on('error', (error) => {
        fail(describe(error));
      });
      response.on('close', () => {
        if (!response.complete) fail(REASONS.ECONNRESET ?? 'network error');
      });
    });
    client.end();
  });
}

/** Http over Node's http / https: allow-listed origins only, redirects returned unfollowed, bounded in time. */
export function createNodeHttp(options: Options): Http {
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

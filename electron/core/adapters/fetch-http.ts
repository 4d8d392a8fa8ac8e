import type { Http, HttpRequest, HttpResponse } from '../ports';
import { allowedUrl, DEFAULT_MAX_BODY_BYTES, originSet, tooLargeFailure } from './allowed-url';
import { networkReason } from './network-reasons';

/** The fetch the adapter is given: Electron's `net.fetch` in the app, any WHATWG fetch in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

type Result =
  | { ok: true; response: HttpResponse }
  | { ok: false; failure: { kind: 'timeout' | 'network' | 'too-large'; message: string } };

/** Reads a body up to `maxBytes`; null when it is larger (the rest is cancelled unread). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (response.body === null) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One exchange under one deadline (headers and body), redirects returned unfollowed. */
async function exchange(
  fetch: FetchLike,
  url: URL,
  req: HttpRequest,
  maxBytes: number,
): Promise<Result> {
  // Aborted only by the timer: its signal tells a timeout from the caller's own cancel.
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort();
  }, req.timeoutMs);
  const signal =
    req.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, req.signal]);
  try {
    const response = await fetch(url.href, {
      method: req.method ?? 'GET',
      headers: req.headers,
      redirect: 'manual',
      signal,
    });
    const body = await readCapped(response, maxBytes);
    if (body === null) return { ok: false, failure: tooLargeFailure(maxBytes) };
    return {
      ok: true,
      response: { status: response.status, header: (name) => response.headers.get(name), body },
    };
  } catch (error) {
    if (deadline.signal.aborted)
      return {
        ok: false,
        failure: { kind: 'timeout', message: `no answer within ${req.timeoutMs} ms` },
      };
    if (req.signal?.aborted === true)
      return { ok: false, failure: { kind: 'network', message: 'the request was cancelled' } };
    // A TypeError with no cause was thrown before sending (e.g. a header value with a line
    // break): its message would quote the header, so say less.
    const unsent = error instanceof TypeError && error.cause === undefined;
    const message = unsent ? 'the request could not be built' : networkReason(error);
    return { ok: false, failure: { kind: 'network', message } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Http over a fetch function: the app passes Electron's `net.fetch`, which uses Chromium's network
 * stack and so the system's proxy settings (PAC files included) like a browser. Same contract as
 * the command's node:http adapter: allow-listed origins only, redirects returned unfollowed, one
 * deadline for the whole exchange, bodies past `maxBodyBytes` refused.
 */
export function createFetchHttp(options: {
  readonly allowedOrigins: readonly string[];
  readonly fetch: FetchLike;
  readonly maxBodyBytes?: number;
}): Http {
  const allowed = originSet(options.allowedOrigins);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    async request(req) {
      const target = allowedUrl(req.url, allowed);
      if (!target.ok) return target;
      if (req.signal?.aborted === true)
        return { ok: false, failure: { kind: 'network', message: 'the request was cancelled' } };
      return exchange(options.fetch, target.url, req, maxBytes);
    },
  };
}

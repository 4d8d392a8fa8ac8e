import {
  request as httpRequest,
  type Agent,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import type { Http, HttpFailure, HttpRequest, HttpResponse } from '../ports';
import { allowedUrl, DEFAULT_MAX_BODY_BYTES, originSet, tooLargeFailure } from './allowed-url';
import { CLOSED_EARLY, networkReason } from './network-reasons';

interface Options {
  /** Origins (`https://api.anthropic.com`) requests may go to; anything else is refused unsent. */
  readonly allowedOrigins: readonly string[];
  readonly maxBodyBytes?: number;
  /**
   * The proxy for a URL ("" for none). By default HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and
   * NO_PROXY from the environment, read per request as curl and npm do (proxy-from-env).
   */
  readonly proxyFor?: (url: string) => string;
}

type Result = { ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure };

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
function exchange(
  url: URL,
  req: HttpRequest,
  maxBytes: number,
  agent: Agent | undefined,
): Promise<Result> {
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
      // The proxy's address may carry a password: it is named by its variable, never quoted.
      const via = agent === undefined ? '' : ' (through the proxy set in HTTPS_PROXY / HTTP_PROXY)';
      finish({ ok: false, failure: { kind: 'network', message: `${message}${via}` } });
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
      client = send(url, { method: req.method ?? 'GET', headers: req.headers, agent });
    } catch {
      // e.g. a header value with a line break: Node's message would quote the header, so say less.
      fail('the request could not be built');
      return;
    }
    client.on('error', (error) => {
      fail(networkReason(error));
    });
    client.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) finish({ ok: false, failure: tooLargeFailure(maxBytes) });
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
        fail(networkReason(error));
      });
      response.on('close', () => {
        if (!response.complete) fail(CLOSED_EARLY);
      });
    });
    client.end();
  });
}

/**
 * Http over Node's http / https: allow-listed origins only, redirects returned unfollowed, bounded
 * in time; through the environment's proxy (a CONNECT tunnel, https-proxy-agent) unless NO_PROXY
 * names the host. The app uses Electron's network stack instead (electron/main/electron-http.ts).
 */
export function createNodeHttp(options: Options): Http {
  const allowed = originSet(options.allowedOrigins);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const proxyFor = options.proxyFor ?? getProxyForUrl;
  const agents = new Map<string, Agent>();
  const agentFor = (url: URL): Agent | undefined => {
    const proxy = proxyFor(url.href);
    if (proxy === '') return undefined;
    let agent = agents.get(proxy);
    if (agent === undefined) {
      agent = new HttpsProxyAgent(proxy);
      agents.set(proxy, agent);
    }
    return agent;
  };
  return {
    async request(req) {
      const target = allowedUrl(req.url, allowed);
      if (!target.ok) return target;
      const { url } = target;
      let agent: Agent | undefined;
      try {
        agent = agentFor(url);
      } catch {
        return {
          ok: false,
          failure: {
            kind: 'network',
            message: 'the proxy address in HTTPS_PROXY / HTTP_PROXY is not a valid URL',
          },
        };
      }
      return exchange(url, req, maxBytes, agent);
    },
  };
}

import type { Clock, Http, HttpResponse } from '../ports';
import { classifyFailure, classifyResponse, type SourceMessages } from './http-errors';
import { fetchFailure, type FetchFailure } from './usage-source';

/** What every HTTP source is built from. */
export interface HttpSourceDeps {
  readonly http: Http;
  /** The service's base URL, no trailing slash (platform/endpoints.ts). */
  readonly baseUrl: string;
  readonly clock: Clock;
  /** Per request. */
  readonly timeoutMs: number;
}

/** An HTTP answer (any status), or the failure of an exchange that got none. */
export type SourceAnswer = { readonly ok: true; readonly response: HttpResponse } | FetchFailure;

/** What every HTTP source does the same way: one GET, and failures worded in its messages. */
export interface SourceRequests {
  /** GETs `url` within the source's time limit; no answer becomes the source's failure. */
  readonly get: (
    url: string,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal | undefined,
  ) => Promise<SourceAnswer>;
  /** A non-2xx answer as the source's failure (with the server's Retry-After). */
  readonly refused: (response: HttpResponse) => FetchFailure;
}

/** Whether an answer is a 2xx. */
export const isSuccess = (response: HttpResponse): boolean =>
  response.status >= 200 && response.status < 300;

/** The GET and refusal of one source, over its Http port, clock, time limit and sentences. */
export function sourceRequests(
  deps: Omit<HttpSourceDeps, 'baseUrl'>,
  messages: SourceMessages,
): SourceRequests {
  return {
    get: async (url, headers, signal) => {
      const result = await deps.http.request({
        url,
        method: 'GET',
        headers,
        timeoutMs: deps.timeoutMs,
        ...(signal ? { signal } : {}),
      });
      if (result.ok) return result;
      const { error, retryAfterMs } = classifyFailure(result.failure, messages);
      return fetchFailure(error.kind, error.message, retryAfterMs);
    },
    refused: (response) => {
      const { error, retryAfterMs } = classifyResponse(response, deps.clock.now(), messages);
      return fetchFailure(error.kind, error.message, retryAfterMs);
    },
  };
}

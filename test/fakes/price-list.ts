import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake price list answers next. */
export type PriceListReply =
  | { readonly kind: 'json'; readonly body: unknown }
  | { readonly kind: 'raw'; readonly status: number; readonly body: string }
  /** Accepts the request and never answers (a timeout). */
  | { readonly kind: 'hang' };

/** A loopback stand-in for LiteLLM's price list (127.0.0.1 only). */
export interface FakePriceList {
  /** `http://127.0.0.1:<port>/model_prices.json` */
  readonly url: string;
  /** Requests received so far. */
  readonly requests: number;
  reply(next: PriceListReply): void;
  close(): Promise<void>;
}

/** One Claude entry as LiteLLM lists it ($ per token). */
export function litellmEntry(
  inputPerMillion: number,
  outputPerMillion: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    litellm_provider: 'anthropic',
    mode: 'chat',
    max_input_tokens: 1_000_000,
    input_cost_per_token: inputPerMillion / 1e6,
    output_cost_per_token: outputPerMillion / 1e6,
    ...extra,
  };
}

export async function startFakePriceList(): Promise<FakePriceList> {
  let next: PriceListReply = { kind: 'json', body: {} };
  let requests = 0;
  const hanging = new Set<ServerResponse>();
  const server = createServer((_req, res) => {
    requests += 1;
    if (next.kind === 'hang') {
      hanging.add(res);
      return;
    }
    const [status, body] =
      next.kind === 'json' ? [200, JSON.stringify(next.body)] : [next.status, next.body];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/model_prices.json`,
    get requests() {
      return requests;
    },
    reply(reply) {
      next = reply;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

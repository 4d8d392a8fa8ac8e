import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeHttp } from '../../../../electron/core/adapters/node-http';
import { startFakeAnthropic, type FakeAnthropic } from '../../../fakes/anthropic-api';
import { startConnectProxy, type ConnectProxy } from '../../../support/connect-proxy';

// Behind a corporate proxy the command reaches the API through HTTPS_PROXY / HTTP_PROXY, and
// skips it for the hosts NO_PROXY names, as curl and npm do. The proxy here is a real CONNECT
// proxy on loopback; the API is the loopback fake (plain HTTP, so HTTP_PROXY is the variable).

let fake: FakeAnthropic;
let proxy: ConnectProxy;
beforeEach(async () => {
  fake = await startFakeAnthropic();
  fake.route('/ping', { body: { pong: true } });
  proxy = await startConnectProxy();
  for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'])
    for (const spelled of [name, name.toLowerCase()]) vi.stubEnv(spelled, '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([fake.close(), proxy.close()]);
});

const ping = () => ({ url: `${fake.url}/ping`, headers: {}, timeoutMs: 5_000 });
const host = () => new URL(fake.url).host;

describe('the command’s HTTP behind a proxy', () => {
  it('tunnels each request through the proxy the environment names', async () => {
    vi.stubEnv('HTTP_PROXY', proxy.url);
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(ping());
    expect(result.ok && [result.response.status, result.response.body]).toEqual([
      200,
      '{"pong":true}',
    ]);
    expect(proxy.tunnels).toEqual([host()]);
    expect(fake.requests.map((req) => req.path)).toEqual(['/ping']);
  });

  it('goes direct to a host NO_PROXY names', async () => {
    vi.stubEnv('HTTP_PROXY', proxy.url);
    vi.stubEnv('NO_PROXY', 'localhost,127.0.0.1');
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(ping());
    expect(result.ok && result.response.status).toBe(200);
    expect(proxy.tunnels).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('goes direct when no proxy is set', async () => {
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(ping());
    expect(result.ok && result.response.status).toBe(200);
    expect(proxy.tunnels).toEqual([]);
  });

  it('says the proxy is the problem, without quoting its address, when it cannot be reached', async () => {
    const address = proxy.url.replace('http://', 'http://user:s3cret@');
    await proxy.close();
    vi.stubEnv('HTTP_PROXY', address);
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(ping());
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'network',
        message: 'connection refused (through the proxy set in HTTPS_PROXY / HTTP_PROXY)',
      },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('still refuses an origin off the allow-list, proxy or not', async () => {
    vi.stubEnv('HTTP_PROXY', proxy.url);
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request({ ...ping(), url: 'http://example.invalid/ping' });
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'blocked', message: 'http://example.invalid is not an allowed endpoint' },
    });
    expect(proxy.tunnels).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchHttp } from '../../../../electron/core/adapters/fetch-http';
import { startFakeAnthropic, type FakeAnthropic } from '../../../fakes/anthropic-api';

// The app's Http: the same contract as the command's node:http adapter, over a fetch function
// (Electron's net.fetch in the app, so the system proxy settings apply; Node's fetch here).

let fake: FakeAnthropic;
beforeEach(async () => {
  fake = await startFakeAnthropic();
});
afterEach(async () => {
  await fake.close();
});

const get = (url: string, timeoutMs = 2_000, headers: Record<string, string> = {}) => ({
  url,
  headers,
  timeoutMs,
});
const httpFor = (url: string, maxBodyBytes = 1024 * 1024) =>
  createFetchHttp({ allowedOrigins: [url], fetch: (u, init) => fetch(u, init), maxBodyBytes });

describe('createFetchHttp', () => {
  it('returns status, headers (any case) and the whole body, sending the headers it was given', async () => {
    fake.route('/hello', { status: 201, headers: { 'X-Thing': 'yes' }, body: 'hi there' });
    const result = await httpFor(fake.url).request(
      get(`${fake.url}/hello`, 2_000, { 'X-Asked': 'please' }),
    );
    if (!result.ok) throw new Error(result.failure.message);
    expect([result.response.status, result.response.body]).toEqual([201, 'hi there']);
    expect(result.response.header('X-THING')).toBe('yes');
    expect(result.response.header('missing')).toBeNull();
    expect(fake.requests[0]?.headers['x-asked']).toBe('please');
  });

  it('refuses an origin that is not allow-listed without sending anything', async () => {
    const http = createFetchHttp({ allowedOrigins: ['https://api.anthropic.com'], fetch });
    expect(await http.request(get(`${fake.url}/api/oauth/usage`))).toEqual({
      ok: false,
      failure: { kind: 'blocked', message: `${fake.url} is not an allowed endpoint` },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('returns a redirect as it is and never follows it', async () => {
    fake.route('/moved', { status: 302, headers: { Location: `${fake.url}/target` }, body: '' });
    fake.route('/target', { body: 'followed' });
    const result = await httpFor(fake.url).request(get(`${fake.url}/moved`));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.status).toBe(302);
    expect(fake.requests.map((r) => r.path)).toEqual(['/moved']);
  });

  it('ends a server that trickles its body as a timeout: one deadline covers the body', async () => {
    fake.route('/trickle', { body: 'x'.repeat(200), trickleMs: 20 });
    expect(await httpFor(fake.url).request(get(`${fake.url}/trickle`, 300))).toEqual({
      ok: false,
      failure: { kind: 'timeout', message: 'no answer within 300 ms' },
    });
  });

  it('ends as cancelled when the caller aborts', async () => {
    fake.route('/hang', { hang: true });
    const controller = new AbortController();
    const pending = httpFor(fake.url).request({
      ...get(`${fake.url}/hang`, 5_000),
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort();
    }, 50);
    expect(await pending).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the request was cancelled' },
    });
  });

  it('refuses a body larger than the limit', async () => {
    fake.route('/big', { body: 'y'.repeat(5_000) });
    expect(await httpFor(fake.url, 1_000).request(get(`${fake.url}/big`))).toEqual({
      ok: false,
      failure: { kind: 'too-large', message: 'over 1000 bytes' },
    });
  });

  it('says a connection was refused', async () => {
    const closed = await startFakeAnthropic();
    await closed.close();
    expect(await httpFor(closed.url).request(get(`${closed.url}/x`))).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'connection refused' },
    });
  });

  it('reads Chromium’s net errors (Electron’s net.fetch) as the same short reasons', async () => {
    const chromium = (code: string) =>
      createFetchHttp({
        allowedOrigins: [fake.url],
        fetch: () => Promise.reject(new Error(`net::${code}`)),
      }).request(get(`${fake.url}/x`));
    expect(await chromium('ERR_CONNECTION_REFUSED')).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'connection refused' },
    });
    expect(await chromium('ERR_PROXY_CONNECTION_FAILED')).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the proxy could not be reached' },
    });
    expect(await chromium('ERR_CERT_AUTHORITY_INVALID')).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'TLS certificate problem (ERR_CERT_AUTHORITY_INVALID)' },
    });
  });

  it('never repeats a header value in a failure, even a malformed one', async () => {
    const result = await httpFor(fake.url).request(
      get(`${fake.url}/x`, 2_000, { Authorization: 'Bearer sk-ant-oat01-test-token-abc\nX: y' }),
    );
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the request could not be built' },
    });
    expect(fake.requests).toHaveLength(0);
  });
});

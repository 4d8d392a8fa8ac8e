import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../electron/core/adapters/node-http';
import { startFakeAnthropic, type FakeAnthropic } from '../../../fakes/anthropic-api';

let fake: FakeAnthropic;
beforeEach(async () => {
  fake = await startFakeAnthropic();
});
afterEach(async () => {
  await fake.close();
});

/** A loopback server that writes `raw` bytes to each connection, then closes it. */
async function rawServer(raw: string): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.end(raw);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          done();
        });
      }),
  };
}

const get = (url: string, timeoutMs = 2_000, headers: Record<string, string> = {}) => ({
  url,
  headers,
  timeoutMs,
});

describe('createNodeHttp', () => {
  it('returns status, headers (any case) and the whole body', async () => {
    fake.route('/hello', { status: 201, headers: { 'X-Thing': 'yes' }, body: 'hi there' });
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(get(`${fake.url}/hello`, 2_000, { 'X-Asked': 'please' }));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.status).toBe(201);
    expect(result.response.header('x-thing')).toBe('yes');
    expect(result.response.header('X-THING')).toBe('yes');
    expect(result.response.header('missing')).toBeNull();
    expect(result.response.body).toBe('hi there');
    expect(fake.requests[0]?.headers['x-asked']).toBe('please');
  });

  it('refuses an origin that is not allow-listed without sending anything', async () => {
    const http = createNodeHttp({ allowedOrigins: ['https://api.anthropic.com'] });
    expect(await http.request(get(`${fake.url}/api/oauth/usage`))).toEqual({
      ok: false,
      failure: { kind: 'blocked', message: `${fake.url} is not an allowed endpoint` },
    });
    expect(await http.request(get('not a url'))).toEqual({
      ok: false,
      failure: { kind: 'blocked', message: 'not a valid URL' },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('matches origins exactly: another port on the same host is refused', async () => {
    const http = createNodeHttp({ allowedOrigins: [`${fake.url}/`] });
    const other = new URL(fake.url);
    other.port = String(Number(other.port) === 65535 ? 65534 : Number(other.port) + 1);
    const result = await http.request(get(`${other.origin}/x`));
    expect(result.ok || result.failure.kind).toBe('blocked');
  });

  it('returns a redirect as it is and never follows it', async () => {
    fake.route('/moved', { status: 302, headers: { Location: `${fake.url}/target` }, body: '' });
    fake.route('/target', { body: 'followed' });
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(get(`${fake.url}/moved`));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.status).toBe(302);
    expect(result.response.header('location')).toBe(`${fake.url}/target`);
    expect(fake.requests.map((r) => r.path)).toEqual(['/moved']);
  });

  it('ends a server that never answers as a timeout, on time', async () => {
    fake.route('/hang', { hang: true });
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const started = performance.now();
    const result = await http.request(get(`${fake.url}/hang`, 250));
    const elapsed = performance.now() - started;
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'timeout', message: 'no answer within 250 ms' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('ends a server that trickles its body as a timeout: the limit covers the body too', async () => {
    fake.route('/trickle', { body: 'x'.repeat(200), trickleMs: 20 });
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const started = performance.now();
    const result = await http.request(get(`${fake.url}/trickle`, 300));
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'timeout', message: 'no answer within 300 ms' },
    });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('ends as cancelled when the caller aborts', async () => {
    fake.route('/hang', { hang: true });
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const result = await http.request({
      ...get(`${fake.url}/hang`, 5_000),
      signal: controller.signal,
    });
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the request was cancelled' },
    });
  });

  it('refuses a body larger than the limit', async () => {
    fake.route('/big', { body: 'y'.repeat(5_000) });
    const http = createNodeHttp({ allowedOrigins: [fake.url], maxBodyBytes: 1_000 });
    expect(await http.request(get(`${fake.url}/big`))).toEqual({
      ok: false,
      failure: { kind: 'too-large', message: 'over 1000 bytes' },
    });
  });

  it('says a connection was refused', async () => {
    const closed = await startFakeAnthropic();
    await closed.close();
    const http = createNodeHttp({ allowedOrigins: [closed.url] });
    expect(await http.request(get(`${closed.url}/x`))).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'connection refused' },
    });
  });

  it('never repeats a header value in a failure, even a malformed one', async () => {
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request(
      get(`${fake.url}/x`, 2_000, { Authorization: 'Bearer sk-ant-oat01-test-token-abc\nX: y' }),
    );
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the request could not be built' },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('joins a repeated header with commas, as fetch does', async () => {
    const server = await rawServer(
      'HTTP/1.1 200 OK\r\nVary: accept\r\nVary: cookie\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok',
    );
    const http = createNodeHttp({ allowedOrigins: [server.url] });
    const result = await http.request(get(`${server.url}/x`));
    await server.close();
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.header('vary')).toBe('accept, cookie');
    expect(result.response.body).toBe('ok');
  });

  it('says the connection closed when the body stops short of its length', async () => {
    const server = await rawServer(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"five_hour":',
    );
    const http = createNodeHttp({ allowedOrigins: [server.url] });
    const result = await http.request(get(`${server.url}/x`));
    await server.close();
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'connection closed before the answer was complete' },
    });
  });
});

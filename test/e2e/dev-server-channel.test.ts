import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent, AppSession } from '../../electron/app/app-session';
import type { InvokeHandlers } from '../../electron/app/dispatch';
import { startDevServer, type DevServer } from '../../electron/dev-browser/dev-server';
import type { Logger } from '../../electron/core/ports';
import { INVOKE_NAMES } from '../../shared/ipc/contract';
import { assertBuilt } from '../support/cli';

const ROOT = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
const TOKEN = 'a'.repeat(48);
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const servers: DevServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A session whose handlers answer with their own name, and whose events the test pushes. */
function stubSession() {
  const listeners = new Set<(event: AppEvent) => void>();
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    INVOKE_NAMES.map((name) => [
      name,
      () => (calls.push(name), Promise.resolve({ answered: name })),
    ]),
  ) as unknown as InvokeHandlers;
  const session = {
    handlers,
    popover: () => ({ phase: 'loading' }),
    settings: () => Promise.resolve({ dataDir: '/before' }),
    subscribe: (listener: (event: AppEvent) => void) => (
      listeners.add(listener),
      () => listeners.delete(listener)
    ),
  } as unknown as AppSession;
  return {
    session,
    calls,
    push: (event: AppEvent) => {
      for (const listener of listeners) listener(event);
    },
  };
}

async function serve() {
  assertBuilt();
  const stub = stubSession();
  const server = await startDevServer({
    root: ROOT,
    session: stub.session,
    token: TOKEN,
    logger: silent,
    port: 0,
  });
  servers.push(server);
  return { ...stub, server };
}

/** A raw HTTP exchange, so Host and Origin can be anything a hostile page could send. */
function exchange(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(path, origin);
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const ipc = (args: unknown[], headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-pacewatch-token': TOKEN, ...headers },
  body: JSON.stringify(args),
});

describe('the dev:browser channel', () => {
  it('listens on 127.0.0.1 only and serves the pages with the CSP and the dev bridge', async () => {
    const { server } = await serve();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await exchange(server.origin, '/popover.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<script src="dev-bridge.js"></script>');
    expect((await exchange(server.origin, '/../package.json')).status).toBe(404);
    expect((await exchange(server.origin, '/%2e%2e/package.json')).status).toBe(404);
  });

  it('runs a request only with the token, from its own origin and host name', async () => {
    const { server, calls } = await serve();
    const ok = await exchange(server.origin, '/ipc/getPopover', ipc([]));
    expect([ok.status, JSON.parse(ok.body)]).toEqual([
      200,
      { ok: true, result: { answered: 'getPopover' } },
    ]);
    const noToken = await exchange(server.origin, '/ipc/quit', {
      ...ipc([]),
      headers: { 'content-type': 'application/json' },
    });
    expect([noToken.status, noToken.body]).toEqual([
      401,
      '{"ok":false,"reason":"missing or wrong token"}',
    ]);
    const wrongToken = await exchange(
      server.origin,
      '/ipc/quit',
      ipc([], { 'x-pacewatch-token': 'b'.repeat(48) }),
    );
    expect(wrongToken.status).toBe(401);
    const foreign = await exchange(
      server.origin,
      '/ipc/quit',
      ipc([], { origin: 'https://evil.example' }),
    );
    expect([foreign.status, foreign.body]).toEqual([403, '{"ok":false,"reason":"foreign origin"}']);
    const rebound = await exchange(server.origin, '/ipc/quit', ipc([], { host: 'evil.example' }));
    expect([rebound.status, rebound.body]).toEqual([403, '{"ok":false,"reason":"wrong host"}']);
    expect(
      (await exchange(server.origin, '/ipc/quit', { headers: { 'x-pacewatch-token': TOKEN } }))
        .status,
    ).toBe(405);
    expect(calls).toEqual(['getPopover']);
  });

  it('checks payloads with the same schemas as the app', async () => {
    const { server, calls } = await serve();
    const malformed = await exchange(
      server.origin,
      '/ipc/saveSettings',
      ipc([{ thresholds: 'all' }]),
    );
    expect([malformed.status, JSON.parse(malformed.body)]).toEqual([
      400,
      { ok: false, reason: 'malformed saveSettings request: 0.thresholds (invalid_type)' },
    ]);
    const unknown = await exchange(server.origin, '/ipc/exec', ipc(['rm -rf /']));
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, reason: 'unknown request' });
    const notArray = await exchange(server.origin, '/ipc/getPopover', {
      ...ipc([]),
      body: '{"a":1}',
    });
    expect(JSON.parse(notArray.body)).toEqual({
      ok: false,
      reason: 'the body must be a JSON array of arguments',
    });
    expect(calls).toEqual([]);
  });

  it('starts a token-holding stream with the current state, then pushes page events (never tray events)', async () => {
    const { server, push } = await serve();
    expect((await exchange(server.origin, '/events')).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        new URL('/events', server.origin),
        { headers: { 'x-pacewatch-token': TOKEN } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('"/d"')) {
              req.destroy();
              resolve(text);
            }
          });
          push({ name: 'tray', payload: { title: '', level: 0, state: 'stale', tooltip: '' } });
          push({ name: 'settings', payload: { dataDir: '/d' } as never });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toBe(
      [
        ': connected',
        'event: popover\ndata: {"phase":"loading"}',
        'event: settings\ndata: {"dataDir":"/before"}',
        'event: settings\ndata: {"dataDir":"/d"}',
        '',
      ].join('\n\n'),
    );
  });
});

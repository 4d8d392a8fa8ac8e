import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assetHeaders, contentSecurityPolicy, resolveAsset } from '../app/app-assets';
import type { AppSession } from '../app/app-session';
import { dispatchInvoke } from '../app/dispatch';
import type { Logger } from '../core/ports';

/** How the dev server is set up. */
export interface DevServerOptions {
  /** The renderer's build folder (dist/renderer). */
  readonly root: string;
  readonly session: AppSession;
  readonly token: string;
  readonly logger: Logger;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A running dev server. */
export interface DevServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly close: () => Promise<void>;
}

const MAX_BODY = 64 * 1024;
const BRIDGE = '<script src="dev-bridge.js"></script>';

/**
 * Serves the popover and settings pages to an ordinary browser, with the same handler table as
 * the app behind a loopback-only, token-protected channel: POST /ipc/<name> for requests and a
 * server-sent event stream at /events for pushes.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const streams = new Set<ServerResponse>();
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error((error as Error).message);
      if (!res.headersSent) json(res, 500, { ok: false, reason: 'internal error' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site cannot reach a loopback server through its own host name.
    if (!isOwnHost(req.headers.host, port)) {
      json(res, 403, { ok: false, reason: 'wrong host' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/ipc/') || url.pathname === '/events') {
      if (!tokenMatches(req.headers['x-pacewatch-token'], options.token)) {
        json(res, 401, { ok: false, reason: 'missing or wrong token' });
        return;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !isOwnOrigin(origin, port)) {
        json(res, 403, { ok: false, reason: 'foreign origin' });
        return;
      }
      if (url.pathname === '/events') {
        openStream(res);
        return;
      }
      if (req.method !== 'POST') {
        json(res, 405, { ok: false, reason: 'use POST' });
        return;
      }
      await invoke(url.pathname.slice('/ipc/'.length), req, res);
      return;
    }
    if (req.method !== 'GET') {
      json(res, 405, { ok: false, reason: 'use GET' });
      return;
    }
    await serveAsset(url.pathname, res);
  }

  async function invoke(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    let args: unknown;
    try {
      args = body === null ? null : JSON.parse(body);
    } catch {
      args = null;
    }
    if (!Array.isArray(args)) {
      json(res, 400, { ok: false, reason: 'the body must be a JSON array of arguments' });
      return;
    }
    const dispatched = await dispatchInvoke(options.session.handlers, name, args);
    if (!dispatched.ok) {
      options.logger.warn(`refused ${JSON.stringify(name.slice(0, 40))}: ${dispatched.reason}`);
      json(res, 400, { ok: false, reason: dispatched.reason });
      return;
    }
    json(res, 200, { ok: true, result: dispatched.result });
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    streams.add(res);
    // What was pushed before this stream opened is lost to it: start it with the current state.
    const send = (name: string, payload: unknown) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    send('popover', options.session.popover());
    void options.session.settings().then((model) => {
      if (!res.destroyed) send('settings', model);
    });
    const unsubscribe = options.session.subscribe((event) => {
      if (event.name !== 'tray') send(event.name, event.payload);
    });
    res.on('close', () => {
      unsubscribe();
      streams.delete(res);
    });
  }

  async function serveAsset(pathname: string, res: ServerResponse): Promise<void> {
    const asset = resolveAsset(options.root, pathname);
    if (!asset.ok) {
      json(res, 404, { ok: false, reason: 'not found' });
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(asset.file);
    } catch {
      json(res, 404, { ok: false, reason: 'not found' });
      return;
    }
    const body = asset.file.endsWith('.html')
      ? Buffer.from(content.toString('utf8').replace('</head>', `  ${BRIDGE}\n  </head>`))
      : content;
    res.writeHead(200, assetHeaders(asset.type, contentSecurityPolicy("'self'")));
    res.end(body);
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', ready);
  });
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const stream of streams) stream.destroy();
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin.startsWith('http://') && isOwnHost(origin.slice('http://'.length), port);
}

function tokenMatches(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { apiError, fullUsageBody } from './usage-bodies';

// A loopback fake of the Anthropic API's usage endpoint (docs/PROTOCOLS.md "OAuth usage"). It checks
// the request like the real one (bearer token, beta flag, Claude Code user agent), then answers
// with whatever the test scripted. Point a source at `fake.url`, or the CLI at it through
// PACEWATCH_ANTHROPIC_URL.

/** The token the fake accepts unless told otherwise; obviously fake. */
export const FAKE_OAUTH_TOKEN = 'sk-ant-oat01-test-token-abc';

/** One request the fake received. Header names are lower case. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string without `?` ("" when none), for paged endpoints. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What the fake answers. */
export interface FakeReply {
  /** default 200 */
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (HTML when it starts with `<`). Default: the full usage body. */
  readonly body?: string | object;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** Answer only once this settles (a test holds the answer until it has seen the wait). */
  readonly after?: Promise<unknown>;
  /** Never answer (the socket stays open until the client gives up or `close()`). */
  readonly hang?: boolean;
  /** Send only the first N characters of the body, as a complete response (a cut-off JSON). */
  readonly truncateAt?: number;
  /** Send the body one byte every N ms (a server that trickles). */
  readonly trickleMs?: number;
}

/** A reply, or a function of the request and its index in `requests`. */
export type FakeReplyScript = FakeReply | ((req: RecordedRequest, index: number) => FakeReply);

/** A running fake. */
export interface FakeAnthropic {
  /** Base URL, e.g. `http://127.0.0.1:40123`: what PACEWATCH_ANTHROPIC_URL is set to. */
  readonly url: string;
  /** Every request received, in order, on every path. */
  readonly requests: RecordedRequest[];
  /** Scripts `/api/oauth/usage` (after the fake's own header checks pass). */
  respond(reply: FakeReplyScript): void;
  /**
   * Banked-reset grants the usage endpoint adds as `cedar_ember` to a JSON object body when the
   * request asks with `?cedar_ember=1` (as `grantWire()` builds them); null stops adding them.
   */
  bankResets(grants: readonly object[] | null): void;
  /** Scripts any other path (exact match on the path without query), with no header checks. */
  route(path: string, reply: FakeReplyScript): void;
  /** Stops listening and destroys open sockets, hanging ones included. */
  close(): Promise<void>;
}

/** Options for `startFakeAnthropic`. */
export interface FakeAnthropicOptions {
  /** The bearer token the fake accepts (default FAKE_OAUTH_TOKEN). */
  readonly token?: string;
}

/** The real endpoint's answers to a request that is not from Claude Code with a valid login. */
function checkOAuthRequest(req: RecordedRequest, token: string): FakeReply | null {
  const agent = req.headers['user-agent'] ?? '';
  if (!agent.startsWith('claude-code/') && !agent.startsWith('claude-cli/')) {
    return {
      status: 429,
      body: {
        error: { message: 'Rate limited. Please try again later.', type: 'rate_limit_error' },
      },
    };
  }
  if (req.headers['anthropic-beta'] !== 'oauth-2025-04-20') {
    return {
      status: 401,
      body: apiError('authentication_error', 'OAuth authentication is currently not supported.'),
    };
  }
  if (req.headers.authorization !== `Bearer ${token}`) {
    return { status: 401, body: apiError('authentication_error', 'Invalid bearer token') };
  }
  return null;
}

/**
 * The `cedar_ember` block the real endpoint adds: grants for Claude Code's `claude-cli/… (external,
 * cli)` agent, "not eligible on this surface" for any other (docs/PROTOCOLS.md "Banked resets").
 */
function withGrants(req: RecordedRequest, reply: FakeReply, grants: readonly object[]): FakeReply {
  const body = reply.body ?? fullUsageBody();
  const wantsGrants = new URLSearchParams(req.query).get('cedar_ember') === '1';
  if (!wantsGrants || typeof body !== 'object' || (reply.status ?? 200) !== 200) return reply;
  const cli = /^claude-cli\/\S+ \(external, cli\)$/.test(req.headers['user-agent'] ?? '');
  const cedar = cli
    ? { eligible: true, ineligible_reason: null, at_limit: false, grants }
    : { eligible: false, ineligible_reason: 'surface', grants: [] };
  return { ...reply, body: { ...body, cedar_ember: cedar } };
}

function record(req: IncomingMessage): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const [path = '/', query = ''] = (req.url ?? '/').split('?');
  return { method: req.method ?? 'GET', path, query, headers };
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function send(res: ServerResponse, reply: FakeReply): Promise<void> {
  if (reply.hang) return;
  if (reply.delayMs) await sleep(reply.delayMs);
  if (reply.after) await reply.after;
  const raw = reply.body ?? fullUsageBody();
  let body = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (reply.truncateAt !== undefined) body = body.slice(0, reply.truncateAt);
  const type = body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json';
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(reply.status ?? 200, {
    'content-type': type,
    'content-length': String(bytes.length),
    ...reply.headers,
  });
  if (!reply.trickleMs) {
    res.end(bytes);
    return;
  }
  for (const byte of bytes) {
    if (res.destroyed) return;
    res.write(Buffer.from([byte]));
    await sleep(reply.trickleMs);
  }
  res.end();
}

/** Starts a fake of the usage endpoint on 127.0.0.1 at a free port. */
export async function startFakeAnthropic(
  options: FakeAnthropicOptions = {},
): Promise<FakeAnthropic> {
  const token = options.token ?? FAKE_OAUTH_TOKEN;
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, FakeReplyScript>([['/api/oauth/usage', {}]]);
  const sockets = new Set<Socket>();
  let grants: readonly object[] | null = null;

  const server = createServer((req, res) => {
    const recorded = record(req);
    const index = requests.push(recorded) - 1;
    const script = routes.get(recorded.path);
    const scripted = typeof script === 'function' ? script(recorded, index) : script;
    const usage = recorded.path === '/api/oauth/usage';
    const checked =
      scripted === undefined
        ? { status: 404, body: apiError('not_found_error', 'Not found') }
        : ((usage ? checkOAuthRequest(recorded, token) : null) ?? scripted);
    const reply =
      usage && grants !== null && checked === scripted
        ? withGrants(recorded, checked, grants)
        : checked;
    req.resume();
    send(res, reply).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (reply) => {
      routes.set('/api/oauth/usage', reply);
    },
    bankResets: (next) => {
      grants = next;
    },
    route: (path, reply) => {
      routes.set(path, reply);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          done();
        });
      }),
  };
}

/** The JSON Claude Code keeps in `.credentials.json` (or its keychain item), for fixtures. */
export function fakeClaudeCredentials(
  overrides: {
    accessToken?: string;
    expiresAt?: number | null;
    scopes?: string[];
    subscriptionType?: string;
    rateLimitTier?: string;
  } = {},
): object {
  return {
    claudeAiOauth: {
      accessToken: overrides.accessToken ?? FAKE_OAUTH_TOKEN,
      refreshToken: 'sk-ant-ort01-test-refresh-abc',
      expiresAt: overrides.expiresAt === undefined ? 4_102_444_800_000 : overrides.expiresAt,
      scopes: overrides.scopes ?? ['user:inference', 'user:profile'],
      subscriptionType: overrides.subscriptionType ?? 'max',
      rateLimitTier: overrides.rateLimitTier ?? 'default_claude_max_5x',
    },
  };
}

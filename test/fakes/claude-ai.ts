import type { FakeAnthropic, FakeReply, FakeReplyScript, RecordedRequest } from './anthropic-api';
import { fullUsageBody, sessionInvalidError } from './usage-bodies';

// claude.ai's endpoints (docs/PROTOCOLS.md "claude.ai session") as routes on the loopback fake: it
// checks the sessionKey cookie like the real site (a wrong or missing key gets the expired-session
// 403), then answers with whatever the test scripted. Point the web source, or the CLI through
// PACEWATCH_CLAUDE_AI_URL, at the fake's `url`.

/** The session key the fake accepts unless told otherwise; obviously fake. */
export const FAKE_SESSION_KEY = 'sk-ant-sid01-test-session-abc';
/** The organisation with chat in the default organisation list. */
export const FAKE_CHAT_ORG = 'org-chat-0001';

/** The default `/api/organizations`: an API-only organisation first, then the one with chat. */
export function organizationsBody(chatOrg = FAKE_CHAT_ORG): object[] {
  return [
    { uuid: 'org-api-0002', name: 'API workspace', capabilities: ['api'] },
    { uuid: chatOrg, name: 'Personal', capabilities: ['chat', 'claude_max'], rate_limit_tier: 'x' },
  ];
}

/** The default `/overage_spend_limit`: $12.34 of $50.00, on. */
export function overageBody(): object {
  return { monthly_credit_limit: 5000, currency: 'usd', used_credits: 1234, is_enabled: true };
}

/** The default `/prepaid/credits`: $100.00. */
export function prepaidBody(): object {
  return { amount: 10000, currency: 'USD' };
}

/** Scripts claude.ai's four endpoints on a fake. */
export interface FakeClaudeAi {
  organizations(reply: FakeReplyScript): void;
  usage(reply: FakeReplyScript): void;
  overage(reply: FakeReplyScript): void;
  prepaid(reply: FakeReplyScript): void;
  /** The requests that reached claude.ai's paths, in order. */
  requests(): RecordedRequest[];
}

function cookieKey(req: RecordedRequest): string | null {
  const match = /(?:^|;\s*)sessionKey=([^;]*)/.exec(req.headers.cookie ?? '');
  return match?.[1] ?? null;
}

/** Adds claude.ai's routes to `api`, each checking the session key first. */
export function installFakeClaudeAi(
  api: FakeAnthropic,
  options: { sessionKey?: string; chatOrg?: string } = {},
): FakeClaudeAi {
  const sessionKey = options.sessionKey ?? FAKE_SESSION_KEY;
  const org = `/api/organizations/${options.chatOrg ?? FAKE_CHAT_ORG}`;
  const install = (path: string, script: FakeReplyScript) => {
    api.route(path, (req, index): FakeReply => {
      if (cookieKey(req) !== sessionKey) return { status: 403, body: sessionInvalidError() };
      return typeof script === 'function' ? script(req, index) : script;
    });
  };
  install('/api/organizations', { body: organizationsBody(options.chatOrg) });
  install(`${org}/usage`, { body: fullUsageBody() });
  install(`${org}/overage_spend_limit`, { body: overageBody() });
  install(`${org}/prepaid/credits`, { body: prepaidBody() });
  return {
    organizations: (reply) => {
      install('/api/organizations', reply);
    },
    usage: (reply) => {
      install(`${org}/usage`, reply);
    },
    overage: (reply) => {
      install(`${org}/overage_spend_limit`, reply);
    },
    prepaid: (reply) => {
      install(`${org}/prepaid/credits`, reply);
    },
    requests: () => api.requests.filter((req) => req.path.startsWith('/api/organizations')),
  };
}

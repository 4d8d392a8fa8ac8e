import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../../electron/core/ports';
import { classifyResponse } from '../../../../electron/core/sources/http-errors';
import { oauthMessages } from '../../../../electron/core/sources/oauth/messages';
import { webMessages } from '../../../../electron/core/sources/web/messages';
import {
  orgAuthorizationError,
  orgPolicyError,
  regionError,
  scopeError,
} from '../../../fakes/usage-bodies';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const web = webMessages('claude.ai', 15_000);
const oauth = oauthMessages('api.anthropic.com', 15_000);

function response(status: number, body: string | object): HttpResponse {
  return {
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    header: () => null,
  };
}

describe('error sentences chosen by the server’s reason', () => {
  it.each([
    {
      name: 'claude.ai 403 "Invalid authorization for organization": the VPN, not the key',
      messages: web,
      reply: response(403, orgAuthorizationError()),
      kind: 'network',
      message:
        'claude.ai refused this session from where the request came from ("Invalid authorization for organization"), which happens on VPN exits; the session key is fine. Turn the VPN off or use your usual location; Pacewatch retries by itself.',
    },
    {
      name: 'claude.ai 403 "unable to serve your request": the region',
      messages: web,
      reply: response(403, regionError()),
      kind: 'network',
      message:
        'claude.ai does not serve requests from the region this one came from; the session key is fine. Turn off a VPN or proxy that exits in another country; Pacewatch retries by itself.',
    },
    {
      name: 'the region block as a plain page',
      messages: web,
      reply: response(403, '<html><body>We are unable to serve your request.</body></html>'),
      kind: 'network',
      message:
        'claude.ai does not serve requests from the region this one came from; the session key is fine. Turn off a VPN or proxy that exits in another country; Pacewatch retries by itself.',
    },
    {
      name: 'usage 401 "OAuth authentication is currently not allowed for this organization": ask the admin',
      messages: oauth,
      reply: response(401, orgPolicyError()),
      kind: 'forbidden',
      message:
        "Your organisation does not allow Claude Code's sign-in to read usage (an organisation policy, not an expired login). Ask your organisation's admin to allow it, or use another source such as `pacewatch credentials set web`.",
    },
    {
      name: 'usage 403 with an empty body: not a scope problem',
      messages: oauth,
      reply: response(403, ''),
      kind: 'server',
      message:
        'Anthropic refused the usage request without giving a reason (HTTP 403). Pacewatch retries by itself; if this persists, check your VPN or proxy.',
    },
    {
      name: 'usage 403 naming the scope: still the scope sentence',
      messages: oauth,
      reply: response(403, scopeError()),
      kind: 'forbidden',
      message:
        'This Claude Code token can run Claude but cannot read usage: tokens from `claude setup-token` or CLAUDE_CODE_OAUTH_TOKEN lack the user:profile scope. Sign in with `claude` (/login) so Pacewatch can read usage.',
    },
  ])('$name', ({ messages, reply, kind, message }) => {
    expect(classifyResponse(reply, NOW, messages)).toEqual({
      error: { kind, message },
      retryAfterMs: null,
    });
  });

  it('never tells a VPN user to copy the session key again', () => {
    const { error } = classifyResponse(response(403, orgAuthorizationError()), NOW, web);
    expect(error.message).not.toMatch(/sessionKey|copy/i);
  });
});

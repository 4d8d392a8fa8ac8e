import { isSuccess, sourceRequests, type HttpSourceDeps } from '../source-requests';
import { parseUsageBody } from '../usage-response/parse';
import { fetchFailure, type FetchOutcome, type UsageSource } from '../usage-source';
import type {
  ClaudeCredential,
  ClaudeCredentialRead,
  ClaudeCredentialReader,
} from './claude-credentials';
import { EXPIRED_MESSAGE, oauthMessages } from './messages';

/**
 * Claude Code's own user agent. The endpoint answers 429 to agents that are not Claude Code's,
 * and sends banked-reset grants only to this form (docs/PROTOCOLS.md "Banked resets").
 */
export const CLAUDE_CODE_USER_AGENT = 'claude-cli/2.1.322 (external, cli)';
/** The beta flag that lets an OAuth token call the API. */
export const OAUTH_BETA = 'oauth-2025-04-20';
/** The usage endpoint, relative to the API base URL. */
export const OAUTH_USAGE_PATH = '/api/oauth/usage';
/**
 * Asks the same request to add the banked-reset grants (`cedar_ember`). One request, not two:
 * the endpoint is rate-limited hard. `skip_spend` is not sent, since it empties extra_usage.
 */
export const BANKED_RESETS_QUERY = '?cedar_ember=1';

interface Deps extends HttpSourceDeps {
  readonly credentials: ClaudeCredentialReader;
}

/** The `oauth` source: Claude Code's own login against `GET /api/oauth/usage`. */
export function createOAuthSource(deps: Deps): UsageSource {
  const url = `${deps.baseUrl}${OAUTH_USAGE_PATH}${BANKED_RESETS_QUERY}`;
  const messages = oauthMessages(new URL(url).host, deps.timeoutMs);
  const { get, refused } = sourceRequests(deps, messages);
  // The credential is kept in memory and read again only when its stamp moves or after a 401.
  let cached: { stamp: string | null; credential: ClaudeCredential } | null = null;

  async function credential(
    stamp: string | null = null,
    known = false,
  ): Promise<ClaudeCredentialRead> {
    const current = known ? stamp : await deps.credentials.stamp();
    if (cached && cached.stamp === current) return { ok: true, credential: cached.credential };
    cached = null;
    const read = await deps.credentials.read();
    if (read.ok) cached = { stamp: current, credential: read.credential };
    return read;
  }

  const expired = (credential: ClaudeCredential): boolean =>
    credential.expiresAt !== null && credential.expiresAt <= deps.clock.now();

  /**
   * The credential's stamp, marked when this machine's clock reads the login as expired. A halt
   * for an expired login is keyed to the stamp, so it re-arms when the clock comes back before
   * the expiry (a forward jump that NTP undoes), not only when the file changes
   * (docs/RELIABILITY.md, defect 10).
   */
  async function credentialStamp(): Promise<string | null> {
    const stamp = await deps.credentials.stamp();
    if (stamp === null) return null;
    const read = await credential(stamp, true);
    return read.ok && expired(read.credential) ? `${stamp} (expired by this clock)` : stamp;
  }

  async function fetch(signal?: AbortSignal): Promise<FetchOutcome> {
    const read = await credential();
    if (!read.ok) return fetchFailure(read.kind, read.message);
    const current = read.credential;
    if (expired(current)) return fetchFailure('auth', EXPIRED_MESSAGE);
    const result = await get(
      url,
      {
        Authorization: `Bearer ${current.token.reveal()}`,
        'anthropic-beta': OAUTH_BETA,
        Accept: 'application/json',
        'User-Agent': CLAUDE_CODE_USER_AGENT,
      },
      signal,
    );
    if (!result.ok) return result;
    const { response } = result;
    if (isSuccess(response)) {
      const parsed = parseUsageBody(response.body);
      if (!parsed.ok) return fetchFailure('parse', messages.parse(parsed.message));
      const { ok: _ok, ...figures } = parsed;
      return { ok: true, snapshot: { source: 'oauth', fetchedAt: deps.clock.now(), ...figures } };
    }
    if (response.status === 401) cached = null;
    return refused(response);
  }

  return {
    id: 'oauth',
    fetch,
    credentialStamp,
  };
}

import { isSuccess, sourceRequests, type HttpSourceDeps } from '../source-requests';
import { parseUsageBody } from '../usage-response/parse';
import { fetchFailure, type FetchOutcome, type UsageSource } from '../usage-source';
import type {
  ClaudeCredential,
  ClaudeCredentialRead,
  ClaudeCredentialReader,
} from './claude-credentials';
import { EXPIRED_MESSAGE, oauthMessages } from './messages';

/** The endpoint answers 429 to any other user agent, even with a valid token (PROTOCOLS.md). */
export const CLAUDE_CODE_USER_AGENT = 'claude-code/2.1.0';
/** The beta flag that lets an OAuth token call the API. */
export const OAUTH_BETA = 'oauth-2025-04-20';
/** The usage endpoint, relative to the API base URL. */
export const OAUTH_USAGE_PATH = '/api/oauth/usage';

interface Deps extends HttpSourceDeps {
  readonly credentials: ClaudeCredentialReader;
}

/** The `oauth` source: Claude Code's own login against `GET /api/oauth/usage`. */
export function createOAuthSource(deps: Deps): UsageSource {
  const url = `${deps.baseUrl}${OAUTH_USAGE_PATH}`;
  const messages = oauthMessages(new URL(url).host, deps.timeoutMs);
  const { get, refused } = sourceRequests(deps, messages);
  // The credential is kept in memory and read again only when its stamp moves or after a 401.
  let cached: { stamp: string | null; credential: ClaudeCredential } | null = null;

  async function credential(): Promise<ClaudeCredentialRead> {
    const stamp = await deps.credentials.stamp();
    if (cached && cached.stamp === stamp) return { ok: true, credential: cached.credential };
    cached = null;
    const read = await deps.credentials.read();
    if (read.ok) cached = { stamp, credential: read.credential };
    return read;
  }

  async function fetch(signal?: AbortSignal): Promise<FetchOutcome> {
    const read = await credential();
    if (!read.ok) return fetchFailure(read.kind, read.message);
    const current = read.credential;
    if (current.expiresAt !== null && current.expiresAt <= deps.clock.now()) {
      return fetchFailure('auth', EXPIRED_MESSAGE);
    }
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
      const snapshot = {
        source: 'oauth' as const,
        fetchedAt: deps.clock.now(),
        windows: parsed.windows,
        extraUsage: parsed.extraUsage,
      };
      return { ok: true, snapshot };
    }
    if (response.status === 401) cached = null;
    return refused(response);
  }

  return {
    id: 'oauth',
    fetch,
    credentialStamp: () => deps.credentials.stamp(),
  };
}

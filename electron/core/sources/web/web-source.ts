import { PACEWATCH_VERSION } from '../../../../shared/domain/version';
import type { Secret } from '../../../../shared/domain/secret';
import type { Snapshot } from '../../../../shared/domain/snapshot';
import type { CredentialService } from '../../services/credential-service';
import type { SourceMessages } from '../http-errors';
import { isSuccess, sourceRequests, type HttpSourceDeps } from '../source-requests';
import { storedKey } from '../stored-key';
import { parseUsageBody } from '../usage-response/parse';
import {
  fetchFailure,
  type FetchFailure,
  type FetchOutcome,
  type UsageSource,
} from '../usage-source';
import {
  NO_CHAT_ORG_MESSAGE,
  NO_SESSION_KEY_MESSAGE,
  webKeychainMessage,
  webMessages,
} from './messages';
import { parseOverage, parsePrepaidCredits, pickChatOrganization } from './parse';

/** claude.ai's list of the session's organisations. */
export const ORGANIZATIONS_PATH = '/api/organizations';
/** What claude.ai is told it is talking to; its API serves the web client. */
export const WEB_USER_AGENT = `Mozilla/5.0 (compatible; Pacewatch/${PACEWATCH_VERSION})`;

/** A fetch makes up to four requests, one after another, each within `timeoutMs`. */
interface Deps extends HttpSourceDeps {
  readonly credentials: Pick<CredentialService, 'read' | 'stamp'>;
}

/**
 * The `web` source: the user's claude.ai session (docs/PROTOCOLS.md "claude.ai session"). Finds the
 * organisation with chat once per stored key, then reads its usage, the extra-usage spend limit
 * and the prepaid balance, one request at a time.
 */
export function createWebSource(deps: Deps): UsageSource {
  const messages: SourceMessages = webMessages(new URL(deps.baseUrl).host, deps.timeoutMs);
  let organization: { stamp: string | null; uuid: string } | null = null;

  const sessionKey = () =>
    storedKey(deps.credentials, 'web', NO_SESSION_KEY_MESSAGE, webKeychainMessage);

  const { get: request, refused } = sourceRequests(deps, messages);
  const get = (path: string, key: Secret, signal: AbortSignal | undefined) =>
    request(
      `${deps.baseUrl}${path}`,
      {
        Cookie: `sessionKey=${key.reveal()}`,
        Accept: 'application/json',
        'anthropic-client-platform': 'web_claude_ai',
        'User-Agent': WEB_USER_AGENT,
      },
      signal,
    );

  async function organizationUuid(
    key: Secret,
    signal: AbortSignal | undefined,
  ): Promise<{ ok: true; uuid: string } | FetchFailure> {
    const stamp = await deps.credentials.stamp('web');
    if (organization !== null && organization.stamp === stamp) {
      return { ok: true, uuid: organization.uuid };
    }
    const listed = await get(ORGANIZATIONS_PATH, key, signal);
    if (!listed.ok) return listed;
    if (!isSuccess(listed.response)) return refused(listed.response);
    const pick = pickChatOrganization(listed.response.body);
    if (!pick.ok) {
      return pick.kind === 'no-chat'
        ? fetchFailure('forbidden', NO_CHAT_ORG_MESSAGE)
        : fetchFailure('parse', messages.parse(pick.message));
    }
    organization = { stamp, uuid: pick.uuid };
    return pick;
  }

  /** A side figure: any failure leaves it out rather than failing the usage it goes with. */
  async function optional<T>(
    path: string,
    key: Secret,
    signal: AbortSignal | undefined,
    parse: (body: string) => T | null,
  ): Promise<T | null> {
    const answer = await get(path, key, signal);
    return answer.ok && isSuccess(answer.response) ? parse(answer.response.body) : null;
  }

  async function fetch(signal?: AbortSignal): Promise<FetchOutcome> {
    const key = await sessionKey();
    if (!key.ok) return key;
    const org = await organizationUuid(key.key, signal);
    if (!org.ok) return org;
    const base = `${ORGANIZATIONS_PATH}/${encodeURIComponent(org.uuid)}`;
    const usage = await get(`${base}/usage`, key.key, signal);
    if (!usage.ok) return usage;
    if (!isSuccess(usage.response)) {
      // The organisation may have gone (or the key changed hands): look it up again next time.
      if ([401, 403, 404].includes(usage.response.status)) organization = null;
      return refused(usage.response);
    }
    const parsed = parseUsageBody(usage.response.body);
    if (!parsed.ok) return fetchFailure('parse', messages.parse(parsed.message));
    const overage = await optional(`${base}/overage_spend_limit`, key.key, signal, parseOverage);
    const credits = await optional(`${base}/prepaid/credits`, key.key, signal, parsePrepaidCredits);
    const snapshot: Snapshot = {
      source: 'web',
      fetchedAt: deps.clock.now(),
      windows: parsed.windows,
      extraUsage: overage ?? parsed.extraUsage,
      ...(credits === null ? {} : { prepaidCredits: credits }),
      ...(parsed.promoCredit === undefined ? {} : { promoCredit: parsed.promoCredit }),
    };
    return { ok: true, snapshot };
  }

  return {
    id: 'web',
    fetch,
    credentialStamp: () => deps.credentials.stamp('web'),
  };
}

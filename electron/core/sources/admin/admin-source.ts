import { PACEWATCH_VERSION } from '../../../../shared/domain/version';
import type { Secret } from '../../../../shared/domain/secret';
import type { Snapshot } from '../../../../shared/domain/snapshot';
import type { CredentialService } from '../../services/credential-service';
import {
  fetchFailure,
  type FetchFailure,
  type FetchOutcome,
  type UsageSource,
} from '../usage-source';
import { isSuccess, sourceRequests, type HttpSourceDeps } from '../source-requests';
import { storedKey } from '../stored-key';
import { NO_ADMIN_KEY_MESSAGE, adminKeychainMessage, adminMessages } from './messages';
import { parseCostPage, parseTokenPage, type ReportPage } from './parse';
import { budgetWindow, monthBounds, summarizeSpend } from './spend';

/** The month's cost, relative to the API base URL. */
export const COST_REPORT_PATH = '/v1/organizations/cost_report';
/** The month's tokens by model, relative to the API base URL. */
export const MESSAGES_USAGE_PATH = '/v1/organizations/usage_report/messages';
/** The Admin API version Pacewatch speaks. */
export const ANTHROPIC_VERSION = '2023-06-01';
/** A month has at most 31 daily buckets, one page at `limit=31`; more pages than this is a loop. */
const MAX_PAGES = 12;

interface Deps extends HttpSourceDeps {
  readonly credentials: Pick<CredentialService, 'read' | 'stamp'>;
  /** The monthly budget in USD from settings, or null for none. */
  readonly budget: () => number | null;
}

/**
 * The `admin` source: an organisation's month-to-date API spend from the Admin API
 * (docs/PROTOCOLS.md "Admin API"), as a `monthly_budget` window when the user set a budget, and as
 * `spend` (with tokens by model) always.
 */
export function createAdminSource(deps: Deps): UsageSource {
  const messages = adminMessages(new URL(deps.baseUrl).host, deps.timeoutMs);

  const adminKey = () =>
    storedKey(deps.credentials, 'admin', NO_ADMIN_KEY_MESSAGE, adminKeychainMessage);

  const { get: request, refused } = sourceRequests(deps, messages);
  const get = (url: string, key: Secret, signal: AbortSignal | undefined) =>
    request(
      url,
      {
        'x-api-key': key.reveal(),
        'anthropic-version': ANTHROPIC_VERSION,
        Accept: 'application/json',
        'User-Agent': `Pacewatch/${PACEWATCH_VERSION}`,
      },
      signal,
    );

  /** Every row of a report, following `next_page` while `has_more`. */
  async function collect<Row>(
    path: string,
    params: Record<string, string>,
    parse: (body: string) => ReportPage<Row>,
    key: Secret,
    signal: AbortSignal | undefined,
  ): Promise<{ ok: true; rows: Row[] } | FetchFailure> {
    const rows: Row[] = [];
    let page: string | null = null;
    for (let count = 0; count < MAX_PAGES; count++) {
      const query = new URLSearchParams(params);
      if (page !== null) query.set('page', page);
      const answer = await get(`${deps.baseUrl}${path}?${query.toString()}`, key, signal);
      if (!answer.ok) return answer;
      const { response } = answer;
      if (!isSuccess(response)) return refused(response);
      const parsed = parse(response.body);
      if (!parsed.ok) return fetchFailure('parse', messages.parse(parsed.message));
      rows.push(...parsed.rows);
      if (parsed.nextPage === null) return { ok: true, rows };
      page = parsed.nextPage;
    }
    return fetchFailure('parse', messages.parse(`more than ${MAX_PAGES} pages`));
  }

  async function fetch(signal?: AbortSignal): Promise<FetchOutcome> {
    const key = await adminKey();
    if (!key.ok) return key;
    const now = deps.clock.now();
    const month = monthBounds(now);
    const range = {
      starting_at: new Date(month.start).toISOString(),
      ending_at: new Date(month.nextDay).toISOString(),
      bucket_width: '1d',
      limit: '31',
    };
    const costs = await collect(
      COST_REPORT_PATH,
      { ...range, 'group_by[]': 'description' },
      parseCostPage,
      key.key,
      signal,
    );
    if (!costs.ok) return costs;
    // Tokens are a detail of the spend: without them the spend still stands.
    const tokens = await collect(
      MESSAGES_USAGE_PATH,
      { ...range, 'group_by[]': 'model' },
      parseTokenPage,
      key.key,
      signal,
    );
    const spend = summarizeSpend(costs.rows, tokens.ok ? tokens.rows : [], month.start);
    const budget = deps.budget();
    const snapshot: Snapshot = {
      source: 'admin',
      fetchedAt: deps.clock.now(),
      windows: budget === null ? [] : [budgetWindow(spend, budget, month.nextMonth)],
      extraUsage: null,
      spend,
    };
    return { ok: true, snapshot };
  }

  return {
    id: 'admin',
    fetch,
    credentialStamp: () => deps.credentials.stamp('admin'),
  };
}

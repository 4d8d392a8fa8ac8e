import { join } from 'node:path';
import { z } from 'zod';
import { maskEmail } from '../../../shared/domain/route/plan-name';
import type {
  AccountFacts,
  CredentialFacts,
  FileProblem,
  LoginFacts,
} from '../../../shared/domain/route/route-facts';
import { displayPath } from './display-path';
import { readJsonFile } from './read-json-file';
import type { KeyApprovals } from './route-env';

/** Where Claude Code keeps its login; every input injectable for tests. */
export interface LoginOptions {
  readonly home: string;
  /** Claude Code's config directories (`.credentials.json` lives in each). */
  readonly configDirs: readonly string[];
  /** Whether `CLAUDE_CONFIG_DIR` is set: then `.claude.json` lives in that directory too. */
  readonly customConfigDir: boolean;
}

/** The login facts, the approved-key list (in memory only), and files that could not be used. */
export interface LoginScan {
  readonly login: LoginFacts;
  readonly approvals: KeyApprovals;
  readonly problems: readonly FileProblem[];
}

const text = z.string().nullish().catch(null);
const strings = z.array(z.string()).catch([]);

const ConfigSchema = z.looseObject({
  oauthAccount: z
    .looseObject({
      emailAddress: text,
      organizationType: text,
      organizationRateLimitTier: text,
      userRateLimitTier: text,
      billingType: text,
    })
    .nullish()
    .catch(null),
  customApiKeyResponses: z
    .looseObject({ approved: strings.optional(), rejected: strings.optional() })
    .nullish()
    .catch(null),
  primaryApiKey: z.unknown().optional(),
});

const CredentialsSchema = z.looseObject({
  claudeAiOauth: z
    .looseObject({
      accessToken: z.unknown().optional(),
      subscriptionType: text,
      rateLimitTier: text,
    })
    .nullish()
    .catch(null),
});

function configPath({ home, configDirs, customConfigDir }: LoginOptions): string {
  const dir = configDirs[0];
  return customConfigDir && dir !== undefined
    ? join(dir, '.claude.json')
    : join(home, '.claude.json');
}

function accountOf(account: z.infer<typeof ConfigSchema>['oauthAccount']): AccountFacts | null {
  if (account === null || account === undefined) return null;
  return {
    email: account.emailAddress ? maskEmail(account.emailAddress) : null,
    organizationType: account.organizationType ?? null,
    rateLimitTier: account.organizationRateLimitTier ?? account.userRateLimitTier ?? null,
    userRateLimitTier: account.userRateLimitTier ?? null,
    billingType: account.billingType ?? null,
  };
}

async function readCredentials(
  options: LoginOptions,
): Promise<{ credentials: CredentialFacts | null; problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  for (const dir of options.configDirs) {
    const path = join(dir, '.credentials.json');
    const read = await readJsonFile(path, options.home);
    if (read.kind === 'problem') problems.push(read.problem);
    if (read.kind !== 'found') continue;
    const oauth = CredentialsSchema.safeParse(read.value).data?.claudeAiOauth;
    if (oauth === null || oauth === undefined) continue;
    const credentials: CredentialFacts = {
      file: displayPath(path, options.home),
      subscriptionType: oauth.subscriptionType ?? null,
      rateLimitTier: oauth.rateLimitTier ?? null,
      hasToken: typeof oauth.accessToken === 'string' && oauth.accessToken.length > 0,
    };
    return { credentials, problems };
  }
  return { credentials: null, problems };
}

/**
 * Reads `~/.claude.json` (the account, `primaryApiKey` presence, approved API keys) and
 * Claude Code's `.credentials.json` (plan fields; tokens only as presence), read-only.
 */
export async function readClaudeLogin(options: LoginOptions): Promise<LoginScan> {
  const path = configPath(options);
  const configFile = displayPath(path, options.home);
  const [read, { credentials, problems }] = await Promise.all([
    readJsonFile(path, options.home),
    readCredentials(options),
  ]);
  const base = { configFile, account: null, consoleApiKey: false, credentials };
  if (read.kind === 'missing') {
    return {
      login: { ...base, config: 'missing' },
      approvals: { approved: [], rejected: [] },
      problems,
    };
  }
  const parsed = read.kind === 'found' ? ConfigSchema.safeParse(read.value) : null;
  if (parsed === null || !parsed.success) {
    const state =
      read.kind === 'problem' && read.problem.kind === 'unreadable' ? 'unreadable' : 'malformed';
    return { login: { ...base, config: state }, approvals: 'unreadable', problems };
  }
  const { oauthAccount, customApiKeyResponses, primaryApiKey } = parsed.data;
  const login: LoginFacts = {
    ...base,
    config: 'found',
    account: accountOf(oauthAccount),
    consoleApiKey: typeof primaryApiKey === 'string' && primaryApiKey.length > 0,
  };
  const approvals = {
    approved: customApiKeyResponses?.approved ?? [],
    rejected: customApiKeyResponses?.rejected ?? [],
  };
  return { login, approvals, problems };
}

/**
 * What the route check found on the machine, as plain data with no secret in it: only where
 * each setting lives and whether it is set. Gathered in `electron/core/route/`, judged here.
 */

/** The environment variables that change which account Claude Code bills, in precedence order. */
export const ROUTE_VARIABLES = [
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_CODE_USE_FOUNDRY',
  'ANTHROPIC_AUTH_TOKEN',
  'ANTHROPIC_API_KEY',
  'CLAUDE_CODE_OAUTH_TOKEN',
  'ANTHROPIC_BASE_URL',
] as const;

/** One of the variables the route check looks for. */
export type RouteVariable = (typeof ROUTE_VARIABLES)[number];

/** The cloud-provider switches, in the order Claude Code checks them. */
export const CLOUD_SWITCHES = [
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_CODE_USE_FOUNDRY',
] as const;

/** A cloud-provider switch variable. */
export type CloudSwitch = (typeof CLOUD_SWITCHES)[number];

/** Whether a variable is a cloud-provider switch (its value is a flag, not a secret). */
export function isCloudSwitch(variable: RouteVariable): variable is CloudSwitch {
  return (CLOUD_SWITCHES as readonly string[]).includes(variable);
}

/** Which Claude settings file: `local` beats `project` beats `user`, as Claude Code merges them. */
export type SettingsScope = 'local' | 'project' | 'user';

/** Where a variable was seen. Files are display paths (`~/.zshrc`), never contents. */
export type SightingPlace =
  | { readonly kind: 'settings'; readonly file: string; readonly scope: SettingsScope }
  /** The checking process's own environment; `label` says whose ("this terminal"). */
  | { readonly kind: 'process'; readonly label: string }
  | { readonly kind: 'login-shell'; readonly shell: string }
  | { readonly kind: 'startup-file'; readonly file: string; readonly line: number };

/** Whether Claude Code approved an `ANTHROPIC_API_KEY` (`customApiKeyResponses` in `~/.claude.json`). */
export type KeyApproval = 'approved' | 'rejected' | 'not-approved' | 'unknown';

/** One place that sets (or clears) one route variable. */
export interface VariableSighting {
  readonly variable: RouteVariable;
  readonly place: SightingPlace;
  /** `set`: non-empty; `empty`: set to ""; `unset`: a startup file removes it. */
  readonly state: 'set' | 'empty' | 'unset';
  /** The value comes from a command or another variable (`$(…)`, `$X`): unknown until the shell runs. */
  readonly dynamic?: boolean;
  /** Cloud switches only: the literal value when it is a short word ("1", "true", "0"), else null. */
  readonly flag?: string | null;
  /** `ANTHROPIC_API_KEY` only. */
  readonly approval?: KeyApproval;
  /** `ANTHROPIC_BASE_URL` only: the host it points at, when it parses as a URL. */
  readonly host?: string | null;
}

/** A settings file whose `apiKeyHelper` is set (the command itself is never kept). */
export interface HelperSetting {
  readonly file: string;
  readonly scope: SettingsScope;
}

/** The claude.ai account recorded in `~/.claude.json` (`oauthAccount`); the email is masked. */
export interface AccountFacts {
  readonly email: string | null;
  readonly organizationType: string | null;
  /** `organizationRateLimitTier`, else `userRateLimitTier`. */
  readonly rateLimitTier: string | null;
  /** `userRateLimitTier`: it names the plan on accounts whose organization tier does not. */
  readonly userRateLimitTier?: string | null;
  readonly billingType: string | null;
}

/** Claude Code's stored sign-in (`.credentials.json`, `claudeAiOauth`); tokens only as presence. */
export interface CredentialFacts {
  readonly file: string;
  readonly subscriptionType: string | null;
  readonly rateLimitTier: string | null;
  readonly hasToken: boolean;
}

/** The login Claude Code falls back to when nothing in the environment or settings wins. */
export interface LoginFacts {
  /** Display path of the `.claude.json` read. */
  readonly configFile: string;
  readonly config: 'found' | 'missing' | 'malformed' | 'unreadable';
  readonly account: AccountFacts | null;
  /** `primaryApiKey` is present: a key from a Claude Console login. */
  readonly consoleApiKey: boolean;
  readonly credentials: CredentialFacts | null;
}

/** How reading the user's login-shell environment went. */
export type LoginShellFacts =
  | { readonly kind: 'read'; readonly shell: string }
  | { readonly kind: 'timeout'; readonly shell: string; readonly timeoutMs: number }
  | { readonly kind: 'failed'; readonly shell: string; readonly reason: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** A file the check could not use. */
export interface FileProblem {
  readonly file: string;
  readonly kind: 'malformed' | 'unreadable';
  /** For `unreadable`: the system's error code (EACCES, EISDIR, …). */
  readonly code?: string;
}

/** Everything the route decision and its wording need. */
export interface RouteFacts {
  /** All sightings, in any order; the domain sorts them. */
  readonly sightings: readonly VariableSighting[];
  /** Settings files that set `apiKeyHelper`. */
  readonly helpers: readonly HelperSetting[];
  readonly login: LoginFacts;
  readonly loginShell: LoginShellFacts;
  readonly problems: readonly FileProblem[];
  /** The user's shell path, for wording (`unset` vs fish's `set -e`); null when unknown. */
  readonly shell: string | null;
}

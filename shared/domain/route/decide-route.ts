import { planName } from './plan-name';
import { CLOUD_SWITCHES, isCloudSwitch } from './route-facts';
import type {
  HelperSetting,
  LoginFacts,
  RouteFacts,
  RouteVariable,
  SettingsScope,
  SightingPlace,
  VariableSighting,
} from './route-facts';

/** The billing routes of the `pacewatch route --json` contract. */
export type RouteKind =
  | 'subscription'
  | 'api-key'
  | 'auth-token'
  | 'api-key-helper'
  | 'oauth-token'
  | 'cloud'
  | 'unknown';

/** Why the route won: the setting that decided it. */
export type RouteCause =
  | {
      readonly kind: 'variable';
      readonly variable: RouteVariable;
      readonly sighting: VariableSighting;
    }
  | { readonly kind: 'helper'; readonly helper: HelperSetting }
  | { readonly kind: 'console-key' }
  | { readonly kind: 'login' }
  | { readonly kind: 'none' };

/** The verdict: the route, what decided it, and the subscription plan found (whatever the route). */
export interface RouteDecision {
  readonly route: RouteKind;
  readonly cause: RouteCause;
  readonly plan: string | null;
  /**
   * An `ANTHROPIC_API_KEY` Claude Code has not approved, while the login wins interactive
   * sessions: `claude -p` still bills it without asking. Null otherwise.
   */
  readonly headlessKey: VariableSighting | null;
}

const SCOPE_RANK: Readonly<Record<SettingsScope, number>> = { local: 0, project: 1, user: 2 };

/**
 * How strongly a place sets a variable: Claude Code applies settings `env` blocks over the
 * environment it starts in; the terminal's own environment comes before what a new login shell
 * would set, and that before a line in a startup file that may not run in every shell.
 */
export function placeRank(place: SightingPlace): number {
  switch (place.kind) {
    case 'settings':
      return SCOPE_RANK[place.scope];
    case 'process':
      return 3;
    case 'login-shell':
      return 4;
    case 'startup-file':
      return 5;
  }
}

/** The sightings of one variable, strongest place first (stable within a place). */
export function sightingsOf(
  sightings: readonly VariableSighting[],
  variable: RouteVariable,
): VariableSighting[] {
  return sightings
    .filter((sighting) => sighting.variable === variable)
    .map((sighting, index) => ({ sighting, index }))
    .sort((a, b) => placeRank(a.sighting.place) - placeRank(b.sighting.place) || a.index - b.index)
    .map(({ sighting }) => sighting);
}

const TRUTHY = new Set(['1', 'true', 'yes', 'on']);

/** Whether a sighting turns its variable on: a non-empty credential, or a truthy switch. */
export function isActive(sighting: VariableSighting): boolean {
  if (sighting.state !== 'set') return false;
  if (!isCloudSwitch(sighting.variable) || sighting.dynamic === true) return true;
  return TRUTHY.has((sighting.flag ?? '').toLowerCase());
}

/** Within one startup file the last line wins (`unset` after `export`); any active file counts. */
function startupFileVerdict(sightings: readonly VariableSighting[]): VariableSighting | undefined {
  const lastPerFile = new Map<string, VariableSighting>();
  for (const sighting of sightings) {
    if (sighting.place.kind === 'startup-file') lastPerFile.set(sighting.place.file, sighting);
  }
  const last = [...lastPerFile.values()];
  return last.find(isActive) ?? last.at(-1);
}

/** The sighting that decides a variable's value for Claude Code, if any place sets it. */
export function effectiveSighting(
  sightings: readonly VariableSighting[],
  variable: RouteVariable,
): VariableSighting | undefined {
  const ordered = sightingsOf(sightings, variable);
  const first = ordered[0];
  if (first === undefined || first.place.kind !== 'startup-file') return first;
  return startupFileVerdict(ordered);
}

/**
 * The plan named by the stored sign-in and the account record; the account's user tier is asked
 * when the organization's names no plan.
 */
export function loginPlan(login: LoginFacts): string | null {
  const signals = {
    subscriptionType: login.credentials?.subscriptionType ?? null,
    rateLimitTier: login.credentials?.rateLimitTier ?? null,
    organizationType: login.account?.organizationType ?? null,
  };
  return (
    planName({ ...signals, accountRateLimitTier: login.account?.rateLimitTier ?? null }) ??
    planName({ ...signals, accountRateLimitTier: login.account?.userRateLimitTier ?? null })
  );
}

/** Whether Claude Code has a login to fall back on (else even an unapproved key is used). */
function hasLogin(login: LoginFacts): boolean {
  return login.account !== null || login.credentials !== null || login.consoleApiKey;
}

function activeVariable(
  facts: RouteFacts,
  variable: RouteVariable,
  accept: (sighting: VariableSighting) => boolean = () => true,
): RouteCause | null {
  const sighting = effectiveSighting(facts.sightings, variable);
  if (sighting === undefined || !isActive(sighting) || !accept(sighting)) return null;
  return { kind: 'variable', variable, sighting };
}

/** An `ANTHROPIC_API_KEY` wins once approved; when approval cannot be told, assume it may. */
function keyIsUsed(sighting: VariableSighting): boolean {
  return sighting.approval !== 'not-approved' && sighting.approval !== 'rejected';
}

/** `apiKeyHelper` settings, strongest file first (local, project, user). */
export function helpersInOrder(helpers: readonly HelperSetting[]): HelperSetting[] {
  return [...helpers].sort((a, b) => SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope]);
}

function helperCause(helpers: readonly HelperSetting[]): RouteCause | null {
  const helper = helpersInOrder(helpers)[0];
  return helper === undefined ? null : { kind: 'helper', helper };
}

/**
 * Claude Code's authentication precedence, first match wins (docs/PROTOCOLS.md "Billing route"):
 * cloud switches → `ANTHROPIC_AUTH_TOKEN` → approved `ANTHROPIC_API_KEY` → `apiKeyHelper` →
 * `CLAUDE_CODE_OAUTH_TOKEN` → the subscription login → unknown.
 */
export function decideRoute(facts: RouteFacts): RouteDecision {
  const plan = loginPlan(facts.login);
  for (const cloudSwitch of CLOUD_SWITCHES) {
    const cause = activeVariable(facts, cloudSwitch);
    if (cause !== null) return { route: 'cloud', cause, plan, headlessKey: null };
  }
  // With no login to fall back on, Claude Code uses the key even before it is approved.
  const loggedIn = hasLogin(facts.login);
  const steps: [RouteDecision['route'], RouteCause | null][] = [
    ['auth-token', activeVariable(facts, 'ANTHROPIC_AUTH_TOKEN')],
    [
      'api-key',
      activeVariable(facts, 'ANTHROPIC_API_KEY', (sighting) => !loggedIn || keyIsUsed(sighting)),
    ],
  ];
  for (const [route, cause] of steps) {
    if (cause !== null) return { route, cause, plan, headlessKey: null };
  }
  const key = activeVariable(facts, 'ANTHROPIC_API_KEY');
  const headlessKey = key?.kind === 'variable' ? key.sighting : null;
  const later: [RouteDecision['route'], RouteCause | null][] = [
    ['api-key-helper', helperCause(facts.helpers)],
    ['oauth-token', activeVariable(facts, 'CLAUDE_CODE_OAUTH_TOKEN')],
  ];
  for (const [route, cause] of later)
    if (cause !== null) return { route, cause, plan, headlessKey };
  const { login } = facts;
  if (login.consoleApiKey && plan === null)
    return { route: 'api-key', cause: { kind: 'console-key' }, plan, headlessKey };
  if (login.account !== null || login.credentials !== null) {
    return { route: 'subscription', cause: { kind: 'login' }, plan, headlessKey };
  }
  return { route: 'unknown', cause: { kind: 'none' }, plan, headlessKey };
}

import { decideRoute, effectiveSighting } from './decide-route';
import type { RouteDecision, RouteKind } from './decide-route';
import { isCloudSwitch } from './route-facts';
import type { RouteFacts } from './route-facts';
import { CLOUD_PROVIDERS, placeSource, routeEvidence } from './route-evidence';
import type { RouteEvidence } from './route-evidence';
import { routeFix } from './route-fix';

/** The route check's verdict, with the words every surface shows. */
export interface RouteReport {
  readonly route: RouteKind;
  /** The subscription plan found ("Max 5x"), whatever the route; null when none is recorded. */
  readonly plan: string | null;
  /** One sentence: "Claude Code bills your API key (ANTHROPIC_API_KEY), not your Max 5x subscription". */
  readonly headline: string;
  /** A short form for the popover's route line: "API key (ANTHROPIC_API_KEY), not your subscription". */
  readonly summary: string;
  readonly evidence: readonly RouteEvidence[];
  /** Ordered steps back to the subscription; empty when already there. */
  readonly fix: readonly string[];
}

/** The stable `pacewatch route --json` contract. */
export interface RouteJson {
  readonly route: RouteKind;
  readonly plan: string | null;
  readonly evidence: readonly RouteEvidence[];
  readonly fix: readonly string[];
}

function notSubscription(plan: string | null): string {
  return plan === null ? 'not a Claude subscription' : `not your ${plan} subscription`;
}

function gatewayHost(facts: RouteFacts): string {
  const sighting = effectiveSighting(facts.sightings, 'ANTHROPIC_BASE_URL');
  if (sighting?.state !== 'set') return 'the Anthropic API';
  return sighting.host ?? 'a custom endpoint';
}

function headline(facts: RouteFacts, decision: RouteDecision): string {
  const { cause, plan } = decision;
  const not = notSubscription(plan);
  if (cause.kind === 'variable') {
    const { variable } = cause;
    if (isCloudSwitch(variable))
      return `Claude Code bills ${CLOUD_PROVIDERS[variable]} (${variable}), ${not}`;
    if (variable === 'ANTHROPIC_AUTH_TOKEN') {
      return `Claude Code sends a bearer token (ANTHROPIC_AUTH_TOKEN) to ${gatewayHost(facts)}, ${not}`;
    }
    if (variable === 'CLAUDE_CODE_OAUTH_TOKEN') {
      return 'Claude Code signs in with a long-lived token (CLAUDE_CODE_OAUTH_TOKEN), not your own claude.ai login';
    }
    if (cause.sighting.place.kind === 'startup-file') {
      return `Your shell exports ${variable} (${placeSource(cause.sighting.place)}), so Claude Code bills that API key, ${not}`;
    }
    return `Claude Code bills your API key (${variable}), ${not}`;
  }
  switch (cause.kind) {
    case 'helper':
      return `Claude Code bills the API key from apiKeyHelper (${cause.helper.file}), ${not}`;
    case 'console-key':
      return 'Claude Code bills your Anthropic Console account (an API key from a Console login), not a Claude subscription';
    case 'login': {
      const login =
        plan === null
          ? 'Claude Code bills your claude.ai subscription login (plan not named)'
          : `Claude Code bills your ${plan} subscription (claude.ai login)`;
      const key = decision.headlessKey;
      return key === null
        ? login
        : `${login} in interactive sessions, but \`claude -p\` bills the API key in ANTHROPIC_API_KEY (${placeSource(key.place)}) without asking`;
    }
    case 'none':
      return 'Pacewatch could not tell which account Claude Code bills: no login, key or token was found';
  }
}

function summary(decision: RouteDecision): string {
  const { cause, plan } = decision;
  const not = plan === null ? 'not a subscription' : 'not your subscription';
  switch (cause.kind) {
    case 'variable':
      if (isCloudSwitch(cause.variable)) return `${CLOUD_PROVIDERS[cause.variable]}, ${not}`;
      if (cause.variable === 'ANTHROPIC_AUTH_TOKEN')
        return `Bearer token (ANTHROPIC_AUTH_TOKEN), ${not}`;
      if (cause.variable === 'CLAUDE_CODE_OAUTH_TOKEN')
        return 'Long-lived token (CLAUDE_CODE_OAUTH_TOKEN)';
      return `API key (${cause.variable}), ${not}`;
    case 'helper':
      return `API key from apiKeyHelper, ${not}`;
    case 'console-key':
      return 'Anthropic Console API key, not a subscription';
    case 'login':
      return decision.headlessKey === null
        ? `${plan ?? 'claude.ai'} subscription`
        : `${plan ?? 'claude.ai'} subscription; \`claude -p\` bills an API key`;
    case 'none':
      return 'Unknown: no login found';
  }
}

/** Judges the gathered facts: the route by Claude Code's precedence, its evidence and fix. */
export function buildRouteReport(facts: RouteFacts): RouteReport {
  const decision = decideRoute(facts);
  return {
    route: decision.route,
    plan: decision.plan,
    headline: headline(facts, decision),
    summary: summary(decision),
    evidence: routeEvidence(facts),
    fix: routeFix(facts, decision),
  };
}

/** The report as the `--json` contract: exactly `route`, `plan`, `evidence`, `fix`. */
export function routeJson(report: RouteReport): RouteJson {
  return { route: report.route, plan: report.plan, evidence: report.evidence, fix: report.fix };
}

import type {
  KeyApproval,
  RouteVariable,
  SightingPlace,
  VariableSighting,
} from '../../../shared/domain/route/route-facts';
import { ROUTE_VARIABLES, isCloudSwitch } from '../../../shared/domain/route/route-facts';
import { Secret } from '../../../shared/domain/secret';

/** The route variables of one environment; values wrapped so they cannot be printed by accident. */
export type RouteEnv = Partial<Record<RouteVariable, Secret>>;

/**
 * A sighting before the approval check: for an `ANTHROPIC_API_KEY` with a literal value, its
 * last 20 characters (what Claude Code stores for approved keys), in memory only.
 */
export interface RawSighting {
  readonly sighting: VariableSighting;
  readonly keyTail?: Secret;
}

/** The API keys Claude Code approved or declined (last 20 characters each), or unreadable. */
export type KeyApprovals =
  { readonly approved: readonly string[]; readonly rejected: readonly string[] } | 'unreadable';

const FLAG_WORD = /^[A-Za-z0-9]{1,8}$/;

/** Whether a name is one of the route variables. */
export function isRouteVariable(name: string): name is RouteVariable {
  return (ROUTE_VARIABLES as readonly string[]).includes(name);
}

/** Picks the route variables out of an environment; nothing else is kept. */
export function routeEnvFrom(env: Readonly<Record<string, string | undefined>>): RouteEnv {
  const picked: RouteEnv = {};
  for (const name of ROUTE_VARIABLES) {
    const value = env[name];
    if (value !== undefined) picked[name] = new Secret(value);
  }
  return picked;
}

function hostOf(value: string): string | null {
  try {
    return new URL(value).hostname || null;
  } catch {
    return null;
  }
}

/**
 * Describes one value without keeping it: set or empty, a switch's short flag word, a base
 * URL's host, an API key's last 20 characters (as a Secret). `dynamic`: computed by the shell.
 */
export function describeValue(
  variable: RouteVariable,
  value: Secret,
  place: SightingPlace,
  dynamic = false,
): RawSighting {
  const raw = value.reveal().trim();
  if (raw.length === 0 && !dynamic) return { sighting: { variable, place, state: 'empty' } };
  const base = { variable, place, state: 'set' as const, ...(dynamic ? { dynamic } : {}) };
  if (isCloudSwitch(variable)) {
    return { sighting: dynamic ? base : { ...base, flag: FLAG_WORD.test(raw) ? raw : null } };
  }
  if (variable === 'ANTHROPIC_BASE_URL') {
    return { sighting: { ...base, host: dynamic ? null : hostOf(raw) } };
  }
  if (variable === 'ANTHROPIC_API_KEY' && !dynamic) {
    return { sighting: base, keyTail: new Secret(raw.slice(-20)) };
  }
  return { sighting: base };
}

/** One sighting per route variable an environment holds. */
export function sightingsFromEnv(env: RouteEnv, place: SightingPlace): RawSighting[] {
  return ROUTE_VARIABLES.flatMap((variable) => {
    const value = env[variable];
    return value === undefined ? [] : [describeValue(variable, value, place)];
  });
}

function approvalOf(keyTail: Secret | undefined, approvals: KeyApprovals): KeyApproval {
  if (keyTail === undefined || approvals === 'unreadable') return 'unknown';
  const tail = keyTail.reveal();
  if (approvals.approved.includes(tail)) return 'approved';
  if (approvals.rejected.includes(tail)) return 'rejected';
  return 'not-approved';
}

/** The final sighting: an `ANTHROPIC_API_KEY` that is set gets its approval; the key tail is dropped. */
export function withApproval(raw: RawSighting, approvals: KeyApprovals): VariableSighting {
  const { sighting } = raw;
  if (sighting.variable !== 'ANTHROPIC_API_KEY' || sighting.state !== 'set') return sighting;
  return { ...sighting, approval: approvalOf(raw.keyTail, approvals) };
}

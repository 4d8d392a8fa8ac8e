/** The plan-bearing fields Claude Code keeps: the credential's and the account's. */
export interface PlanSignals {
  /** `.credentials.json` `claudeAiOauth.subscriptionType`: `pro`, `max`, `team`, `enterprise`. */
  readonly subscriptionType?: string | null;
  /** `.credentials.json` `claudeAiOauth.rateLimitTier`, e.g. `default_claude_max_5x`. */
  readonly rateLimitTier?: string | null;
  /** `~/.claude.json` `oauthAccount.organizationType`, e.g. `claude_max`. */
  readonly organizationType?: string | null;
  /** `~/.claude.json` `oauthAccount.organizationRateLimitTier` (or `userRateLimitTier`). */
  readonly accountRateLimitTier?: string | null;
}

type PlanKind = 'pro' | 'max' | 'ultra' | 'team' | 'enterprise';

/** The names Anthropic sells the plans under since late 2026 (docs/PROTOCOLS.md "Plans"). */
const KIND_NAMES: Readonly<Record<PlanKind, string>> = {
  pro: 'Pro',
  max: 'Max',
  ultra: 'Ultra',
  team: 'Team',
  enterprise: 'Enterprise',
};

function kindOf(value: string | null | undefined): PlanKind | null {
  const word = (value ?? '')
    .trim()
    .toLowerCase()
    .replace(/^claude_/, '');
  return word in KIND_NAMES ? (word as PlanKind) : null;
}

/**
 * The plan a rate-limit tier names: `default_claude_max_20x` and `…_ultra` are Ultra (Max 20x
 * was renamed Ultra), `…_max_5x` and `…_max` are Max; null for a tier that names none of them.
 */
function tierKind(tier: string): PlanKind | null {
  if (/_20x$/.test(tier) || /(?:^|_)ultra(?:_|$)/.test(tier)) return 'ultra';
  if (/claude_max(?:_5x)?$/.test(tier)) return 'max';
  const match = /^default_claude_([a-z]+)$/.exec(tier);
  return match ? kindOf(match[1]) : null;
}

/**
 * A plan field that claims a plan Pacewatch does not know: a subscription type, or a
 * `default_claude_…` tier other than `default_claude_ai` (which every non-Max account carries).
 */
function unknownPlanField(subscriptionType: string | null | undefined, tiers: string[]) {
  const type = subscriptionType?.trim();
  if (type) return type;
  return (
    tiers.find((tier) => tier.startsWith('default_claude_') && tier !== 'default_claude_ai') ?? null
  );
}

/**
 * The plan's name as Anthropic sells it — "Pro", "Max", "Ultra", "Team", "Enterprise" — from
 * whatever plan fields are present. A plan field that names no known plan is shown as such
 * ("plan tier `xyz` (unknown)"), never guessed; null when no field is present.
 */
export function planName(signals: PlanSignals): string | null {
  const tiers = [signals.rateLimitTier, signals.accountRateLimitTier]
    .filter((tier): tier is string => typeof tier === 'string' && tier.trim().length > 0)
    .map((tier) => tier.trim().toLowerCase());
  const fromTier = tiers.map(tierKind).find((kind) => kind !== null) ?? null;
  const kind = kindOf(signals.subscriptionType) ?? kindOf(signals.organizationType);
  // The tier tells Max from Ultra; the subscription type alone says only "max".
  if (kind === 'max' || kind === null) {
    if (fromTier !== null) return KIND_NAMES[fromTier];
    if (kind === 'max') return KIND_NAMES.max;
  }
  if (kind !== null) return KIND_NAMES[kind];
  const unknown = unknownPlanField(signals.subscriptionType, tiers);
  return unknown === null ? null : `plan tier \`${unknown}\` (unknown)`;
}

/** An email shown without its local part: `jane@example.com` → `j…@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '…';
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}…${email.slice(at)}`;
}

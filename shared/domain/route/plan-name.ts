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

type PlanKind = 'pro' | 'max' | 'team' | 'enterprise';

const KIND_NAMES: Readonly<Record<PlanKind, string>> = {
  pro: 'Pro',
  max: 'Max',
  team: 'Team',
  enterprise: 'Enterprise',
};

function kindOf(value: string | null | undefined): PlanKind | null {
  const word = (value ?? '')
    .trim()
    .toLowerCase()
    .replace(/^claude_/, '');
  return word === 'pro' || word === 'max' || word === 'team' || word === 'enterprise' ? word : null;
}

/** A Max tier is only told by the rate-limit tier's suffix (`…_5x`, `…_20x`). */
function maxMultiplier(tiers: readonly string[]): '5x' | '20x' | null {
  if (tiers.some((tier) => /_20x$/.test(tier))) return '20x';
  if (tiers.some((tier) => /_5x$/.test(tier))) return '5x';
  return null;
}

/**
 * The plan's name as Anthropic sells it — "Pro", "Max 5x", "Max 20x", "Max", "Team",
 * "Enterprise" — from whatever plan fields are present; null when none names a plan.
 */
export function planName(signals: PlanSignals): string | null {
  const tiers = [signals.rateLimitTier, signals.accountRateLimitTier]
    .filter((tier): tier is string => typeof tier === 'string' && tier.length > 0)
    .map((tier) => tier.toLowerCase());
  const kind =
    kindOf(signals.subscriptionType) ??
    kindOf(signals.organizationType) ??
    (tiers.some((tier) => tier.includes('claude_max')) ? 'max' : null);
  if (kind === null) return null;
  if (kind !== 'max') return KIND_NAMES[kind];
  const multiplier = maxMultiplier(tiers);
  return multiplier === null ? 'Max' : `Max ${multiplier}`;
}

/** An email shown without its local part: `jane@example.com` → `j…@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '…';
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}…${email.slice(at)}`;
}

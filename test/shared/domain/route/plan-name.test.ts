import { describe, expect, it } from 'vitest';
import { maskEmail, planName } from '../../../../shared/domain/route/plan-name';

describe('planName', () => {
  it.each([
    [{ subscriptionType: 'pro', rateLimitTier: 'default_claude_ai' }, 'Pro'],
    // Max 5x is sold as "Max" and Max 20x as "Ultra" since late 2026 (docs/PROTOCOLS.md "Plans").
    [{ subscriptionType: 'max', rateLimitTier: 'default_claude_max_5x' }, 'Max'],
    [{ subscriptionType: 'max', rateLimitTier: 'default_claude_max_20x' }, 'Ultra'],
    [{ subscriptionType: 'max', rateLimitTier: 'default_claude_ultra' }, 'Ultra'],
    [{ subscriptionType: 'ultra', rateLimitTier: 'default_claude_ultra' }, 'Ultra'],
    [{ rateLimitTier: 'default_claude_ultra' }, 'Ultra'],
    [{ subscriptionType: 'pro', rateLimitTier: 'default_claude_ultra' }, 'Pro'],
    [{ subscriptionType: 'max' }, 'Max'],
    [{ subscriptionType: 'team' }, 'Team'],
    [{ subscriptionType: 'enterprise' }, 'Enterprise'],
    [{ organizationType: 'claude_pro', accountRateLimitTier: 'default_claude_ai' }, 'Pro'],
    [{ organizationType: 'claude_max', accountRateLimitTier: 'default_claude_max_5x' }, 'Max'],
    [{ organizationType: 'claude_max', accountRateLimitTier: 'default_claude_max_20x' }, 'Ultra'],
    [{ organizationType: 'claude_team' }, 'Team'],
    [{ organizationType: 'claude_enterprise' }, 'Enterprise'],
  ])('names the plan from %j as %s', (signals, expected) => {
    expect(planName(signals)).toBe(expected);
  });

  it('tells a Max tier from the account when the credential only says "max"', () => {
    expect(
      planName({ subscriptionType: 'max', accountRateLimitTier: 'default_claude_max_20x' }),
    ).toBe('Ultra');
  });

  it('prefers the credential over the account record when they disagree', () => {
    expect(planName({ subscriptionType: 'pro', organizationType: 'claude_max' })).toBe('Pro');
  });

  it('reads a Max plan from the rate-limit tier alone', () => {
    expect(planName({ accountRateLimitTier: 'default_claude_max_5x' })).toBe('Max');
  });

  it('names an unknown tier as such instead of guessing a plan', () => {
    expect(planName({ subscriptionType: 'xyz' })).toBe('plan tier `xyz` (unknown)');
    expect(planName({ rateLimitTier: 'default_claude_galaxy' })).toBe(
      'plan tier `default_claude_galaxy` (unknown)',
    );
  });

  it('names no plan when nothing names one', () => {
    expect(planName({})).toBeNull();
    expect(
      planName({ organizationType: 'api_org', accountRateLimitTier: 'default_claude_ai' }),
    ).toBeNull();
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j…@example.com');
  });

  it('shows nothing of an address without a domain', () => {
    expect(maskEmail('jane')).toBe('…');
  });
});

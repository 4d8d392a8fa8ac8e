import { describe, expect, it } from 'vitest';
import { maskEmail, planName } from '../../../../shared/domain/route/plan-name';

describe('planName', () => {
  it.each([
    [{ subscriptionType: 'pro', rateLimitTier: 'default_claude_ai' }, 'Pro'],
    [{ subscriptionType: 'max', rateLimitTier: 'default_claude_max_5x' }, 'Max 5x'],
    [{ subscriptionType: 'max', rateLimitTier: 'default_claude_max_20x' }, 'Max 20x'],
    [{ subscriptionType: 'max' }, 'Max'],
    [{ subscriptionType: 'team' }, 'Team'],
    [{ subscriptionType: 'enterprise' }, 'Enterprise'],
    [{ organizationType: 'claude_pro', accountRateLimitTier: 'default_claude_ai' }, 'Pro'],
    [{ organizationType: 'claude_max', accountRateLimitTier: 'default_claude_max_5x' }, 'Max 5x'],
    [{ organizationType: 'claude_max', accountRateLimitTier: 'default_claude_max_20x' }, 'Max 20x'],
    [{ organizationType: 'claude_team' }, 'Team'],
    [{ organizationType: 'claude_enterprise' }, 'Enterprise'],
  ])('names the plan from %j as %s', (signals, expected) => {
    expect(planName(signals)).toBe(expected);
  });

  it('tells a Max tier from the account when the credential only says "max"', () => {
    expect(
      planName({ subscriptionType: 'max', accountRateLimitTier: 'default_claude_max_20x' }),
    ).toBe('Max 20x');
  });

  it('prefers the credential over the account record when they disagree', () => {
    expect(planName({ subscriptionType: 'pro', organizationType: 'claude_max' })).toBe('Pro');
  });

  it('reads a Max plan from the rate-limit tier alone', () => {
    expect(planName({ accountRateLimitTier: 'default_claude_max_5x' })).toBe('Max 5x');
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

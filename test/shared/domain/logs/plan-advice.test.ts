import { describe, expect, it } from 'vitest';
import { planAdvice, usageLast30Days } from '../../../../shared/domain/logs/plan-advice';
import { entriesOf } from './entries-factory';

describe('plan advice', () => {
  it('names the plan that costs less than API billing would have, in one paragraph', () => {
    const advice = planAdvice({
      costLast30DaysUsd: 143,
      activeDays: 18,
      limitHits: null,
      blocks: 42,
      peakBlockCostUsd: 21.4,
    });
    expect(advice.recommended).toBe('max5x');
    // Price alone, said as price ("costs less than"), never "covers that" (issue 10).
    expect(advice.sentence).toBe(
      "Pacewatch could not tell your current plan (Claude Code's sign-in names none). On API billing the last 30 days would have cost $143.00 (18 active days); your busiest 5-hour block $21.40. By price alone Max ($100.00) costs less than that, saving $43.00 a month; Ultra ($200.00) would cost more than the API would have. Anthropic publishes no token limits for the plans, only their ratio to Pro (Max: 5×, Ultra: 20×), and your current plan is not known: whether a cheaper plan would hold your busiest block is not known. Local logs cannot show how often you hit a limit: they show 42 five-hour blocks of activity.",
    );
    expect(advice.plans.map((plan) => [plan.id, plan.savingUsd])).toEqual([
      ['pro', 123],
      ['max5x', 43],
      ['max20x', -57],
    ]);
  });

  it('says pay-as-you-go was cheaper below Pro’s price', () => {
    const advice = planAdvice({ costLast30DaysUsd: 12.5, activeDays: 1, limitHits: 0 });
    expect(advice.recommended).toBe('api');
    expect(advice.sentence).toBe(
      "Pacewatch could not tell your current plan (Claude Code's sign-in names none). On API billing the last 30 days would have cost $12.50 (1 active day). By price alone that is less than Pro's $20.00 a month, so paying per token would have been cheaper. Anthropic publishes no token limits for the plans, only their ratio to Pro (Max: 5×, Ultra: 20×), and your current plan is not known: whether a cheaper plan would hold your busiest block is not known. You did not hit a limit in that time.",
    );
  });

  it('suggests the next plan up when limits were hit often (count from the engine’s history)', () => {
    const advice = planAdvice({ costLast30DaysUsd: 450, activeDays: 28, limitHits: 5 });
    expect(advice.recommended).toBe('max20x');
    expect(advice.sentence).toContain('You hit a limit 5 times in that time.');
    const busy = planAdvice({ costLast30DaysUsd: 150, activeDays: 28, limitHits: 4 });
    expect(busy.sentence).toContain(
      'You hit a limit 4 times in that time, often enough that Ultra ($200.00) may be worth its extra cost.',
    );
  });

  it('says how many days the limit count covers when Pacewatch has watched for less than 30', () => {
    const sentence = (limitHits: number, limitHistoryDays: number): string =>
      planAdvice({ costLast30DaysUsd: 12.5, activeDays: 1, limitHits, limitHistoryDays }).sentence;
    expect(sentence(1, 3)).toContain(
      'You hit a limit once in the 3 days Pacewatch has been watching.',
    );
    expect(sentence(0, 1)).toContain(
      'You did not hit a limit in the day Pacewatch has been watching.',
    );
  });

  it('has nothing to compare without usage', () => {
    expect(planAdvice({ costLast30DaysUsd: 0, activeDays: 0, limitHits: null }).sentence).toBe(
      "Pacewatch could not tell your current plan (Claude Code's sign-in names none). Claude Code logged no usage in the last 30 days, so there is nothing to compare plans with.",
    );
  });

  it('compares capacity: the busiest session and week on the current plan, scaled to the others', () => {
    // The case: $25 a month, but the busiest 5-hour block used 62 % of Max's limit.
    const advice = planAdvice({
      costLast30DaysUsd: 25,
      activeDays: 6,
      limitHits: 0,
      blocks: 9,
      peakBlockCostUsd: 20,
      peakWeekCostUsd: 24,
      currentPlan: 'Max',
      peakSessionPercent: 62,
      peakWeekPercent: 40,
    });
    expect(advice.currentPlan).toBe('max5x');
    expect(advice.recommended).toBe('max5x');
    expect(advice.plans.map((plan) => [plan.id, plan.peakSessionPercent, plan.fit])).toEqual([
      ['pro', 310, 'over'],
      ['max5x', 62, 'fits'],
      ['max20x', 15.5, 'fits'],
    ]);
    expect(advice.sentence).toBe(
      "You are on Max (from Claude Code's sign-in). On API billing the last 30 days would have cost $25.00 (6 active days); your busiest 5-hour block $20.00 and your busiest week $24.00. By price alone Pro ($20.00) costs less than that, saving $5.00 a month; Max ($100.00) would cost more than the API would have. At your busiest you used 62% of its 5-hour limit and 40% of its weekly limit on Max; by their ratio to Pro (Max: 5×, Ultra: 20×) that would be Pro 310% and 200% (over its limit); Ultra 16% and 10%. You did not hit a limit in that time.",
    );
  });

  it('counts a limit hit on the current plan as over its capacity', () => {
    const advice = planAdvice({
      costLast30DaysUsd: 30,
      activeDays: 6,
      limitHits: 2,
      currentPlan: 'Pro',
      peakSessionPercent: 100,
      peakWeekPercent: 70,
    });
    expect(advice.plans.map((plan) => plan.fit)).toEqual(['over', 'fits', 'fits']);
    expect(advice.recommended).toBe('max5x');
  });

  it('says what is not known with a current plan but no usage history', () => {
    const advice = planAdvice({
      costLast30DaysUsd: 30,
      activeDays: 6,
      limitHits: null,
      currentPlan: 'Pro',
    });
    expect(advice.sentence).toContain(
      'Anthropic publishes no token limits for the plans, only their ratio to Pro (Max: 5×, Ultra: 20×), and Pacewatch has no usage history yet to read your busiest session against your limits (keep `pacewatch watch` or the app running): whether a cheaper plan would hold your busiest block is not known.',
    );
  });

  it('reads the last 30 days from the logs: cost, active days, blocks and the busiest block', () => {
    const entries = entriesOf([
      { at: '2026-08-01T10:00:00Z', cost: 100 },
      { at: '2026-09-10T10:00:00Z', cost: 2 },
      { at: '2026-09-10T11:00:00Z', cost: 3 },
      { at: '2026-09-20T10:00:00Z', cost: 4 },
    ]);
    expect(usageLast30Days(entries, Date.parse('2026-09-30T00:00:00Z'), 'UTC')).toEqual({
      costLast30DaysUsd: 9,
      unpricedTokens: {},
      activeDays: 2,
      blocks: 2,
      peakBlockCostUsd: 5,
      peakWeekCostUsd: 5,
    });
  });

  it('says a cost that leaves out a model without a price is a lower bound, and names the model', () => {
    const entries = entriesOf(
      [
        { at: '2026-09-10T10:00:00Z', cost: 143 },
        { at: '2026-09-20T10:00:00Z', output: 35_200, model: 'claude-mystery-1' },
      ],
      ['claude-mystery-1'],
    );
    const usage = usageLast30Days(entries, Date.parse('2026-09-30T00:00:00Z'), 'UTC');
    expect(usage.unpricedTokens).toEqual({ 'claude-mystery-1': 35_200 });
    expect(planAdvice({ ...usage, limitHits: null }).sentence).toContain(
      'On API billing the last 30 days would have cost at least $143.00 (2 active days); your busiest 5-hour block $143.00 and your busiest week $143.00. Tokens of claude-mystery-1 have no price, so these costs leave them out.',
    );
  });
});

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
    expect(advice.sentence).toBe(
      'On API billing the last 30 days would have cost $143 (18 active days). Max 5x ($100) covers that, saving $43.00 a month; Max 20x ($200) would cost more than the API would have. Local logs cannot show how often you hit a limit: they show 42 five-hour blocks of activity; the busiest cost $21.40 at API prices.',
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
      "On API billing the last 30 days would have cost $12.50 (1 active day). That is less than Pro's $20 a month, so paying per token would have been cheaper. You did not hit a limit in that time.",
    );
  });

  it('suggests the next plan up when limits were hit often (count from the engine’s history)', () => {
    const advice = planAdvice({ costLast30DaysUsd: 450, activeDays: 28, limitHits: 5 });
    expect(advice.recommended).toBe('max20x');
    expect(advice.sentence).toContain('You hit a limit 5 times in that time.');
    const busy = planAdvice({ costLast30DaysUsd: 150, activeDays: 28, limitHits: 4 });
    expect(busy.sentence).toContain(
      'You hit a limit 4 times in that time, often enough that Max 20x ($200) may be worth its extra pacewatch.',
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
      'Claude Code logged no usage in the last 30 days, so there is nothing to compare plans with.',
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
      activeDays: 2,
      blocks: 2,
      peakBlockCostUsd: 5,
    });
  });
});

import { entryCost } from './aggregate';
import { buildBlocks } from './blocks';
import type { UsageEntries } from './entries';
import { createDayKey } from './time-zone';

/** A Claude subscription plan and its monthly price (PROTOCOLS.md "Plans"). */
export interface Plan {
  readonly id: 'pro' | 'max5x' | 'max20x';
  readonly name: string;
  readonly monthlyUsd: number;
}

/** Pro $20, Max 5x $100, Max 20x $200 a month. */
export const PLANS: readonly Plan[] = [
  { id: 'pro', name: 'Pro', monthlyUsd: 20 },
  { id: 'max5x', name: 'Max 5x', monthlyUsd: 100 },
  { id: 'max20x', name: 'Max 20x', monthlyUsd: 200 },
];

/** What plan advice is based on. */
export interface PlanAdviceInput {
  /** API-equivalent cost of the last 30 days, from local logs. */
  readonly costLast30DaysUsd: number;
  /** Days in the last 30 with any usage. */
  readonly activeDays: number;
  /** Times a limit was hit in the last 30 days (from the engine's usage history); null: unknown. */
  readonly limitHits: number | null;
  /** Days of usage history the count covers, when fewer than 30 (Pacewatch was installed since). */
  readonly limitHistoryDays?: number;
  /** 5-hour blocks with activity in the last 30 days (ccusage's approximation of sessions). */
  readonly blocks?: number;
  /** The most expensive of those blocks, at API prices. */
  readonly peakBlockCostUsd?: number;
}

/** The advice: one plain paragraph, and the facts behind it for `--json`. */
export interface PlanAdvice {
  readonly sentence: string;
  /** The plan that pays off: the dearest one that still costs less than API billing would. */
  readonly recommended: Plan['id'] | 'api';
  readonly plans: readonly {
    id: Plan['id'];
    name: string;
    monthlyUsd: number;
    savingUsd: number;
  }[];
}

/** Hits a month from which the next plan up is worth a mention. */
const FREQUENT_HITS = 3;

const money = (usd: number): string =>
  usd >= 100 ? `$${Math.round(usd).toLocaleString('en-US')}` : `$${usd.toFixed(2)}`;

/**
 * Compares the last 30 days at API prices with the plans: a plan pays off when it costs less
 * than API billing would have. Local logs cannot tell whether a limit was hit, so the count comes
 * from the engine's history when it has one; otherwise the paragraph says what the logs do show
 * (5-hour blocks and the busiest one).
 */
export function planAdvice(input: PlanAdviceInput): PlanAdvice {
  const cost = Math.max(0, input.costLast30DaysUsd);
  const plans = PLANS.map((plan) => ({ ...plan, savingUsd: cost - plan.monthlyUsd }));
  const paying = PLANS.filter((plan) => plan.monthlyUsd <= cost);
  const best = paying.at(-1);
  if (input.activeDays === 0 || cost === 0) {
    const sentence =
      'Claude Code logged no usage in the last 30 days, so there is nothing to compare plans with.';
    return { sentence, recommended: 'api', plans };
  }
  const parts = [
    `On API billing the last 30 days would have cost ${money(cost)} (${input.activeDays} active ${input.activeDays === 1 ? 'day' : 'days'}).`,
  ];
  if (best === undefined) {
    parts.push(`That is less than Pro's $20 a month, so paying per token would have been cheaper.`);
  } else {
    const next = PLANS[PLANS.indexOf(best) + 1];
    parts.push(
      `${best.name} ($${best.monthlyUsd}) covers that, saving ${money(cost - best.monthlyUsd)} a month${next === undefined ? '' : `; ${next.name} ($${next.monthlyUsd}) would cost more than the API would have`}.`,
    );
  }
  parts.push(limitSentence(input, best));
  return { sentence: parts.join(' '), recommended: best?.id ?? 'api', plans };
}

function limitSentence(input: PlanAdviceInput, best: Plan | undefined): string {
  if (input.limitHits !== null) {
    const hits = input.limitHits;
    const next = best === undefined ? PLANS[0] : PLANS[PLANS.indexOf(best) + 1];
    const count =
      hits === 0
        ? 'You did not hit a limit'
        : `You hit a limit ${hits === 1 ? 'once' : `${hits} times`}`;
    const more =
      hits >= FREQUENT_HITS && next !== undefined
        ? `, often enough that ${next.name} ($${next.monthlyUsd}) may be worth its extra pacewatch`
        : '';
    const days = input.limitHistoryDays;
    const span =
      days === undefined || days >= 30
        ? 'in that time'
        : `in the ${days <= 1 ? 'day' : `${days} days`} Pacewatch has been watching`;
    return `${count} ${span}${more}.`;
  }
  const blocks = input.blocks ?? 0;
  const peak = input.peakBlockCostUsd;
  const busiest =
    peak === undefined || blocks === 0 ? '' : `; the busiest cost ${money(peak)} at API prices`;
  return `Local logs cannot show how often you hit a limit: they show ${blocks} five-hour ${blocks === 1 ? 'block' : 'blocks'} of activity${busiest}.`;
}

/** What the local logs say about the last 30 days, for `planAdvice` (limit hits come from elsewhere). */
export function usageLast30Days(
  entries: UsageEntries,
  now: number,
  /** An IANA zone, or null for this machine's (see createDayKey). */
  timeZone: string | null,
): Omit<PlanAdviceInput, 'limitHits'> & {
  readonly blocks: number;
  readonly peakBlockCostUsd: number;
} {
  const since = now - 30 * 86_400_000;
  const dayKey = createDayKey(timeZone);
  const days = new Set<string>();
  let cost = 0;
  for (let index = 0; index < entries.count; index += 1) {
    const at = entries.timestamp[index] ?? 0;
    if (at <= since || at > now) continue;
    cost += entryCost(entries, index, 'auto');
    days.add(dayKey(at));
  }
  const blocks = buildBlocks(entries, now, 'auto').filter(
    (block) => !block.isGap && (block.lastActivityAt ?? 0) > since,
  );
  return {
    costLast30DaysUsd: cost,
    activeDays: days.size,
    blocks: blocks.length,
    peakBlockCostUsd: blocks.reduce((peak, block) => Math.max(peak, block.costUsd), 0),
  };
}

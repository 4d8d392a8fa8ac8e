import { countUnpriced, entryCost, labelTable } from './aggregate';
import { buildBlocks } from './blocks';
import type { UsageEntries } from './entries';
import { createDayKey } from './time-zone';
import { isLowerBound, unpricedList, type UnpricedTokens } from './unpriced';
import { formatMoney } from '../format';

/** A Claude subscription plan and its monthly price (docs/PROTOCOLS.md "Plans"). */
export interface Plan {
  readonly id: 'pro' | 'max5x' | 'max20x';
  readonly name: string;
  readonly monthlyUsd: number;
}

/** Pro $20, Max $100 (formerly Max 5x), Ultra $200 (formerly Max 20x) a month. */
export const PLANS: readonly Plan[] = [
  { id: 'pro', name: 'Pro', monthlyUsd: 20 },
  { id: 'max5x', name: 'Max', monthlyUsd: 100 },
  { id: 'max20x', name: 'Ultra', monthlyUsd: 200 },
];

/**
 * Each plan's capacity relative to Pro: Max 5×, Ultra (formerly Max 20×) 20× (docs/PROTOCOLS.md
 * "Plans"). Anthropic publishes no token figures, only these ratios.
 */
export const PLAN_CAPACITY: Readonly<Record<Plan['id'], number>> = { pro: 1, max5x: 5, max20x: 20 };

/** What plan advice is based on. */
export interface PlanAdviceInput {
  /** API-equivalent cost of the last 30 days, from local logs. */
  readonly costLast30DaysUsd: number;
  /** Tokens of models without a price, per model: the costs leave them out (lower bounds). */
  readonly unpricedTokens?: UnpricedTokens;
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
  /** The most expensive 7 days in a row, at API prices. */
  readonly peakWeekCostUsd?: number;
  /** The plan Claude Code's sign-in names ("Max"), or null when none is found. */
  readonly currentPlan?: string | null;
  /** The highest session and week percentages the usage history read in the last 30 days. */
  readonly peakSessionPercent?: number | null;
  readonly peakWeekPercent?: number | null;
}

/** How a plan would have held the busiest session and week, as far as that is known. */
export type PlanFit = 'fits' | 'over' | 'unknown';

/** The advice: one plain paragraph, and the facts behind it for `--json`. */
export interface PlanAdvice {
  readonly sentence: string;
  /**
   * The plan to be on: the cheapest whose capacity holds the busiest session and week when that
   * is known, and at least the dearest one that costs less than API billing would.
   */
  readonly recommended: Plan['id'] | 'api';
  /** The current plan's id, when the sign-in names one of the plans compared. */
  readonly currentPlan: Plan['id'] | null;
  readonly plans: readonly {
    id: Plan['id'];
    name: string;
    monthlyUsd: number;
    savingUsd: number;
    /** Relative to Pro. */
    capacity: number;
    /** The busiest session and week as a share of this plan's limits; null when not known. */
    peakSessionPercent: number | null;
    peakWeekPercent: number | null;
    fit: PlanFit;
  }[];
}

/** Hits a month from which the next plan up is worth a mention. */
const FREQUENT_HITS = 3;

const money = (usd: number): string => formatMoney(usd, 'USD');
const percent = (value: number): string => `${Math.round(value)}%`;

function planOf(name: string | null | undefined): Plan | null {
  if (name === null || name === undefined) return null;
  return PLANS.find((plan) => plan.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/** The busiest session and week scaled from the current plan's limits to each plan's. */
function capacities(input: PlanAdviceInput, current: Plan | null): PlanAdvice['plans'] {
  const cost = Math.max(0, input.costLast30DaysUsd);
  const scale = (peak: number | null | undefined, plan: Plan): number | null =>
    current === null || peak === null || peak === undefined
      ? null
      : (peak * PLAN_CAPACITY[current.id]) / PLAN_CAPACITY[plan.id];
  return PLANS.map((plan) => {
    const session = scale(input.peakSessionPercent, plan);
    const week = scale(input.peakWeekPercent, plan);
    const known = [session, week].filter((value): value is number => value !== null);
    const hitHere = current?.id === plan.id && (input.limitHits ?? 0) > 0;
    const fit: PlanFit = hitHere
      ? 'over'
      : known.length === 0
        ? 'unknown'
        : known.every((value) => value < 100)
          ? 'fits'
          : 'over';
    return {
      ...plan,
      savingUsd: cost - plan.monthlyUsd,
      capacity: PLAN_CAPACITY[plan.id],
      peakSessionPercent: session,
      peakWeekPercent: week,
      fit,
    };
  });
}

/**
 * Compares the last 30 days with the plans by price (API-equivalent cost against each plan's
 * price) and by capacity: the busiest session and week, read as percentages of the current plan's
 * limits in Pacewatch's history, scaled by the plans' published ratios. Anthropic publishes no
 * token limits, so where the history or the current plan is missing the paragraph says what is
 * not known instead of guessing.
 */
export function planAdvice(input: PlanAdviceInput): PlanAdvice {
  const cost = Math.max(0, input.costLast30DaysUsd);
  const current = planOf(input.currentPlan);
  const plans = capacities(input, current);
  const byPrice = PLANS.filter((plan) => plan.monthlyUsd <= cost).at(-1);
  const fitting = plans.find((plan) => plan.fit === 'fits');
  const needed = fitting ?? (plans.some((plan) => plan.fit === 'over') ? plans.at(-1) : undefined);
  const rank = (id: Plan['id'] | undefined) =>
    id === undefined ? -1 : PLANS.findIndex((p) => p.id === id);
  const recommended = rank(needed?.id) > rank(byPrice?.id) ? needed?.id : byPrice?.id;
  const base = {
    recommended: recommended ?? ('api' as const),
    currentPlan: current?.id ?? null,
    plans,
  };
  if (input.activeDays === 0 || cost === 0) {
    const sentence = `${currentSentence(input)} Claude Code logged no usage in the last 30 days, so there is nothing to compare plans with.`;
    return { ...base, sentence };
  }
  const parts = [
    currentSentence(input),
    usageSentence(input, cost),
    priceSentence(byPrice, cost),
    capacitySentence(input, current, plans),
    limitSentence(input, byPrice),
  ];
  return { ...base, sentence: parts.join(' ') };
}

function currentSentence(input: PlanAdviceInput): string {
  const name = input.currentPlan ?? null;
  return name === null
    ? "Pacewatch could not tell your current plan (Claude Code's sign-in names none)."
    : `You are on ${name} (from Claude Code's sign-in).`;
}

function usageSentence(input: PlanAdviceInput, cost: number): string {
  const days = `${input.activeDays} active ${input.activeDays === 1 ? 'day' : 'days'}`;
  const peaks = [
    input.peakBlockCostUsd === undefined || (input.blocks ?? 0) === 0
      ? null
      : `your busiest 5-hour block ${money(input.peakBlockCostUsd)}`,
    input.peakWeekCostUsd === undefined
      ? null
      : `your busiest week ${money(input.peakWeekCostUsd)}`,
  ].filter((part): part is string => part !== null);
  const atLeast = isLowerBound(input.unpricedTokens) ? 'at least ' : '';
  const unpriced = unpricedList([input.unpricedTokens ?? {}]);
  const left =
    unpriced.length === 0
      ? ''
      : ` Tokens of ${unpriced.map((item) => item.model).join(', ')} have no price, so these costs leave them out.`;
  return `On API billing the last 30 days would have cost ${atLeast}${money(cost)} (${days})${peaks.length === 0 ? '' : `; ${peaks.join(' and ')}`}.${left}`;
}

function priceSentence(best: Plan | undefined, cost: number): string {
  if (best === undefined) {
    return `By price alone that is less than Pro's ${money(PLANS[0]?.monthlyUsd ?? 20)} a month, so paying per token would have been cheaper.`;
  }
  const next = PLANS[PLANS.indexOf(best) + 1];
  return `By price alone ${best.name} (${money(best.monthlyUsd)}) costs less than that, saving ${money(cost - best.monthlyUsd)} a month${next === undefined ? '' : `; ${next.name} (${money(next.monthlyUsd)}) would cost more than the API would have`}.`;
}

/** "Max: 5×, Ultra: 20×": the plans' published capacity against Pro's. */
const RATIOS = (): string =>
  PLANS.slice(1)
    .map((plan) => `${plan.name}: ${PLAN_CAPACITY[plan.id]}×`)
    .join(', ');

function capacitySentence(
  input: PlanAdviceInput,
  current: Plan | null,
  plans: PlanAdvice['plans'],
): string {
  const known = plans.filter((plan) => plan.fit !== 'unknown' && plan.id !== current?.id);
  if (current === null || known.length === 0) {
    const why =
      current === null
        ? 'and your current plan is not known'
        : 'and Pacewatch has no usage history yet to read your busiest session against your limits (keep `pacewatch watch` or the app running)';
    return `Anthropic publishes no token limits for the plans, only their ratio to Pro (${RATIOS()}), ${why}: whether a cheaper plan would hold your busiest block is not known.`;
  }
  const peaks = [
    input.peakSessionPercent == null
      ? null
      : `${percent(input.peakSessionPercent)} of its 5-hour limit`,
    input.peakWeekPercent == null ? null : `${percent(input.peakWeekPercent)} of its weekly limit`,
  ].filter((part): part is string => part !== null);
  const others = known.map((plan) => {
    const shares = [plan.peakSessionPercent, plan.peakWeekPercent]
      .filter((value): value is number => value !== null)
      .map(percent)
      .join(' and ');
    return `${plan.name} ${shares}${plan.fit === 'over' ? ' (over its limit)' : ''}`;
  });
  return `At your busiest you used ${peaks.join(' and ')} on ${current.name}; by their ratio to Pro (${RATIOS()}) that would be ${others.join('; ')}.`;
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
        ? `, often enough that ${next.name} (${money(next.monthlyUsd)}) may be worth its extra cost`
        : '';
    const days = input.limitHistoryDays;
    const span =
      days === undefined || days >= 30
        ? 'in that time'
        : `in the ${days <= 1 ? 'day' : `${days} days`} Pacewatch has been watching`;
    return `${count} ${span}${more}.`;
  }
  const blocks = input.blocks ?? 0;
  return `Local logs cannot show how often you hit a limit: they show ${blocks} five-hour ${blocks === 1 ? 'block' : 'blocks'} of activity.`;
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
  readonly peakWeekCostUsd: number;
} {
  const since = now - 30 * 86_400_000;
  const dayKey = createDayKey(timeZone);
  const days = new Set<string>();
  const dayCosts = new Map<number, number>();
  const unpricedTokens: Record<string, number> = {};
  const label = labelTable(entries);
  let cost = 0;
  for (let index = 0; index < entries.count; index += 1) {
    const at = entries.timestamp[index] ?? 0;
    if (at <= since || at > now) continue;
    const entry = entryCost(entries, index, 'auto');
    cost += entry;
    countUnpriced(entries, index, 'auto', label(index), unpricedTokens);
    days.add(dayKey(at));
    // Days counted back from now: the busiest week is the costliest 7 of them in a row.
    const back = Math.floor((now - at) / 86_400_000);
    dayCosts.set(back, (dayCosts.get(back) ?? 0) + entry);
  }
  const blocks = buildBlocks(entries, now, 'auto').filter(
    (block) => !block.isGap && (block.lastActivityAt ?? 0) > since,
  );
  return {
    costLast30DaysUsd: cost,
    unpricedTokens,
    activeDays: days.size,
    blocks: blocks.length,
    peakBlockCostUsd: blocks.reduce((peak, block) => Math.max(peak, block.costUsd), 0),
    peakWeekCostUsd: busiestWeek(dayCosts),
  };
}

/** The costliest 7 consecutive days of the last 30 (day 0 is the 24 h before now). */
function busiestWeek(dayCosts: ReadonlyMap<number, number>): number {
  let peak = 0;
  for (let start = 0; start < 30; start += 1) {
    let week = 0;
    for (let day = start; day < start + 7; day += 1) week += dayCosts.get(day) ?? 0;
    peak = Math.max(peak, week);
  }
  return peak;
}

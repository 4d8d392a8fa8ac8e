import { normalizeModelId } from '../../../../shared/domain/logs/prices';
import type { ModelSpend, Spend, ToolCost, UsageWindow } from '../../../../shared/domain/snapshot';
import type { CostRow, TokenRow } from './parse';

/** The UTC month `now` falls in, and the end of the current UTC day (the reports' last bucket). */
export function monthBounds(now: number): { start: number; nextMonth: number; nextDay: number } {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    start: Date.UTC(year, month, 1),
    nextMonth: Date.UTC(year, month + 1, 1),
    nextDay: Date.UTC(year, month, date.getUTCDate() + 1),
  };
}

/** Rounds away float noise from summing many decimal amounts (to a millionth of a unit). */
const tidy = (value: number): number => Math.round(value * 1e6) / 1e6;

interface Totals {
  cents: number;
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
}

/**
 * Month-to-date spend in major units, from the report rows: per model (most expensive first),
 * cost and token rows matched by the model's id without date suffix (the cost report names
 * `claude-opus-5-5`, the token report `claude-opus-5-5-20260922`), and the costs tied to no
 * model (web search, code execution) by kind.
 */
export function summarizeSpend(
  costs: readonly CostRow[],
  tokens: readonly TokenRow[],
  since: number,
): Spend {
  const byModel = new Map<string, Totals>();
  const totalsFor = (model: string): Totals => {
    let totals = byModel.get(model);
    if (totals === undefined) {
      totals = { cents: 0, input: 0, output: 0, cacheCreation: 0, cacheRead: 0 };
      byModel.set(model, totals);
    }
    return totals;
  };
  let cents = 0;
  const tools = new Map<string, number>();
  for (const row of costs) {
    cents += row.cents;
    if (row.model !== null) totalsFor(normalizeModelId(row.model)).cents += row.cents;
    else {
      const kind = row.costType ?? 'other';
      tools.set(kind, (tools.get(kind) ?? 0) + row.cents);
    }
  }
  for (const row of tokens) {
    if (row.model === null) continue;
    const totals = totalsFor(normalizeModelId(row.model));
    totals.input += row.inputTokens;
    totals.output += row.outputTokens;
    totals.cacheCreation += row.cacheCreationTokens;
    totals.cacheRead += row.cacheReadTokens;
  }
  const models: ModelSpend[] = [...byModel.entries()]
    .map(([model, totals]) => ({
      model,
      cost: tidy(totals.cents / 100),
      inputTokens: totals.input,
      outputTokens: totals.output,
      cacheCreationTokens: totals.cacheCreation,
      cacheReadTokens: totals.cacheRead,
    }))
    .sort((a, b) => b.cost - a.cost || a.model.localeCompare(b.model));
  const toolCosts: ToolCost[] = [...tools.entries()]
    .map(([kind, toolCents]) => ({ kind, cost: tidy(toolCents / 100) }))
    .sort((a, b) => b.cost - a.cost || a.kind.localeCompare(b.kind));
  return {
    amount: tidy(cents / 100),
    currency: costs[0]?.currency ?? 'USD',
    since,
    models,
    toolCosts,
  };
}

/** "$200", "$150.50": the budget as its label shows it. */
function budgetAmount(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${whole ? amount : amount.toFixed(2)} ${currency}`;
  }
}

/**
 * Spend against the monthly budget as a limit window (`monthly_budget`): utilization is the
 * share of the budget spent, and it resets at the start of next month (UTC), so thresholds,
 * projection and alerts apply to it as to any window. The label names the budget
 * ("Month · $200 budget"), which is how notifications name it too.
 */
export function budgetWindow(spend: Spend, budget: number, resetsAt: number): UsageWindow {
  return {
    id: 'monthly_budget',
    label: `Month · ${budgetAmount(budget, spend.currency)} budget`,
    utilization: Math.round((spend.amount / budget) * 100 * 100) / 100,
    resetsAt,
    money: { used: spend.amount, limit: budget, currency: spend.currency },
  };
}

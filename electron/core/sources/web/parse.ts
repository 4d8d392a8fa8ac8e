import { z } from 'zod';
import type { ExtraUsage, PrepaidCredits } from '../../../../shared/domain/snapshot';
import { validMoney } from '../../../../shared/domain/valid';
import { readJsonBody } from '../json-body';

// claude.ai's side endpoints (docs/PROTOCOLS.md "claude.ai session"). The usage body itself has the
// OAuth shape and goes through usage-response/parse.ts.

const organizationSchema = z.object({
  uuid: z.string().min(1),
  capabilities: z.array(z.unknown()).nullish().catch(null),
});

/** The organisation to read usage for, or why there is none. */
export type OrganizationPick =
  { ok: true; uuid: string } | { ok: false; kind: 'parse' | 'no-chat'; message: string };

/** Picks the first organisation whose capabilities include `chat` from `/api/organizations`. */
export function pickChatOrganization(body: string): OrganizationPick {
  const json = readJsonBody(body);
  if (!json.ok) return { ok: false, kind: 'parse', message: json.message };
  if (!Array.isArray(json.value)) {
    return { ok: false, kind: 'parse', message: 'no list of organisations' };
  }
  for (const entry of json.value) {
    const org = organizationSchema.safeParse(entry);
    if (org.success && (org.data.capabilities ?? []).includes('chat')) {
      return { ok: true, uuid: org.data.uuid };
    }
  }
  return { ok: false, kind: 'no-chat', message: 'no organisation with chat' };
}

// An impossible amount (negative, 1e308) is not a figure: it reads as absent.
const cents = z.unknown().transform(validMoney);

const overageSchema = z.object({
  monthly_credit_limit: cents,
  used_credits: cents,
  is_enabled: z.boolean().nullish().catch(null),
  currency: z.string().min(1).nullish().catch(null),
});

/**
 * The extra-usage spend limit from `/overage_spend_limit` (cents → major units); null when the
 * body is not one (the usage body's own `extra_usage` is used then).
 */
export function parseOverage(body: string): ExtraUsage | null {
  const json = readJsonBody(body);
  if (!json.ok) return null;
  const parsed = overageSchema.safeParse(json.value);
  if (!parsed.success) return null;
  const { monthly_credit_limit: limitCents, used_credits: usedCents, is_enabled } = parsed.data;
  if (is_enabled == null && limitCents == null && usedCents == null) return null;
  const limit = limitCents != null && limitCents > 0 ? limitCents / 100 : null;
  const used = (usedCents ?? 0) / 100;
  return {
    // An organisation that omits is_enabled while money is being spent has it on.
    enabled: is_enabled ?? used > 0,
    used,
    limit,
    currency: (parsed.data.currency ?? 'USD').toUpperCase(),
    utilization: limit === null ? null : (used / limit) * 100,
  };
}

const prepaidSchema = z.object({
  amount: z.number().refine((amount) => validMoney(amount) !== null),
  currency: z.string().min(1).nullish().catch(null),
});

/**
 * The prepaid credit balance from `/prepaid/credits` (cents → major units); null when absent or
 * negative (a balance below zero is not a real balance: it would read "-$0.01").
 */
export function parsePrepaidCredits(body: string): PrepaidCredits | null {
  const json = readJsonBody(body);
  if (!json.ok) return null;
  const parsed = prepaidSchema.safeParse(json.value);
  if (!parsed.success || !Number.isFinite(parsed.data.amount) || parsed.data.amount < 0)
    return null;
  return {
    amount: parsed.data.amount / 100,
    currency: (parsed.data.currency ?? 'USD').toUpperCase(),
  };
}

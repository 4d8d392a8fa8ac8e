import { z } from 'zod';

// The usage body of `/api/oauth/usage` and claude.ai's `/api/organizations/{org}/usage`
// (docs/PROTOCOLS.md "OAuth usage"). Every key is optional or null and unknown keys are dropped.
// The session and week windows are checked strictly (a changed shape there is worth a parse
// error); the rest degrades to "absent" so a change in a side field never hides the main figures.

/** A number, or a numeric string such as "53.5" (some answers send percentages as strings). */
export const wireNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(?:\.\d+)?$/)
    .transform(Number),
]);

const optionalNumber = wireNumber.nullish();
/** A side number: anything unreadable is treated as absent. */
const sideNumber = wireNumber.nullish().catch(null);

/** One limit window as the server sends it; dollar fields are reported on some accounts. */
export const wireWindowSchema = z.object({
  utilization: optionalNumber,
  resets_at: z.unknown().optional(),
  limit_dollars: sideNumber,
  used_dollars: sideNumber,
});

/** The pay-as-you-go spend block; money in minor units (cents). */
export const wireExtraUsageSchema = z.object({
  is_enabled: z.boolean().nullish().catch(null),
  monthly_limit: sideNumber,
  used_credits: sideNumber,
  utilization: sideNumber,
  currency: z.string().nullish().catch(null),
  decimal_places: z.number().int().min(0).max(6).nullish().catch(null),
  disabled_reason: z.string().nullish().catch(null),
});

/** An amount in `spend`: `{ amount_minor, currency, exponent }`, or a bare number of minor units. */
const wireAmountSchema = z.union([
  wireNumber.transform((minor) => ({ minor, currency: null, exponent: null })),
  z
    .object({
      amount_minor: wireNumber,
      currency: z.string().nullish().catch(null),
      exponent: z.number().int().min(0).max(6).nullish().catch(null),
    })
    .transform((amount) => ({
      minor: amount.amount_minor,
      currency: amount.currency ?? null,
      exponent: amount.exponent ?? null,
    })),
]);

/** The newer `spend` block that mirrors `extra_usage` (reported, unconfirmed). */
export const wireSpendSchema = z.object({
  enabled: z.boolean().nullish().catch(null),
  is_enabled: z.boolean().nullish().catch(null),
  used: wireAmountSchema.nullish().catch(null),
  limit: wireAmountSchema.nullish().catch(null),
  percent: sideNumber,
  currency: z.string().nullish().catch(null),
  disabled_reason: z.string().nullish().catch(null),
});

/** One `limits[]` entry; checked one at a time, a malformed entry is skipped. */
export const wireLimitSchema = z.object({
  kind: z.string(),
  percent: optionalNumber,
  resets_at: z.unknown().optional(),
  severity: z.string().nullish().catch(null),
  /** The limit the server considers binding now; anything but a boolean counts as unsent. */
  is_active: z.boolean().nullish().catch(null),
  scope: z
    .object({
      model: z.object({ display_name: z.string().nullish() }).nullish().catch(null),
      surface: z.unknown().optional(),
    })
    .nullish()
    .catch(null),
});

/** One banked-reset grant in the `cedar_ember` block; checked one at a time. */
export const wireGrantSchema = z.object({
  id: z.string().min(1),
  label: z.string().nullish().catch(null),
  resets_total: sideNumber,
  resets_left: sideNumber,
  starts_at: z.unknown().optional(),
  ends_at: z.unknown().optional(),
  clears: z.array(z.unknown()).nullish().catch(null),
  paused: z.boolean().nullish().catch(null),
  usable_now: z.boolean().nullish().catch(null),
});

/** The banked-reset block `?cedar_ember=1` adds (reported, unconfirmed). */
export const wireCedarEmberSchema = z.object({
  eligible: z.boolean().nullish().catch(null),
  grants: z.array(z.unknown()).nullish().catch(null),
});

/** A window the server sends beside the session and the week: absent when malformed. */
const sideWindow = wireWindowSchema.nullish().catch(null);

/** The top level of a usage body. */
export const wireUsageSchema = z.object({
  five_hour: wireWindowSchema.nullish(),
  seven_day: wireWindowSchema.nullish(),
  seven_day_opus: sideWindow,
  seven_day_sonnet: sideWindow,
  seven_day_overage_included: sideWindow,
  seven_day_routines: sideWindow,
  seven_day_cowork: sideWindow,
  seven_day_design: sideWindow,
  seven_day_omelette: sideWindow,
  cinder_cove: sideWindow,
  extra_usage: wireExtraUsageSchema.nullish().catch(null),
  spend: wireSpendSchema.nullish().catch(null),
  limits: z.array(z.unknown()).nullish().catch(null),
  cedar_ember: wireCedarEmberSchema.nullish().catch(null),
});

/** A parsed usage body. */
export type WireUsage = z.infer<typeof wireUsageSchema>;
/** A parsed window. */
export type WireWindow = z.infer<typeof wireWindowSchema>;
/** A parsed extra-usage block. */
export type WireExtraUsage = z.infer<typeof wireExtraUsageSchema>;
/** A parsed spend block. */
export type WireSpend = z.infer<typeof wireSpendSchema>;
/** A parsed `limits[]` entry. */
export type WireLimit = z.infer<typeof wireLimitSchema>;

/**
 * The top-level keys that make a body a usage body (an error object has none of them).
 * Claude Code's own check uses the same idea (docs/PROTOCOLS.md "OAuth usage").
 */
export const USAGE_KEYS = [
  'five_hour',
  'seven_day',
  'seven_day_opus',
  'seven_day_sonnet',
  'seven_day_oauth_apps',
  'seven_day_overage_included',
  'cinder_cove',
  'extra_usage',
  'spend',
  'limits',
] as const;

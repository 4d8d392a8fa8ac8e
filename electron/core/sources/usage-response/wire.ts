import { z } from 'zod';

// The usage body of `/api/oauth/usage` and claude.ai's `/api/organizations/{org}/usage`
// (PROTOCOLS.md "OAuth usage"). Every key is optional or null and unknown keys are dropped.
// The session and week windows are checked strictly (a changed shape there is worth a parse
// error); the rest degrades to "absent" so a change in a side field never hides the main figures.

const optionalNumber = z.number().nullish();

/** One limit window as the server sends it. */
export const wireWindowSchema = z.object({
  utilization: optionalNumber,
  resets_at: z.unknown().optional(),
});

/** The pay-as-you-go spend block; money in minor units (cents). */
export const wireExtraUsageSchema = z.object({
  is_enabled: z.boolean().nullish(),
  monthly_limit: optionalNumber,
  used_credits: optionalNumber,
  utilization: optionalNumber,
  currency: z.string().nullish(),
  decimal_places: z.number().int().min(0).max(6).nullish().catch(null),
});

/** One `limits[]` entry; checked one at a time, a malformed entry is skipped. */
export const wireLimitSchema = z.object({
  kind: z.string(),
  percent: optionalNumber,
  resets_at: z.unknown().optional(),
  /** The limit the server considers binding now; anything but a boolean counts as unsent. */
  is_active: z.boolean().nullish().catch(null),
  scope: z
    .object({
      model: z.object({ display_name: z.string().nullish() }).nullish(),
    })
    .nullish()
    .catch(null),
});

/** The top level of a usage body. */
export const wireUsageSchema = z.object({
  five_hour: wireWindowSchema.nullish(),
  seven_day: wireWindowSchema.nullish(),
  seven_day_opus: wireWindowSchema.nullish().catch(null),
  seven_day_sonnet: wireWindowSchema.nullish().catch(null),
  extra_usage: wireExtraUsageSchema.nullish().catch(null),
  limits: z.array(z.unknown()).nullish().catch(null),
});

/** A parsed usage body. */
export type WireUsage = z.infer<typeof wireUsageSchema>;
/** A parsed window. */
export type WireWindow = z.infer<typeof wireWindowSchema>;
/** A parsed extra-usage block. */
export type WireExtraUsage = z.infer<typeof wireExtraUsageSchema>;
/** A parsed `limits[]` entry. */
export type WireLimit = z.infer<typeof wireLimitSchema>;

/** The top-level keys that make a body a usage body (an error object has none of them). */
export const USAGE_KEYS = [
  'five_hour',
  'seven_day',
  'seven_day_opus',
  'seven_day_sonnet',
  'extra_usage',
  'limits',
] as const;

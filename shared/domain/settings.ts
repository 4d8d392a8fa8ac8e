import { z } from 'zod';
import { DEFAULT_POLL_INTERVAL_SECONDS } from './poll-policy';
import { validEpochMs, validMoney } from './valid';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "22:30"');
const percent = z.number().min(1).max(100);

/** What the tray title shows: the binding window, the session, the week, or session and week. */
export const TRAY_TITLE_CHOICES = ['binding', 'session', 'week', 'both'] as const;
/** One of TRAY_TITLE_CHOICES. */
export type TrayTitleChoice = (typeof TRAY_TITLE_CHOICES)[number];

/**
 * The user's settings, as stored in `settings.json`. Every field has a default, so a partial or
 * hand-edited file still loads; unknown keys are dropped.
 */
export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  alerts: z
    .object({
      thresholds: z.array(percent).max(10).default([50, 75, 90]),
      windowThresholds: z.record(z.string(), z.array(percent).max(10)).default({}),
      lockoutLeadMinutes: z
        .number()
        .min(0)
        .max(24 * 60)
        .default(30),
      notifyOnReset: z.boolean().default(true),
    })
    .prefault({}),
  /** Seconds between polls, per source. */
  pollIntervalSeconds: z
    .object({
      oauth: z.number().min(1).default(DEFAULT_POLL_INTERVAL_SECONDS),
      web: z.number().min(1).default(DEFAULT_POLL_INTERVAL_SECONDS),
      admin: z.number().min(1).default(3600),
    })
    .prefault({}),
  requestTimeoutSeconds: z.number().min(1).max(120).default(15),
  snoozeUntil: z
    .number()
    .refine((at) => validEpochMs(at) !== null, 'a real time')
    .nullable()
    .default(null),
  quietHours: z.object({ start: clockTime, end: clockTime }).nullable().default(null),
  launchAtLogin: z.boolean().default(false),
  /** What the tray title shows ("S 42%", "W 73%", or both). */
  trayTitle: z.enum(TRAY_TITLE_CHOICES).default('binding'),
  sources: z
    .object({
      oauth: z.object({ enabled: z.boolean().default(true) }).prefault({}),
      web: z.object({ enabled: z.boolean().default(false) }).prefault({}),
      admin: z
        .object({
          enabled: z.boolean().default(false),
          monthlyBudgetUsd: z
            .number()
            .positive()
            .refine((usd) => validMoney(usd) !== null, 'a believable amount')
            .nullable()
            .default(null),
        })
        .prefault({}),
      statusline: z.object({ enabled: z.boolean().default(true) }).prefault({}),
      logs: z.object({ enabled: z.boolean().default(true) }).prefault({}),
    })
    .prefault({}),
});

/** The user's settings with every default filled in. */
export type Settings = z.output<typeof settingsSchema>;

/** Settings with nothing changed by the user. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

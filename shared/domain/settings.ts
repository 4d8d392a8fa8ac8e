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
      logs: z
        .object({
          enabled: z.boolean().default(true),
          /** Fetch model prices once a day (docs/PROTOCOLS.md "Price refresh"); false: built-in only. */
          refreshPrices: z.boolean().default(true),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The app downloads new versions from GitHub Releases; it restarts only when the user asks. */
  autoUpdate: z.boolean().default(true),
});

/** The user's settings with every default filled in. */
export type Settings = z.output<typeof settingsSchema>;

/** Settings with nothing changed by the user. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Settings read from a file that had fields no surface can use, and which fields those were. */
export interface RecoveredSettings {
  readonly settings: Settings;
  /** Each dropped field as `path (what was wrong)`, e.g. `requestTimeoutSeconds (…)`. */
  readonly dropped: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Removes the value at `path`; false when nothing is there. */
function removeAt(root: Json, path: readonly string[]): boolean {
  let at: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(at)) return false;
    at = at[key];
  }
  const last = path[path.length - 1];
  if (!isObject(at) || last === undefined || !Object.prototype.hasOwnProperty.call(at, last)) {
    return false;
  }
  return Reflect.deleteProperty(at, last);
}

/**
 * Settings recovered field by field (docs/RELIABILITY.md, defect 6): a value the schema refuses
 * is dropped, so its default applies, and every other field is kept. A list (thresholds) is
 * kept or dropped whole. A field missing where a group needs it (a quiet-hours end) drops the
 * group. Never throws; what is not an object at all gives the defaults.
 */
export function recoverSettings(data: unknown): RecoveredSettings {
  if (!isObject(data)) {
    return { settings: defaultSettings(), dropped: ['everything (the file is not a JSON object)'] };
  }
  // A copy to cut fields from (the data came from JSON text, so JSON copies it whole).
  const working = JSON.parse(JSON.stringify(data)) as Json;
  const dropped = new Map<string, string>();
  // Each round removes at least one value, so the loop ends within the file's size.
  for (;;) {
    const parsed = settingsSchema.safeParse(working);
    if (parsed.success) {
      // A group dropped later replaces the reports of its own fields.
      const paths = [...dropped.keys()];
      const outermost = paths.filter(
        (path) => !paths.some((other) => other !== path && path.startsWith(`${other}.`)),
      );
      return {
        settings: parsed.data,
        dropped: outermost.map((path) => `${path} (${dropped.get(path) ?? 'invalid'})`),
      };
    }
    let removed = false;
    const gone: string[] = [];
    for (const issue of parsed.error.issues) {
      const keys = issue.path.map(String);
      // A list is one field: cut the path at the first index into it.
      const index = issue.path.findIndex((key) => typeof key === 'number');
      let path = index === -1 ? keys : keys.slice(0, index);
      // Two issues about one value (-5 is neither positive nor believable): removed once.
      const dotted = path.join('.');
      if (gone.some((done) => dotted === done || dotted.startsWith(`${done}.`))) continue;
      // Nothing there (a required value is missing): the group holding it goes.
      while (path.length > 0 && !removeAt(working, path)) path = path.slice(0, -1);
      if (path.length === 0) continue;
      removed = true;
      const at = path.join('.');
      gone.push(at);
      // A group dropped for a field dropped before it is reported with that field's reason.
      const inner = [...dropped].find(([key]) => key.startsWith(`${at}.`))?.[1];
      dropped.set(at, inner ?? issue.message);
    }
    if (!removed) {
      return { settings: defaultSettings(), dropped: ['everything (no field could be read)'] };
    }
  }
}

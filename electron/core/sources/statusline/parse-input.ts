import { windowLabel, type UsageWindow } from '../../../../shared/domain/snapshot';
import { finiteNumber, validEpochMs, validUtilization } from '../../../../shared/domain/valid';

// Claude Code's status-line input (docs/PROTOCOLS.md "Claude Code status line"). This runs on every
// prompt, so it is checked by hand rather than with zod (loading zod costs more than the rest of
// the command), and defensively: any field may be absent, null or of another type.

/** The windows the input reported (none before Claude's first reply), or why it is unreadable. */
export type StatuslineInput =
  | { readonly ok: true; readonly windows: readonly UsageWindow[] }
  | { readonly ok: false; readonly message: string };

const WINDOW_KEY = /^(five_hour|seven_day(_[a-z0-9]+(?:_[a-z0-9]+)*)?)$/;
/** Epoch values below this are seconds (as documented); above it, milliseconds. */
const SECONDS_LIMIT = 1e11;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `resets_at` as epoch ms: Unix seconds as documented, milliseconds or ISO text tolerated; null
 * when it is none of these or not a real time (1e300 is a number, not a reset time).
 */
export function statuslineResetTime(value: unknown): number | null {
  const number = finiteNumber(value);
  if (number !== null) {
    return validEpochMs(Math.round(number < SECONDS_LIMIT ? number * 1000 : number));
  }
  if (typeof value !== 'string') return null;
  return validEpochMs(Date.parse(value));
}

function toWindow(id: string, value: unknown): UsageWindow | null {
  if (!isRecord(value)) return null;
  const used = validUtilization(value.used_percentage ?? value.utilization);
  if (used === null) return null;
  return {
    id,
    label: windowLabel(id),
    utilization: used,
    resetsAt: statuslineResetTime(value.resets_at),
  };
}

const rank = (id: string): number => (id === 'five_hour' ? 0 : id === 'seven_day' ? 1 : 2);

/** Reads the status-line JSON; windows it cannot read are left out, never guessed. */
export function parseStatuslineInput(text: string): StatuslineInput {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return { ok: false, message: 'no input: Claude Code passes its status as JSON on stdin' };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { ok: false, message: "could not read Claude Code's status-line input (not JSON)" };
  }
  if (!isRecord(json)) {
    return { ok: false, message: "could not read Claude Code's status-line input (not an object)" };
  }
  const limits = json.rate_limits;
  if (!isRecord(limits)) return { ok: true, windows: [] };
  const windows = Object.entries(limits)
    .filter(([key]) => WINDOW_KEY.test(key))
    .map(([key, value]) => toWindow(key, value))
    .filter((window): window is UsageWindow => window !== null)
    .sort((a, b) => rank(a.id) - rank(b.id));
  return { ok: true, windows };
}

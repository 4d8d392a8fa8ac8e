import { groupEntries, type UsageGroup } from './aggregate';
import { buildBlocks, type UsageBlock } from './blocks';
import {
  blocksJson,
  dailyJson,
  monthlyJson,
  sessionsJson,
  type SessionGroup,
} from './ccusage-json';
import type { CostMode } from './cost';
import { plainEntries, type UsageEntries } from './entries';
import { createDayKey, monthOf } from './time-zone';

/** The reports `pacewatch report` prints. */
export type ReportKind = 'daily' | 'monthly' | 'sessions' | 'blocks';

/** Every report kind. */
export const REPORT_KINDS: readonly ReportKind[] = ['daily', 'monthly', 'sessions', 'blocks'];

/** What a report covers. */
export interface ReportOptions {
  /** An IANA zone for days and months; null: this machine's (see createDayKey). */
  readonly timeZone: string | null;
  /** Local dates `YYYY-MM-DD`, inclusive; null for no bound. */
  readonly since: string | null;
  readonly until: string | null;
  readonly mode: CostMode;
  /** epoch ms, for the active block. */
  readonly now: number;
}

/** One kind of report: its rows for tables, and ccusage's JSON for scripts. */
interface KindReport<K extends ReportKind, Row, Json> {
  readonly kind: K;
  readonly rows: Row[];
  readonly json: Json;
}

/** A computed report. */
export type Report =
  | KindReport<'daily', UsageGroup, ReturnType<typeof dailyJson>>
  | KindReport<'monthly', UsageGroup, ReturnType<typeof monthlyJson>>
  | KindReport<'sessions', SessionGroup, ReturnType<typeof sessionsJson>>
  | KindReport<'blocks', UsageBlock, ReturnType<typeof blocksJson>>;

/** Builds one report from the counted responses, with ccusage's date-filter rules. */
export function buildReport<K extends ReportKind>(
  entries: UsageEntries,
  kind: K,
  options: ReportOptions,
): Extract<Report, { kind: K }> {
  return build(entries, kind, options) as Extract<Report, { kind: K }>;
}

function build(table: UsageEntries, kind: ReportKind, options: ReportOptions): Report {
  const entries = plainEntries(table);
  const dayKey = createDayKey(options.timeZone);
  const unbounded = options.since === null && options.until === null;
  const inRange = (day: string): boolean =>
    (options.since === null || day >= options.since) &&
    (options.until === null || day <= options.until);
  const dayOf = (index: number): string | null => {
    const day = dayKey(entries.timestamp[index] ?? 0);
    return unbounded || inRange(day) ? day : null;
  };
  if (kind === 'daily') {
    const rows = groupEntries(entries, dayOf, { mode: options.mode });
    return { kind, rows, json: dailyJson(rows) };
  }
  if (kind === 'monthly') {
    const rows = groupEntries(
      entries,
      (index) => {
        const day = dayOf(index);
        return day === null ? null : monthOf(day);
      },
      { mode: options.mode },
    );
    return { kind, rows, json: monthlyJson(rows) };
  }
  if (kind === 'sessions') {
    const keyOf = (index: number): string | null => {
      if (!unbounded && dayOf(index) === null) return null;
      const source = entries.sources[entries.source[index] ?? -1];
      return `${source?.projectPath ?? ''}\u0000${source?.sessionId ?? ''}`;
    };
    const rows = groupEntries(entries, keyOf, { mode: options.mode }).map((group) => {
      const [projectPath = '', sessionId = ''] = group.key.split('\u0000');
      return { group, sessionId, projectPath };
    });
    return { kind, rows, json: sessionsJson(rows) };
  }
  // Blocks come from every entry (a block's shape depends on what came before); the range
  // selects blocks by their start date, as ccusage does.
  const rows = buildBlocks(entries, options.now, options.mode).filter((block) =>
    inRange(dayKey(block.startAt)),
  );
  return { kind, rows, json: blocksJson(rows, options.now) };
}

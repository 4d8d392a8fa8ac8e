// The states `pacewatch status` and `watch` are snapshotted in, built as the command builds them:
// usage bodies from the fake API (test/fakes/usage-bodies.ts) through the real parser, the poll
// policy's records, the history and the source views, at a fixed clock.
import { appendSnapshot, emptyHistory, type History } from '../../../../shared/domain/history';
import { pollPolicy, recordFailure, recordSuccess } from '../../../../shared/domain/poll-policy';
import type { Snapshot, SourceId } from '../../../../shared/domain/snapshot';
import { emptyRecord, type SourceRecord } from '../../../../shared/domain/source-record';
import { buildSourceView } from '../../../../shared/domain/source-view';
import { classifyResponse } from '../../../../electron/core/sources/http-errors';
import { oauthMessages } from '../../../../electron/core/sources/oauth/messages';
import { parseUsageBody } from '../../../../electron/core/sources/usage-response/parse';
import type { Visit } from '../../../../electron/cli/render/status-output';
import { expiredTokenError, fullUsageBody, serverError } from '../../../fakes/usage-bodies';

/** 22:00 UTC: the fake bodies' session resets at 00:30, their week on Wed 8 July at 09:00. */
export const NOW = Date.parse('2026-07-02T22:00:00.000Z');
const MINUTE = 60_000;
const policy = pollPolicy(300_000, false);
const messages = oauthMessages('api.anthropic.com', 15_000);

/** The documented full body with the session and week at these figures. */
function body(session: number, week: number): Record<string, unknown> {
  const full = fullUsageBody();
  const limits = (full.limits as Record<string, unknown>[]).map((limit) =>
    limit.kind === 'session'
      ? { ...limit, percent: session }
      : limit.kind === 'weekly_all'
        ? { ...limit, percent: week }
        : limit,
  );
  return {
    ...full,
    five_hour: { ...(full.five_hour as object), utilization: session },
    seven_day: { ...(full.seven_day as object), utilization: week },
    limits,
  };
}

function snapshotOf(wire: Record<string, unknown>, fetchedAt: number, source: SourceId): Snapshot {
  const parsed = parseUsageBody(JSON.stringify(wire));
  if (!parsed.ok) throw new Error(`the fake body does not parse: ${parsed.message}`);
  return { source, fetchedAt, windows: parsed.windows, extraUsage: parsed.extraUsage };
}

function response(status: number, errorBody: object) {
  return { status, header: () => null, body: JSON.stringify(errorBody) };
}

function failed(record: SourceRecord, status: number, errorBody: object, at: number) {
  return recordFailure(record, classifyResponse(response(status, errorBody), at, messages), {
    policy,
    now: at,
    random: 0.5,
    stamp: null,
  });
}

/** Readings [minutes before NOW, session, week] as the history keeps them. */
function historyOf(points: readonly (readonly [number, number, number])[]): History {
  return points.reduce(
    (history, [minutesAgo, session, week]) =>
      appendSnapshot(history, snapshotOf(body(session, week), NOW - minutesAgo * MINUTE, 'oauth')),
    emptyHistory(),
  );
}

function visitOf(record: SourceRecord, history: History = emptyHistory()): Visit {
  return { record, view: buildSourceView(record, history, policy, NOW) };
}

const ok = (session: number, week: number, minutesAgo = 2, source: SourceId = 'oauth') =>
  recordSuccess(
    emptyRecord(source),
    snapshotOf(body(session, week), NOW - minutesAgo * MINUTE, source),
    NOW - minutesAgo * MINUTE,
  );

/** Steady figures: enough readings to project every window (3 h of them), none that lock. */
const steady = (session: number, week: number) =>
  historyOf([
    [180, session, week],
    [80, session, week],
    [40, session, week],
    [2, session, week],
  ]);

/** One named state of the sources. */
export interface StatusState {
  readonly name: string;
  readonly visits: readonly Visit[];
}

export const STATES: readonly StatusState[] = [
  // First run: figures, but no readings yet to project from.
  { name: 'fresh, first run', visits: [visitOf(ok(11, 9))] },
  { name: 'fresh OK', visits: [visitOf(ok(11, 9), steady(11, 9))] },
  { name: 'warning', visits: [visitOf(ok(62, 80), steady(62, 80))] },
  {
    // 40 points an hour: at 100 % by 22:30, within the 30-minute lead time.
    name: 'critical: lockout soon',
    visits: [
      visitOf(
        ok(80, 40),
        historyOf([
          [180, 20, 40],
          [60, 40, 40],
          [30, 60, 40],
          [2, 80, 40],
        ]),
      ),
    ],
  },
  { name: 'at limit (locked)', visits: [visitOf(ok(100, 61), steady(100, 61))] },
  {
    name: 'stale: the last refresh failed',
    visits: [visitOf(failed(ok(42, 61, 40), 500, serverError(), NOW - MINUTE), steady(42, 61))],
  },
  {
    name: 'error, no figures',
    visits: [visitOf(failed(emptyRecord('oauth'), 401, expiredTokenError(), NOW - MINUTE))],
  },
  { name: 'no data', visits: [visitOf(emptyRecord('oauth'))] },
  {
    name: 'two sources merged',
    visits: [visitOf(ok(42, 61, 3), steady(42, 61)), visitOf(ok(44, 61, 1, 'statusline'))],
  },
];

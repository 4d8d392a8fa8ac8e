import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../shared/domain/logs/reports';
import { createDayKey, parseReportDate } from '../../../../shared/domain/logs/time-zone';
import { entriesOf } from './entries-factory';

const entries = entriesOf(
  [
    {
      at: '2026-09-01T23:30:00.000Z',
      model: 'claude-sonnet-4-5-20250929',
      input: 10,
      output: 100,
      cacheWrite5m: 5,
      cacheWrite1h: 7,
      cacheRead: 1000,
      cost: 0.5,
      session: 's1',
      project: 'api',
    },
    {
      at: '2026-09-02T08:00:00.000Z',
      model: 'claude-opus-4-6',
      fast: true,
      input: 1,
      output: 10,
      cost: 3,
      session: 's1',
      project: 'api',
    },
    {
      at: '2026-09-02T09:00:00.000Z',
      model: 'claude-mystery-1',
      input: 4,
      output: 40,
      session: 's2',
      project: 'web',
      retained: true,
    },
    {
      at: '2026-10-01T00:00:00.000Z',
      model: null,
      input: 2,
      output: 3,
      loggedCost: 0.75,
      session: 's2',
      project: 'web',
    },
  ],
  ['claude-mystery-1'],
);
const options = {
  timeZone: 'UTC',
  since: null,
  until: null,
  mode: 'auto' as const,
  now: Date.parse('2026-11-01T00:00:00Z'),
};

describe('reports with ccusage’s JSON field names', () => {
  it('daily: one row per local day, per-model breakdowns (most expensive first), unpriced models in totals', () => {
    const { json } = buildReport(entries, 'daily', options);
    expect(json.daily.map((day) => day.date)).toEqual(['2026-09-01', '2026-09-02', '2026-10-01']);
    expect(json.daily[1]).toEqual({
      date: '2026-09-02',
      inputTokens: 5,
      outputTokens: 50,
      cacheCreationTokens: 0,
      cacheReadTokens: 0,
      totalTokens: 55,
      totalCost: 3,
      modelsUsed: ['claude-opus-4-6-fast', 'claude-mystery-1'],
      modelBreakdowns: [
        {
          modelName: 'claude-opus-4-6-fast',
          inputTokens: 1,
          outputTokens: 10,
          cacheCreationTokens: 0,
          cacheReadTokens: 0,
          cost: 3,
        },
        {
          modelName: 'claude-mystery-1',
          inputTokens: 4,
          outputTokens: 40,
          cacheCreationTokens: 0,
          cacheReadTokens: 0,
          cost: 0,
          missingPricing: true,
        },
      ],
      retained: true,
      costIsLowerBound: true,
      unpricedTokens: { 'claude-mystery-1': 44 },
    });
    expect(json.daily[2]).toMatchObject({ totalCost: 0.75, modelsUsed: [], modelBreakdowns: [] });
    expect(json.totals).toEqual({
      inputTokens: 17,
      outputTokens: 153,
      cacheCreationTokens: 12,
      cacheReadTokens: 1000,
      totalTokens: 1182,
      totalCost: 4.25,
      unpricedModels: ['claude-mystery-1'],
      costIsLowerBound: true,
      unpricedTokens: { 'claude-mystery-1': 44 },
    });
  });

  it('buckets days in the requested time zone', () => {
    const { json } = buildReport(entries, 'daily', { ...options, timeZone: 'Asia/Kolkata' });
    expect(json.daily.map((day) => [day.date, day.totalTokens])).toEqual([
      ['2026-09-02', 1182 - 5],
      ['2026-10-01', 5],
    ]);
  });

  it('filters by local date, both ends inclusive', () => {
    const { json } = buildReport(entries, 'daily', {
      ...options,
      since: '2026-09-02',
      until: '2026-09-02',
    });
    expect(json.daily.map((day) => day.date)).toEqual(['2026-09-02']);
  });

  it('monthly: one row per month', () => {
    const { json } = buildReport(entries, 'monthly', options);
    expect(json.monthly.map((month) => [month.month, month.totalTokens])).toEqual([
      ['2026-09', 1177],
      ['2026-10', 5],
    ]);
  });

  it('sessions: by the session the path names, most expensive first, with first and last activity', () => {
    const { json } = buildReport(entries, 'sessions', options);
    expect(
      json.sessions.map((session) => [
        session.sessionId,
        session.projectPath,
        session.totalCost,
        session.firstActivity,
        session.lastActivity,
      ]),
    ).toEqual([
      ['s1', 'api', 3.5, '2026-09-01T23:30:00.000Z', '2026-09-02T08:00:00.000Z'],
      ['s2', 'web', 0.75, '2026-09-02T09:00:00.000Z', '2026-10-01T00:00:00.000Z'],
    ]);
  });

  it('blocks: selected by their start day, gaps included (as ccusage)', () => {
    const { json } = buildReport(entries, 'blocks', {
      ...options,
      since: '2026-09-02',
      until: '2026-09-02',
    });
    expect(json.blocks.map((block) => block.id)).toEqual([
      'gap-2026-09-02T04:30:00.000Z',
      '2026-09-02T08:00:00.000Z',
      'gap-2026-09-02T14:00:00.000Z',
    ]);
  });
});

describe('dates and time zones', () => {
  it('reads --since / --until as YYYYMMDD or YYYY-MM-DD and rejects impossible dates', () => {
    expect(parseReportDate('20260301')).toBe('2026-03-01');
    expect(parseReportDate('2026-03-01')).toBe('2026-03-01');
    expect(parseReportDate('2026-02-30')).toBeNull();
    expect(parseReportDate('March 1')).toBeNull();
  });

  it.each([
    'Europe/Paris',
    'America/St_Johns',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'UTC',
  ])('agrees with Intl for every instant, DST changes included (%s)', (timeZone) => {
    const day = createDayKey(timeZone);
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let at = start; at < start + 366 * 86_400_000; at += 17 * 60_000 + 13_000) {
      expect(day(at)).toBe(reference.format(at));
    }
  });

  it('gets local days right across a DST change', () => {
    const day = createDayKey('America/New_York');
    // 2026-11-01 is the end of DST in New York: 04:30Z is 00:30 EDT, 05:30Z is 00:30 EST.
    expect(day(Date.parse('2026-11-01T03:59:00Z'))).toBe('2026-10-31');
    expect(day(Date.parse('2026-11-01T04:30:00Z'))).toBe('2026-11-01');
    expect(day(Date.parse('2026-11-02T04:30:00Z'))).toBe('2026-11-01');
    expect(day(Date.parse('2026-11-02T05:30:00Z'))).toBe('2026-11-02');
  });
});

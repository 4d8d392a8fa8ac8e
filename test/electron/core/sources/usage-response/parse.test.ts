import { describe, expect, it } from 'vitest';
import {
  parseResetTime,
  parseUsageBody,
} from '../../../../../electron/core/sources/usage-response/parse';
import { fullUsageBody, millisecondTimesBody } from '../../../../fakes/usage-bodies';
import { EXPECTED_USAGE, session, week } from './expected-usage';

describe('parseUsageBody', () => {
  it.each(EXPECTED_USAGE)('reads $name', ({ body, windows, extraUsage }) => {
    expect(parseUsageBody(JSON.stringify(body))).toEqual({ ok: true, windows, extraUsage });
  });

  it('keeps float utilizations exactly as sent', () => {
    const body =
      '{"five_hour":{"utilization":11.0,"resets_at":null},"seven_day":{"utilization":9.75}}';
    expect(parseUsageBody(body)).toEqual({
      ok: true,
      windows: [session(11, null), week(9.75, null)],
      extraUsage: null,
    });
  });

  it('treats a window without a utilization as absent', () => {
    const body = JSON.stringify({
      five_hour: { resets_at: '2026-07-03T00:30:00Z' },
      seven_day: {},
    });
    expect(parseUsageBody(body)).toEqual({ ok: true, windows: [], extraUsage: null });
  });

  it('drops a malformed side field but keeps the main figures', () => {
    const body = { ...millisecondTimesBody(), seven_day_opus: 'n/a', extra_usage: [1], limits: {} };
    expect(parseUsageBody(JSON.stringify(body))).toEqual({
      ok: true,
      windows: [session(11), week(9)],
      extraUsage: null,
    });
  });

  it('carries limits[].is_active onto its window, and ignores a flag that is not a boolean', () => {
    const body = {
      five_hour: { utilization: 11, resets_at: null },
      limits: [
        { kind: 'session', percent: 11, resets_at: null, is_active: false },
        { kind: 'weekly_all', percent: 30, resets_at: null, is_active: 'yes' },
        {
          kind: 'weekly_scoped',
          percent: 96,
          resets_at: null,
          is_active: true,
          scope: { model: { display_name: 'Claude Opus 4.8' } },
        },
      ],
    };
    expect(parseUsageBody(JSON.stringify(body))).toEqual({
      ok: true,
      windows: [
        { ...session(11, null), active: false },
        week(30, null),
        {
          id: 'seven_day_claude_opus_4_8',
          label: 'Week · Claude Opus 4.8',
          utilization: 96,
          resetsAt: null,
          active: true,
        },
      ],
      extraUsage: null,
    });
  });

  const bad: Array<[string, string, string]> = [
    [
      'an HTML page',
      '<!DOCTYPE html><html><title>Just a moment...</title></html>',
      'an HTML page instead of JSON',
    ],
    ['truncated JSON', JSON.stringify(fullUsageBody()).slice(0, 60), 'truncated JSON'],
    ['truncated inside a string', '{"five_hour":{"resets_at":"2026-07', 'truncated JSON'],
    ['broken JSON', '{"five_hour": nope}', 'not valid JSON'],
    ['a JSON array', '[{"five_hour":null}]', 'a JSON array, not an object'],
    ['a JSON string', '"sk-ant-oat01-test-token-abc"', 'a JSON string, not an object'],
    ['a JSON null', 'null', 'a JSON null, not an object'],
    ['an empty body', '  ', 'an empty body'],
    [
      'an error object',
      '{"type":"error","error":{"type":"api_error","message":"x"}}',
      'no usage fields',
    ],
    [
      'a session window of the wrong shape',
      '{"five_hour":{"utilization":"11%"}}',
      'unexpected five_hour shape',
    ],
    ['a week that is not an object', '{"seven_day":42}', 'unexpected seven_day shape'],
  ];
  it.each(bad)('rejects %s in a few words, never echoing the body', (_name, body, message) => {
    expect(parseUsageBody(body)).toEqual({ ok: false, message });
  });
});

describe('parseResetTime', () => {
  const cases: Array<[unknown, number | null]> = [
    ['2026-07-03T00:30:00.282668+00:00', Date.UTC(2026, 6, 3, 0, 30, 0, 282)],
    ['2026-07-03T00:30:00.282Z', Date.UTC(2026, 6, 3, 0, 30, 0, 282)],
    ['2026-07-03T00:30:00Z', Date.UTC(2026, 6, 3, 0, 30, 0, 0)],
    ['2026-07-03T00:30:00.5+00:00', Date.UTC(2026, 6, 3, 0, 30, 0, 500)],
    ['2026-07-03T02:30:00.999999+02:00', Date.UTC(2026, 6, 3, 0, 30, 0, 999)],
    ['2026-07-02T19:30:00-05:00', Date.UTC(2026, 6, 3, 0, 30, 0, 0)],
    ['2026-07-03T05:30:00+0530', Date.UTC(2026, 6, 3, 0, 0, 0, 0)],
    [null, null],
    [undefined, null],
    [1_767_225_600, null],
    ['', null],
    ['soon', null],
    ['2026-07-03', null],
    ['2026-07-03T00:30:00', null],
    ['2026-02-31T00:00:00Z', null],
    ['2026-07-03T25:00:00Z', null],
  ];
  it.each(cases)('reads %j as %j', (value, expected) => {
    expect(parseResetTime(value)).toBe(expected);
  });
});

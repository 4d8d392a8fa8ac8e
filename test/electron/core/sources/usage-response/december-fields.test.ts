import { describe, expect, it } from 'vitest';
import { parseUsageBody } from '../../../../../electron/core/sources/usage-response/parse';
import {
  bankedResetsBody,
  enterpriseSpendingBody,
  grantWire,
  outOfCreditsBody,
  spendOnlyBody,
  ultraBody,
} from '../../../../fakes/usage-bodies';
import { session, week } from './expected-usage';

const WEEK_RESET = Date.UTC(2026, 6, 8, 9, 0, 0, 282);
const GRANT_END = Date.UTC(2026, 6, 9, 16, 0, 0, 0);

const parse = (body: unknown) => parseUsageBody(JSON.stringify(body));

describe('the usage answer as of December 2026', () => {
  it('reads an Ultra answer: no session window, numeric strings, Fable, routines, Design, promo credit', () => {
    expect(parse(ultraBody())).toEqual({
      ok: true,
      windows: [
        { ...week(53.5), resetsAt: WEEK_RESET, active: true, severity: 'warning' },
        {
          id: 'seven_day_overage_included',
          label: 'Week · Fable',
          utilization: 41,
          resetsAt: WEEK_RESET,
          active: false,
          severity: 'normal',
        },
        { id: 'seven_day_routines', label: 'Daily routines', utilization: 7, resetsAt: WEEK_RESET },
        { id: 'seven_day_design', label: 'Claude Design', utilization: 2.5, resetsAt: null },
      ],
      extraUsage: null,
      promoCredit: {
        utilization: 30,
        expiresAt: GRANT_END,
        money: { used: 300, limit: 1000, currency: 'USD' },
      },
    });
  });

  it('reads money from spend when extra_usage is null', () => {
    expect(parse(spendOnlyBody())).toMatchObject({
      ok: true,
      extraUsage: { enabled: true, used: 41, limit: 100, currency: 'USD', utilization: 41 },
    });
  });

  it('shows enterprise extra usage without is_enabled as on while money is spent', () => {
    expect(parse(enterpriseSpendingBody())).toEqual({
      ok: true,
      windows: [],
      extraUsage: { enabled: true, used: 41, limit: null, currency: 'USD', utilization: 12.5 },
    });
  });

  it('keeps the reason the server turned extra usage off', () => {
    expect(parse(outOfCreditsBody())).toMatchObject({
      extraUsage: {
        enabled: false,
        used: 50,
        limit: 50,
        utilization: 100,
        disabledReason: 'out_of_credits',
      },
    });
  });

  it('treats null and missing windows alike, and keeps a window with dollars', () => {
    const body = {
      five_hour: { utilization: '12', resets_at: null, limit_dollars: 50, used_dollars: '6' },
      seven_day: null,
      seven_day_cowork: null,
      seven_day_routines: { utilization: null },
    };
    expect(parse(body)).toEqual({
      ok: true,
      windows: [{ ...session(12, null), money: { used: 6, limit: 50, currency: 'USD' } }],
      extraUsage: null,
    });
  });

  it('reads banked resets and skips a malformed grant instead of failing the answer', () => {
    const body = bankedResetsBody([
      grantWire(),
      grantWire({ id: 'grant_fake_02', label: null, resets_left: '3', resets_total: null }),
      { id: 'grant_fake_03' },
      'garbage',
      grantWire({ id: '', resets_left: 1 }),
    ]);
    const parsed = parse(body);
    expect(parsed.ok && parsed.bankedResets).toEqual([
      {
        id: 'grant_fake_01',
        label: 'Launch reset',
        left: 1,
        total: 2,
        startsAt: Date.UTC(2026, 5, 9, 16),
        endsAt: GRANT_END,
        clears: ['five_hour', 'seven_day', 'seven_day_overage_included'],
        usableNow: true,
        paused: false,
      },
      {
        id: 'grant_fake_02',
        label: 'Limit reset',
        left: 3,
        total: null,
        startsAt: Date.UTC(2026, 5, 9, 16),
        endsAt: GRANT_END,
        clears: ['five_hour', 'seven_day', 'seven_day_overage_included'],
        usableNow: true,
        paused: false,
      },
    ]);
  });

  it('reports an empty list when the block has no grants, and none when there is no block', () => {
    const empty = parse(bankedResetsBody([]));
    expect(empty.ok && empty.bankedResets).toEqual([]);
    const none = parse({ ...bankedResetsBody(), cedar_ember: 'changed' });
    expect(none.ok && 'bankedResets' in none).toBe(false);
  });

  it('still rejects a session utilization that is not a number', () => {
    expect(parse({ five_hour: { utilization: '11%' } })).toEqual({
      ok: false,
      message: 'unexpected five_hour shape',
    });
  });
});

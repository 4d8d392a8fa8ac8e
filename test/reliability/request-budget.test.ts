import { describe, expect, it } from 'vitest';
import {
  decideFetch,
  pollPolicy,
  recordSuccess,
  refreshRefusal,
} from '../../shared/domain/poll-policy';
import type { Snapshot } from '../../shared/domain/snapshot';
import { emptyRecord, type SourceRecord } from '../../shared/domain/source-record';

// Defect 5 of the fault audit: `status --refresh` (and the app's refresh button) ignored the hourly
// budget, 54 requests in a simulated hour against the real service's floor; docs/PRODUCT.md §4
// allows 12 per hour per source.

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const real = pollPolicy(5 * MIN, false);
const snapshot = (at: number): Snapshot => ({
  source: 'oauth',
  fetchedAt: at,
  windows: [],
  extraUsage: null,
});

/** A user pressing refresh every `everyMs` for `forMs`; the requests that went out. */
function pressRefresh(everyMs: number, forMs: number): { requests: number[]; last: SourceRecord } {
  let record = emptyRecord('oauth');
  const requests: number[] = [];
  for (let now = T0; now < T0 + forMs; now += everyMs) {
    if (!decideFetch(record, { policy: real, now, stamp: 'a', manual: true }).fetch) continue;
    requests.push(now);
    record = recordSuccess(record, snapshot(now), now);
  }
  return { requests, last: record };
}

describe('the hourly request budget', () => {
  it('binds manual refreshes: at most 12 requests in any hour', () => {
    const { requests } = pressRefresh(61_000, 3 * 60 * MIN);
    for (const at of requests) {
      expect(
        requests.filter((other) => other >= at && other < at + 60 * MIN).length,
      ).toBeLessThanOrEqual(12);
    }
    expect(requests.slice(0, 13).map((at) => (at - T0) / 61_000)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 60,
    ]);
  });

  it('says when the next refresh is allowed', () => {
    const { last } = pressRefresh(61_000, 12 * 61_000);
    const now = T0 + 12 * 61_000;
    const decision = decideFetch(last, { policy: real, now, stamp: 'a', manual: true });
    expect(decision).toEqual({ fetch: false, reason: 'budget' });
    expect(refreshRefusal('budget', 'oauth', last, real, now)).toBe(
      'Not refreshed: Pacewatch asks for oauth usage at most 12 times an hour; the next refresh is allowed at 10:00. Showing the figures stored before.',
    );
    const once = recordSuccess(emptyRecord('oauth'), snapshot(T0), T0);
    expect(refreshRefusal('floor', 'oauth', once, real, T0 + 10_000)).toBe(
      'Not refreshed: Pacewatch asks for oauth usage at most once a minute; the next refresh is allowed at 09:01. Showing the figures stored before.',
    );
  });

  it('is lifted against a loopback endpoint (the test fakes)', () => {
    let record = emptyRecord('oauth');
    const loopback = pollPolicy(5 * MIN, true);
    for (let index = 0; index < 30; index++) {
      const now = T0 + index * 1_000;
      expect(decideFetch(record, { policy: loopback, now, stamp: 'a', manual: true })).toEqual({
        fetch: true,
      });
      record = recordSuccess(record, snapshot(now), now);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { recordReading } from '../../../../../electron/core/sources/statusline/reading-store';
import { createStatuslineSource } from '../../../../../electron/core/sources/statusline/statusline-source';
import type { UsageSource } from '../../../../../electron/core/sources/usage-source';
import { dataLayout } from '../../../../../electron/core/stores/data-layout';
import { useTempDir } from '../../../../support/temp-dir';
import { testEngine } from '../../../../support/test-engine';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 9);
const tempDir = useTempDir();

describe('the engine and the passive status-line source', () => {
  it('only reads what `pacewatch statusline` wrote, even on a manual refresh', async () => {
    const layout = dataLayout(tempDir());
    let now = T0;
    const clock = { now: () => now };
    const real = createStatuslineSource({ layout });
    let fetches = 0;
    const source: UsageSource = {
      ...real,
      fetch: () => {
        fetches++;
        return real.fetch();
      },
    };
    const { engine } = testEngine({ layout, clock, sources: () => [source] });
    const before = await engine.pollNow({ manual: true });
    expect(before.views).toEqual([
      {
        source: 'statusline',
        fetchedAt: null,
        stale: false,
        error: null,
        windows: [],
        extraUsage: null,
        spend: null,
        prepaidCredits: null,
        promoCredit: null,
        bankedResets: [],
      },
    ]);
    const window = {
      id: 'five_hour',
      label: 'Session',
      utilization: 42,
      resetsAt: T0 + 3 * 60 * MIN,
    };
    await recordReading(layout, {
      source: 'statusline',
      fetchedAt: T0,
      windows: [window],
      extraUsage: null,
    });
    now = T0 + MIN;
    const after = await engine.pollNow({ manual: true });
    expect(after.views[0]).toMatchObject({
      source: 'statusline',
      fetchedAt: T0,
      stale: false,
      error: null,
    });
    expect(after.views[0]?.windows.map((w) => [w.id, w.utilization])).toEqual([['five_hour', 42]]);
    now = T0 + 11 * MIN;
    expect((await engine.pollNow({ manual: true })).views[0]?.stale).toBe(true);
    expect(fetches).toBe(0);
  });
});

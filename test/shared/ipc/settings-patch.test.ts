import { describe, expect, it } from 'vitest';
import { applySettingsPatch } from '../../../shared/ipc/settings-patch';
import { defaultSettings } from '../../../shared/domain/settings';

describe('a settings change from the window', () => {
  it('changes only what it names; thresholds sorted and unique', () => {
    const before = defaultSettings();
    const after = applySettingsPatch(before, {
      thresholds: [90, 40, 90],
      sources: { admin: true },
      monthlyBudgetUsd: 200,
      pollIntervalSeconds: { oauth: 600 },
    });
    expect(after).toEqual({
      ...before,
      alerts: { ...before.alerts, thresholds: [40, 90] },
      pollIntervalSeconds: { ...before.pollIntervalSeconds, oauth: 600 },
      sources: { ...before.sources, admin: { enabled: true, monthlyBudgetUsd: 200 } },
    });
  });

  it('clears quiet hours and the budget with null', () => {
    const before = { ...defaultSettings(), quietHours: { start: '22:00', end: '07:00' } };
    const after = applySettingsPatch(before, {
      quietHours: null,
      monthlyBudgetUsd: null,
      launchAtLogin: true,
      autoUpdate: false,
    });
    expect([
      after.quietHours,
      after.sources.admin.monthlyBudgetUsd,
      after.launchAtLogin,
      after.autoUpdate,
    ]).toEqual([null, null, true, false]);
    expect(before.autoUpdate).toBe(true);
  });

  it('sets, replaces and removes thresholds per window, keeping the others', () => {
    const before = {
      ...defaultSettings(),
      alerts: {
        ...defaultSettings().alerts,
        windowThresholds: { seven_day: [80], five_hour: [60] },
      },
    };
    const after = applySettingsPatch(before, {
      windowThresholds: { seven_day_opus: [95, 70, 95], five_hour: null },
    });
    expect(after.alerts).toEqual({
      ...before.alerts,
      windowThresholds: { seven_day: [80], seven_day_opus: [70, 95] },
    });
  });
});

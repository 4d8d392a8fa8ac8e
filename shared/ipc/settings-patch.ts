import type { Settings } from '../domain/settings';
import type { SettingsPatch } from './settings-model';

/**
 * The settings with a window's changes applied; the result is validated again by
 * `core.saveSettings`, which owns the schema.
 */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const sources = patch.sources ?? {};
  const toggled = <T extends { enabled: boolean }>(current: T, next: boolean | undefined): T =>
    next === undefined ? current : { ...current, enabled: next };
  return {
    ...settings,
    alerts: {
      ...settings.alerts,
      ...(patch.thresholds === undefined
        ? {}
        : { thresholds: [...new Set(patch.thresholds)].sort((a, b) => a - b) }),
      ...(patch.lockoutLeadMinutes === undefined
        ? {}
        : { lockoutLeadMinutes: patch.lockoutLeadMinutes }),
      ...(patch.notifyOnReset === undefined ? {} : { notifyOnReset: patch.notifyOnReset }),
      ...(patch.windowThresholds === undefined
        ? {}
        : { windowThresholds: windowThresholds(settings, patch.windowThresholds) }),
    },
    pollIntervalSeconds: { ...settings.pollIntervalSeconds, ...patch.pollIntervalSeconds },
    quietHours: patch.quietHours === undefined ? settings.quietHours : patch.quietHours,
    launchAtLogin: patch.launchAtLogin ?? settings.launchAtLogin,
    trayTitle: patch.trayTitle ?? settings.trayTitle,
    autoUpdate: patch.autoUpdate ?? settings.autoUpdate,
    sources: {
      ...settings.sources,
      oauth: toggled(settings.sources.oauth, sources.oauth),
      statusline: toggled(settings.sources.statusline, sources.statusline),
      web: toggled(settings.sources.web, sources.web),
      logs: toggled(settings.sources.logs, sources.logs),
      admin: {
        ...toggled(settings.sources.admin, sources.admin),
        ...(patch.monthlyBudgetUsd === undefined
          ? {}
          : { monthlyBudgetUsd: patch.monthlyBudgetUsd }),
      },
    },
  };
}

/** The per-window thresholds with the patch's applied: a list replaces, null removes. */
function windowThresholds(
  settings: Settings,
  changes: NonNullable<SettingsPatch['windowThresholds']>,
): Record<string, number[]> {
  const merged = Object.entries({ ...settings.alerts.windowThresholds, ...changes });
  return Object.fromEntries(
    merged.flatMap(([id, list]) =>
      list === null ? [] : [[id, [...new Set(list)].sort((a, b) => a - b)]],
    ),
  );
}

import { describe, expect, it } from 'vitest';
import { buildPopoverModel } from '../../electron/app/popover-model';
import { statusText } from '../../electron/cli/render/status-text';
import { watchLine } from '../../electron/cli/render/watch-text';
import { plainLook } from '../../electron/cli/terminal/paint';
import { statuslineText } from '../../electron/core/sources/statusline/render-line';
import type { EngineState } from '../../electron/core/services/engine';
import { emptyLedger } from '../../shared/domain/alert-ledger';
import { DEFAULT_ALERT_SETTINGS, decideAlerts } from '../../shared/domain/alerts';
import { defaultSettings } from '../../shared/domain/settings';
import type { SourceView, WindowView } from '../../shared/domain/source-view';
import { statusJson } from '../../shared/domain/status-json';
import { trayView } from '../../shared/domain/tray-view';
import { DEFAULT_VERDICT_SETTINGS, assessViews } from '../../shared/domain/verdict';
import { DAY, HOUR, MINUTE, sourceView, t, windowView } from '../shared/domain/factories';

// One set of fixtures through every surface that decides with the verdict: each must agree on
// the binding window and the level (docs/PRODUCT.md §2 "One verdict").

const NOW = t('2026-11-21T09:00');

const safe = (windowId: string) => ({
  windowId,
  status: 'insufficient-data' as const,
  ratePerHour: null,
  projectedFullAt: null,
  lockoutAt: null,
  blockedMs: null,
  note: 'Not enough readings yet to project: 1 in the last 48 h, need 3.',
});
const win = (id: string, label: string, utilization: number, resetsAt: number | null): WindowView =>
  windowView(NOW, { id, label, utilization, resetsAt, projection: safe(id) });

interface Fixture {
  readonly name: string;
  readonly windows: readonly WindowView[];
  readonly binding: string | null;
  readonly level: string;
  /** What `pacewatch watch` prints for the source. */
  readonly watch: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a scoped week at 96 % with no reset time over the Opus week at 73 %',
    windows: [
      win('five_hour', 'Session', 42, NOW + 2 * HOUR),
      win('seven_day_opus', 'Week · Opus', 73, NOW + 3 * DAY),
      win('seven_day_fable', 'Week · Fable', 96, null),
    ],
    binding: 'seven_day_fable',
    level: 'critical',
    watch: 'oauth: Session 42%; Week · Opus 73% (warning); ▸ Week · Fable 96% (critical)',
  },
  {
    name: 'the session locked at 100 %',
    windows: [
      win('five_hour', 'Session', 100, NOW + 2 * HOUR),
      win('seven_day', 'Week', 61, NOW + 3 * DAY),
    ],
    binding: 'five_hour',
    level: 'locked',
    watch: 'oauth: ▸ Session 100% (locked); Week 61% (warning)',
  },
  {
    name: 'a session at 99 % whose reset time has passed',
    windows: [
      win('five_hour', 'Session', 99, NOW - 30 * MINUTE),
      win('seven_day', 'Week', 55, NOW + 3 * DAY),
    ],
    binding: 'seven_day',
    level: 'warning',
    watch: 'oauth: Session 0%; ▸ Week 55% (warning)',
  },
];

describe('one verdict on every surface', () => {
  it.each(FIXTURES)('$name', ({ windows, binding, level, watch }) => {
    const views: SourceView[] = [sourceView(NOW, { windows })];
    const settings = defaultSettings();
    const assessed = assessViews(views, settings.alerts, NOW);
    expect([assessed.verdict.binding, assessed.verdict.level]).toEqual([binding, level]);
    const bound = assessed.verdict.windows.find((window) => window.id === binding);

    // Tray
    const tray = trayView({ ...assessed, show: 'binding', now: NOW });
    expect(tray.state).toBe(level);
    expect(tray.title.startsWith(bound?.headline ?? '?')).toBe(true);

    // Popover
    const state: EngineState = {
      updatedAt: NOW,
      views,
      ...assessed,
      logs: null,
      problems: [],
      failure: null,
    };
    const popover = buildPopoverModel({ state, settings, route: null, notices: [], now: NOW });
    expect(popover.glance).toMatchObject({ level, binding });
    expect(popover.cards.filter((card) => card.binding).map((card) => card.id)).toEqual([binding]);

    // status --json and status text
    const json = statusJson(views[0] as SourceView, assessed.verdict, assessed.verdict.binding);
    expect(json.windows.filter((window) => window.binding).map((window) => window.id)).toEqual([
      binding,
    ]);
    const text = statusText(views[0] as SourceView, assessed.verdict, NOW);
    expect(text.filter((line) => line.startsWith('▸ '))).toEqual([
      expect.stringContaining(bound?.label ?? '?'),
    ]);

    // `pacewatch watch`: the binding window marked, each figure and level as the verdict reads it.
    expect(watchLine(views[0] as SourceView, assessed.verdict, plainLook().paint)).toBe(watch);

    // The status line: the binding window painted with the verdict's level for it.
    const painted: [string, string][] = [];
    statuslineText({
      windows,
      samples: () => [],
      now: NOW,
      readAt: null,
      paint: (paintLevel, part) => (painted.push([paintLevel, part]), part),
    });
    const judged = assessViews(views, DEFAULT_VERDICT_SETTINGS, NOW).verdict;
    expect(painted.slice(0, windows.length).map(([paintLevel]) => paintLevel)).toEqual(
      judged.windows.map((window) => window.level),
    );

    // Notifications: alerts only for windows the verdict reads as current, at their real level.
    const fresh = windows.filter((window) =>
      assessed.verdict.windows.some((w) => w.id === window.id && w.resetAt === null),
    );
    const decided = decideAlerts(
      emptyLedger(),
      { source: 'oauth', fetchedAt: NOW - MINUTE, windows: fresh, extraUsage: null },
      fresh.map((window) => window.projection),
      DEFAULT_ALERT_SETTINGS,
      NOW,
    );
    const alertOf = (id: string) =>
      decided.alerts.find((alert) => alert.windowId === id && alert.kind === 'threshold');
    if (level === 'locked') expect(alertOf(binding ?? '')).toMatchObject({ threshold: 100 });
    expect(alertOf('five_hour') === undefined).toBe(
      assessed.verdict.windows.find((w) => w.id === 'five_hour')?.level === 'normal',
    );
  });
});

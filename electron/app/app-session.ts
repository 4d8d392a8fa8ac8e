import { Secret, scrubSecrets } from '../../shared/domain/secret';
import { snoozeUntil } from '../../shared/domain/hold';
import type { RouteReport } from '../../shared/domain/route/route-report';
import { trayView, type TrayView } from '../../shared/domain/tray-view';
import { DEFAULT_VERDICT_SETTINGS, verdict } from '../../shared/domain/verdict';
import type { IpcResult } from '../../shared/ipc/contract';
import type { PopoverModel } from '../../shared/ipc/popover-model';
import type { SettingsModel, SettingsPatch } from '../../shared/ipc/settings-model';
import type { Core } from '../core/create-core';
import { createCoreEngine, type EnginePorts } from '../core/create-engine';
import { errorSentence } from '../core/platform/file-errors';
import type { Logger, Notifier } from '../core/ports';
import type { Engine } from '../core/services/engine';
import type { InvokeHandlers } from './dispatch';
import { buildPopoverModel } from './popover-model';
import { buildSettingsModel } from './settings-model';
import { applySettingsPatch } from '../../shared/ipc/settings-patch';
import type { UpdateService } from './update-service';
import { installStatusLine } from './statusline-setup';

/** What the surrounding shell (Electron, or the dev:browser server) does for the app. */
export interface AppShell {
  openSettings(): void;
  hidePopover(): void;
  /** Sizes the popover to its content's height (CSS px), within the display's work area. */
  fitPopover(height: number): void;
  /** Puts text on the system clipboard; a sentence when it could not. */
  copyText(text: string): Promise<IpcResult<null>>;
  quit(): void;
  /** Opens the app's log file; a sentence when it could not. */
  openLogFile(): Promise<IpcResult<null>>;
}

/** Launch at login, per platform; `supported: false` where the shell cannot do it. */
export interface LaunchAtLogin {
  readonly supported: boolean;
  readonly note: string | null;
  apply(enabled: boolean): Promise<void>;
}

/** What the app pushes: to the pages (popover, settings) and to the tray. */
export type AppEvent =
  | { readonly name: 'popover'; readonly payload: PopoverModel }
  | { readonly name: 'settings'; readonly payload: SettingsModel }
  | { readonly name: 'tray'; readonly payload: TrayView };

/** What an app session needs. */
export interface AppSessionDeps extends EnginePorts {
  readonly core: Core;
  readonly shell: AppShell;
  readonly launchAtLogin: LaunchAtLogin;
  /** The billing-route check; run at start and on each manual refresh, never per tick. */
  readonly checkRoute: () => Promise<RouteReport>;
  /** Auto-update (the packaged app only); absent where nothing updates (a checkout, dev:browser). */
  readonly updates?: UpdateService;
  /**
   * The command Claude Code's status line should run (`… statusline`); null when this machine
   * has no `pacewatch` command.
   */
  readonly statusLineCommand: () => Promise<string | null>;
  /** Builds the engine; the real one by default. */
  readonly createEngine?: (core: Core, ports: EnginePorts) => Engine;
}

/** The app over the engine: the IPC handler table, the models, and the events to push. */
export interface AppSession {
  readonly handlers: InvokeHandlers;
  readonly engine: Engine;
  popover(): PopoverModel;
  tray(): TrayView;
  settings(): Promise<SettingsModel>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Starts polling and the first route check. */
  start(): void;
  /** Holds polling while the machine sleeps or the screen is locked. */
  pause(): void;
  /** Ends the hold and polls once. */
  resume(): void;
  stop(): Promise<void>;
}

/** What "Send a test notification" shows. */
export const TEST_NOTIFICATION = {
  title: 'Pacewatch test notification',
  message: 'Notifications work: this is how Pacewatch tells you about your Claude limits.',
} as const;

/**
 * Delivers in the background: the alert service records each alert in the shared ledger before
 * notifying, so nothing repeats, and the popover need not wait for a notification helper to exit.
 */
function detached(notifier: Notifier, logger: Logger): Notifier {
  return {
    notify(notification) {
      notifier.notify(notification).catch((error: unknown) => {
        logger.warn((error as Error).message);
      });
      return Promise.resolve();
    },
  };
}

/**
 * Wires the engine (whose alert service is the only path to notifications, so the app and
 * `pacewatch watch` never repeat one) to the models and handlers every shell shares.
 */
export function createAppSession(deps: AppSessionDeps): AppSession {
  const { core } = deps;
  const engine = (deps.createEngine ?? createCoreEngine)(core, {
    ...deps,
    notifier: detached(deps.notifier, deps.logger),
  });
  const listeners = new Set<(event: AppEvent) => void>();
  let route: string | null = null;
  let routing: Promise<void> | null = null;
  let asleep = false;

  const emit = (event: AppEvent) => {
    for (const listener of listeners) listener(event);
  };
  const popover = (): PopoverModel => {
    const model = buildPopoverModel({
      state: engine.state(),
      settings: core.settings(),
      route,
      notices: [...core.endpoints.overrides, ...core.problems],
      now: core.clock.now(),
    });
    const version = deps.updates?.downloaded() ?? null;
    return version === null ? model : { ...model, update: { version } };
  };
  const tray = () => {
    const state = engine.state();
    const now = core.clock.now();
    return trayView({
      verdict:
        state?.verdict ?? verdict({ overview: null, settings: DEFAULT_VERDICT_SETTINGS, now }),
      overview: state?.overview ?? null,
      show: core.settings().trayTitle,
      now,
    });
  };
  const publish = () => {
    emit({ name: 'popover', payload: popover() });
    emit({ name: 'tray', payload: tray() });
  };

  async function settingsModel(problems: readonly string[] = []): Promise<SettingsModel> {
    let credentials = null;
    const extra: string[] = [...problems];
    try {
      credentials = await core.credentials.status();
    } catch (error) {
      extra.push(scrubSecrets(errorSentence(error)));
    }
    return buildSettingsModel({
      settings: core.settings(),
      credentials,
      available: new Set(core.sources.keys()),
      launchAtLogin: { supported: deps.launchAtLogin.supported, note: deps.launchAtLogin.note },
      dataDir: core.layout.dir,
      problems: extra,
      windows: (engine.state()?.verdict.windows ?? []).filter((window) => !window.money),
    });
  }

  function checkRoute(): Promise<void> {
    routing ??= deps
      .checkRoute()
      .then((report) => {
        route = report.summary;
      })
      .catch((error: unknown) => {
        deps.logger.warn(`Route check failed: ${errorSentence(error)}`);
      })
      .finally(() => {
        routing = null;
        publish();
      });
    return routing;
  }

  /** Polls the sources that are due now (after a change), without a manual refresh's fetch. */
  function nudge(): void {
    if (!asleep) void engine.pollNow();
  }

  async function changed(
    result: { ok: true } | { ok: false; message: string },
  ): Promise<IpcResult<SettingsModel>> {
    if (!result.ok) return result;
    const model = await settingsModel();
    emit({ name: 'settings', payload: model });
    publish();
    return { ok: true, value: model };
  }

  /**
   * Settings changes run one after another: each applies its patch to the settings the one
   * before it saved, so two quick changes (a field, then a switch) never undo each other.
   */
  let settingsQueue: Promise<unknown> = Promise.resolve();
  function inTurn<T>(change: () => Promise<T>): Promise<T> {
    const run = settingsQueue.then(change);
    settingsQueue = run.catch(() => undefined);
    return run;
  }

  async function saveSettings(patch: SettingsPatch): Promise<IpcResult<SettingsModel>> {
    const before = core.settings();
    const saved = await core.saveSettings(applySettingsPatch(before, patch));
    if (!saved.ok) return saved;
    if (saved.settings.launchAtLogin !== before.launchAtLogin && deps.launchAtLogin.supported) {
      await deps.launchAtLogin.apply(saved.settings.launchAtLogin);
    }
    if (saved.settings.autoUpdate !== before.autoUpdate) deps.updates?.settingsChanged();
    // New sources, thresholds or lead time: the engine judges the figures again on its next look.
    if (
      JSON.stringify(saved.settings.sources) !== JSON.stringify(before.sources) ||
      JSON.stringify(saved.settings.alerts) !== JSON.stringify(before.alerts)
    ) {
      nudge();
    }
    return changed({ ok: true });
  }

  const handlers: InvokeHandlers = {
    getPopover: () => Promise.resolve(popover()),
    async refresh() {
      await Promise.all([engine.pollNow({ manual: true }), checkRoute()]);
      return popover();
    },
    getSettings: () => settingsModel(),
    saveSettings: (patch) => inTurn(() => saveSettings(patch)),
    async storeCredential({ id, value }) {
      const result = await core.credentials.store(id, new Secret(value));
      if (result.ok) nudge();
      return changed(result);
    },
    async clearCredential({ id }) {
      const result = await core.credentials.clear(id);
      if (result.ok) nudge();
      return changed(result);
    },
    snooze: ({ choice }) =>
      inTurn(async () => {
        const until = choice === 'off' ? null : snoozeUntil(core.clock.now(), choice);
        const saved = await core.saveSettings({ ...core.settings(), snoozeUntil: until });
        return changed(saved.ok ? { ok: true } : saved);
      }),
    openSettings: () => {
      deps.shell.openSettings();
      return Promise.resolve(null);
    },
    hidePopover: () => {
      deps.shell.hidePopover();
      return Promise.resolve(null);
    },
    fitPopover: ({ height }) => {
      deps.shell.fitPopover(height);
      return Promise.resolve(null);
    },
    copyText: ({ text }) => deps.shell.copyText(text),
    quit: () => {
      deps.shell.quit();
      return Promise.resolve(null);
    },
    openLogFile: () => deps.shell.openLogFile(),
    restartToUpdate: () => {
      deps.updates?.restart();
      return Promise.resolve(null);
    },
    async sendTestNotification() {
      // Straight to the notifier (not the alert ledger): the user asked for it, now.
      try {
        await deps.notifier.notify(TEST_NOTIFICATION);
        return { ok: true, value: null };
      } catch (error) {
        return {
          ok: false,
          message: `The test notification could not be shown: ${(error as Error).message}`,
        };
      }
    },
    installStatusLine: ({ replace }) =>
      installStatusLine(
        {
          pathEnv: core.pathEnv,
          command: deps.statusLineCommand,
          now: () => core.clock.now(),
        },
        replace,
      ),
  };

  let unsubscribe: (() => void) | null = null;
  let unsubscribeUpdates: (() => void) | null = null;
  return {
    handlers,
    engine,
    popover,
    tray,
    settings: () => settingsModel(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      unsubscribe ??= engine.subscribe(publish);
      unsubscribeUpdates ??= deps.updates?.subscribe(publish) ?? null;
      engine.start();
      deps.updates?.start();
      void checkRoute();
    },
    pause() {
      asleep = true;
      engine.pause();
    },
    resume() {
      asleep = false;
      engine.resume();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      unsubscribeUpdates?.();
      unsubscribeUpdates = null;
      deps.updates?.stop();
      await engine.stop();
      await routing;
    },
  };
}

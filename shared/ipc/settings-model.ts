import type { Settings, TrayTitleChoice } from '../domain/settings';
import type { SourceId } from '../domain/snapshot';

/** A credential Pacewatch keeps in the OS keychain, pasted by the user. */
export type CredentialKind = 'web' | 'admin';

/** What the settings can switch on and off: each limit source, and the local-transcript estimate. */
export type ToggleableSource = SourceId | 'logs';

/** What settings may show about a credential: stored or not, and since when. Never the value. */
export interface CredentialModel {
  readonly id: CredentialKind;
  readonly label: string;
  readonly stored: boolean;
  readonly storedAt: number | null;
  /** How to get one, in a sentence. */
  readonly hint: string;
}

/** One source's switch. */
export interface SourceToggleModel {
  readonly id: ToggleableSource;
  readonly label: string;
  readonly description: string;
  /** False when this build cannot run the source yet. */
  readonly available: boolean;
}

/** Everything the settings window shows. */
export interface SettingsModel {
  readonly settings: Settings;
  readonly sources: readonly SourceToggleModel[];
  readonly credentials: readonly CredentialModel[];
  readonly launchAtLogin: { readonly supported: boolean; readonly note: string | null };
  /** Where settings, cache, history and the alert ledger live. */
  readonly dataDir: string;
  /** Sentences about the last keychain read, e.g. a locked keychain. */
  readonly problems: readonly string[];
  /** The limit windows that may have thresholds of their own: session, week, and those seen. */
  readonly windows: readonly { readonly id: string; readonly label: string }[];
}

/** The settings a user can change from the settings window; absent fields stay as they are. */
export interface SettingsPatch {
  readonly thresholds?: readonly number[];
  readonly lockoutLeadMinutes?: number;
  readonly notifyOnReset?: boolean;
  readonly pollIntervalSeconds?: {
    readonly oauth?: number;
    readonly web?: number;
    readonly admin?: number;
  };
  readonly quietHours?: { readonly start: string; readonly end: string } | null;
  readonly launchAtLogin?: boolean;
  /** What the tray title shows (`settings.trayTitle`). */
  readonly trayTitle?: TrayTitleChoice;
  readonly sources?: Partial<Readonly<Record<ToggleableSource, boolean>>>;
  readonly monthlyBudgetUsd?: number | null;
  /** Whether the app looks for and downloads new versions (`settings.autoUpdate`). */
  readonly autoUpdate?: boolean;
  /** Per window id, thresholds that replace the general ones; null goes back to the general ones. */
  readonly windowThresholds?: Readonly<Record<string, readonly number[] | null>>;
}

/** How long to hold notifications. */
export type SnoozeChoice = '1h' | 'tomorrow' | 'off';

/** What setting up Claude Code's status line from settings came to. */
export interface StatusLineSetup {
  /** What happened, or the question to ask. */
  readonly message: string;
  /** A different status line is configured: the user may confirm replacing it. */
  readonly replaceable: boolean;
}

import type { PopoverModel } from './popover-model';
import type {
  CredentialKind,
  SettingsModel,
  SettingsPatch,
  SnoozeChoice,
  StatusLineSetup,
} from './settings-model';

/** An expected failure travels as data: `invoke` keeps only an Error's message. */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Every request a page may make of main: its arguments and its answer. */
export interface InvokeContract {
  getPopover: { args: []; result: PopoverModel };
  /** A manual refresh of every source; answers with the new popover. */
  refresh: { args: []; result: PopoverModel };
  getSettings: { args: []; result: SettingsModel };
  saveSettings: { args: [patch: SettingsPatch]; result: IpcResult<SettingsModel> };
  /** Secrets travel this way only: renderer → main, never back. */
  storeCredential: {
    args: [request: { id: CredentialKind; value: string }];
    result: IpcResult<SettingsModel>;
  };
  clearCredential: { args: [request: { id: CredentialKind }]; result: IpcResult<SettingsModel> };
  snooze: { args: [request: { choice: SnoozeChoice }]; result: IpcResult<SettingsModel> };
  openSettings: { args: []; result: null };
  hidePopover: { args: []; result: null };
  /** The popover's content height in CSS px: main sizes its window to it, within the work area. */
  fitPopover: { args: [request: { height: number }]; result: null };
  /** Puts a short text (a command to run) on the system clipboard. */
  copyText: { args: [request: { text: string }]; result: IpcResult<null> };
  quit: { args: []; result: null };
  /** Shows a test notification through the app's notifier; the answer says if it failed. */
  sendTestNotification: { args: []; result: IpcResult<null> };
  /** Opens the app's log file (in the data dir) for a bug report; the answer says if it failed. */
  openLogFile: { args: []; result: IpcResult<null> };
  /** "Restart to update": installs the downloaded version and starts it (the user's click only). */
  restartToUpdate: { args: []; result: null };
  /** Adds Pacewatch's status line to Claude Code's settings, as `pacewatch statusline --install`. */
  installStatusLine: {
    args: [request: { replace: boolean }];
    result: IpcResult<StatusLineSetup>;
  };
}

/** A request's name. */
export type InvokeName = keyof InvokeContract;
/** A request's arguments. */
export type InvokeArgs<N extends InvokeName> = InvokeContract[N]['args'];
/** A request's answer. */
export type InvokeResult<N extends InvokeName> = InvokeContract[N]['result'];

/** Every message main pushes to the pages. */
export interface EventContract {
  popover: PopoverModel;
  settings: SettingsModel;
}

/** An event's name. */
export type EventName = keyof EventContract;

/** Every request name at run time; does not compile when one is missing. */
export const INVOKE_NAMES = [
  'getPopover',
  'refresh',
  'getSettings',
  'saveSettings',
  'storeCredential',
  'clearCredential',
  'snooze',
  'openSettings',
  'hidePopover',
  'fitPopover',
  'copyText',
  'quit',
  'sendTestNotification',
  'openLogFile',
  'restartToUpdate',
  'installStatusLine',
] as const satisfies readonly InvokeName[];

/** Every event name at run time; does not compile when one is missing. */
export const EVENT_NAMES = ['popover', 'settings'] as const satisfies readonly EventName[];

/** `true` only when the run-time lists name every message: a missing one fails to compile. */
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const CONTRACT_LISTS_COMPLETE: [
  Complete<InvokeName, (typeof INVOKE_NAMES)[number]>,
  Complete<EventName, (typeof EVENT_NAMES)[number]>,
] = [true, true];

/** The Electron channel of a request. */
export function invokeChannel(name: InvokeName): string {
  return `pacewatch:invoke:${name}`;
}

/** The Electron channel of an event. */
export function eventChannel(name: EventName): string {
  return `pacewatch:event:${name}`;
}

/** What the preload exposes as `window.pacewatch`: one function per message, nothing else. */
export type PacewatchApi = {
  readonly [N in InvokeName]: (...args: InvokeArgs<N>) => Promise<InvokeResult<N>>;
} & {
  /** Calls `listener` with every pushed `event`; returns the unsubscribe function. */
  readonly on: <E extends EventName>(
    event: E,
    listener: (payload: EventContract[E]) => void,
  ) => () => void;
};

import type { PacewatchApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the dev bridge (dev:browser); nothing else crosses. */
    readonly pacewatch?: PacewatchApi;
  }
}

/** The app's API: one function per message to main. */
export function pacewatch(): PacewatchApi {
  const api = window.pacewatch;
  if (api === undefined)
    throw new Error('The Pacewatch bridge is missing: open this page from the app.');
  return api;
}

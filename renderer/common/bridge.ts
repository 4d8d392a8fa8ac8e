import type { HeadroomApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the dev bridge (dev:browser); nothing else crosses. */
    readonly headroom?: HeadroomApi;
  }
}

/** The app's API: one function per message to main. */
export function headroom(): HeadroomApi {
  const api = window.headroom;
  if (api === undefined)
    throw new Error('The Headroom bridge is missing: open this page from the app.');
  return api;
}

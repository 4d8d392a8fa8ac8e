import { join } from 'node:path';

/** The custom protocol the app's pages are served from (never `file://`). */
export const APP_SCHEME = 'pacewatch';
/** The one host of that protocol. */
export const APP_HOST = 'app';
/** Where the pages live: `pacewatch://app`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The two pages. */
export const PAGES = { popover: 'popover.html', settings: 'settings.html' } as const;

/** A page's URL on the app protocol. */
export function pageUrl(page: keyof typeof PAGES): string {
  return `${APP_ORIGIN}/${PAGES[page]}`;
}

/**
 * The pages' Content-Security-Policy: scripts and styles from the app only (no inline script),
 * no plugins, frames, forms or remote content. `connect` is 'none' in Electron (IPC needs no
 * network); the dev:browser server allows 'self' for its loopback bridge.
 */
export function contentSecurityPolicy(connect: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  map: 'application/json; charset=utf-8',
};

/** A file to serve, or why not. */
export type AssetLookup =
  | { readonly ok: true; readonly file: string; readonly type: string }
  | { readonly ok: false; readonly status: 404 };

/**
 * Maps a request path to a file in the renderer's build folder. The folder is flat, so only
 * plain names are served: no directories, no `..`, no encoded tricks.
 */
export function resolveAsset(root: string, pathname: string): AssetLookup {
  let name: string;
  try {
    name = decodeURIComponent(pathname.replace(/^\/+/, '')) || PAGES.popover;
  } catch {
    return { ok: false, status: 404 };
  }
  const match = /^[a-z0-9][a-z0-9.-]*\.([a-z]+)$/.exec(name);
  const type = match?.[1] === undefined ? undefined : TYPES[match[1]];
  if (type === undefined || name.includes('..')) return { ok: false, status: 404 };
  return { ok: true, file: join(root, name), type };
}

/** Headers for every page and asset: the CSP, no sniffing, no caching of a stale bundle. */
export function assetHeaders(type: string, csp: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}
